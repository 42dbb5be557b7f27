// The soak's figures: what was acked, what Caliq stored (once, twice, never), who was told, which reminders went out.
import type pg from 'pg';
import type { CaliqSimulator } from '../tools/caliq-simulator/index.js';
import type { FakeSlack } from '../tools/slack-stand-in/fake-slack.js';
import type { FaultEvent } from './soak-faults.js';
import type { Submission } from './soak-load.js';

export type SoakFigures = {
  sent: number;
  acked: number;
  formErrors: number;
  noAck: number;
  /** Not acked (the instance was killed, or the answer was late) yet journaled and stored: the user may retry. */
  notAckedButStored: number;
  storedOnce: number;
  storedTwice: number;
  rejected: number;
  /** Acked, never stored, not rejected by Caliq. */
  lost: number;
  journal: Record<string, number>;
  usersTold: number;
  usersNotTold: number;
  remindersCreated: number;
  remindersDue: number;
  remindersSent: number;
  remindersSentTwice: number;
  remindersMissing: number;
  /** A DM is in Slack but the reminder is not recorded as sent (still `sending`). */
  remindersUnrecorded: number;
  /** Logged entries with a follow-up but no reminder row. */
  remindersNeverCreated: number;
  /** conversations.history calls: a reminder send whose outcome was lost, looked for in the DM before a retry. */
  reminderLookups: number;
  /** One line per entry behind a failed check, with its journal times (seconds from the start of the load). */
  problems: string[];
};

/** The figures that must be 0 for "nothing lost": named, so the exit code and the report agree. */
export const MUST_BE_ZERO = [
  'storedTwice',
  'lost',
  'usersNotTold',
  'remindersSentTwice',
  'remindersMissing',
  'remindersNeverCreated',
] as const satisfies readonly (keyof SoakFigures)[];

const REMINDER_EVENT = 'caliq_reminder';

/** Final answers: anything but "⏳ saved, I'll tell you" (and "⏳ already being sent"). */
const isFinal = (text: string): boolean => !text.startsWith('⏳');

const textOf = (body: unknown): string =>
  typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'string'
    ? (body as { text: string }).text
    : '';

export async function gatherFigures(input: {
  submissions: readonly Submission[];
  sim: CaliqSimulator;
  fake: FakeSlack;
  db: pg.Pool;
  schema: string;
  now: Date;
  loadStartedAt: Date;
}): Promise<SoakFigures> {
  const { submissions, sim, fake, db, schema } = input;
  const stored = new Map<string, number>();
  for (const interaction of sim.interactions)
    stored.set(interaction.uniqueId, (stored.get(interaction.uniqueId) ?? 0) + 1);
  type JournalRow = {
    unique_id: string;
    slack_user_id: string;
    state: string;
    follow_up_slack_user_id: string | null;
    attempts: number;
    created_at: Date;
    logged_at: Date | null;
    delay_notice_at: Date | null;
  };
  const journalRows = (
    await db.query<JournalRow>(
      `SELECT unique_id, slack_user_id, state, follow_up_slack_user_id, attempts, created_at, logged_at, delay_notice_at
       FROM ${schema}.journal`,
    )
  ).rows;
  const seconds = (at: Date | null) =>
    at ? `${((at.getTime() - input.loadStartedAt.getTime()) / 1000).toFixed(1)} s` : '-';
  const describeEntry = (row: JournalRow, why: string) =>
    `${why}: ${row.unique_id} (${row.slack_user_id}) ${row.state}, ${row.attempts} attempt(s), created ${seconds(row.created_at)}, logged ${seconds(row.logged_at)}, delay notice ${seconds(row.delay_notice_at)}`;
  const stateOf = new Map(journalRows.map((row) => [row.unique_id, row.state]));
  const journal: Record<string, number> = {};
  for (const row of journalRows) journal[row.state] = (journal[row.state] ?? 0) + 1;

  const acked = submissions.filter((s) => s.outcome === 'acked');
  const count = (ids: readonly Submission[], test: (id: string) => boolean) =>
    ids.filter((s) => test(s.uniqueId)).length;

  // Told: a final answer on the submission's own response_url, or (news after a delay goes by DM and names no
  // UniqueID) one of the user's final non-reminder DMs for each of their entries that only heard "saved".
  const answers = new Map<string, string[]>();
  for (const response of fake.responses)
    answers.set(response.id, [...(answers.get(response.id) ?? []), textOf(response.body)]);
  const waitingByUser = new Map<string, number>();
  let toldDirectly = 0;
  for (const submission of acked) {
    if ((answers.get(submission.uniqueId) ?? []).some(isFinal)) toldDirectly += 1;
    else waitingByUser.set(submission.user.slackUserId, (waitingByUser.get(submission.user.slackUserId) ?? 0) + 1);
  }
  let toldLater = 0;
  const reminderDms = new Map<string, number>();
  const users = new Set(submissions.map((s) => s.user.slackUserId));
  for (const user of users) {
    const dms = fake.messagesIn(`D${user}`);
    const finals = dms.filter((m) => m.metadata?.event_type !== REMINDER_EVENT && isFinal(m.text)).length;
    toldLater += Math.min(finals, waitingByUser.get(user) ?? 0);
    for (const m of dms) {
      const id = m.metadata?.event_type === REMINDER_EVENT ? m.metadata.event_payload?.reminder_id : undefined;
      if (typeof id === 'string') reminderDms.set(id, (reminderDms.get(id) ?? 0) + 1);
    }
  }

  const reminders = (
    await db.query<{ id: string; unique_id: string; due_at: Date; state: string }>(
      `SELECT id, unique_id, due_at, state FROM ${schema}.reminders`,
    )
  ).rows;
  const due = reminders.filter((r) => r.due_at.getTime() <= input.now.getTime());
  const withReminder = new Set(reminders.map((r) => r.unique_id));
  const loggedWithFollowUp = journalRows.filter((row) => row.state === 'logged' && row.follow_up_slack_user_id);
  const problems = loggedWithFollowUp
    .filter((row) => !withReminder.has(row.unique_id))
    .map((row) => describeEntry(row, 'no reminder'));
  for (const [user, waiting] of waitingByUser) {
    const finals = fake
      .messagesIn(`D${user}`)
      .filter((m) => m.metadata?.event_type !== REMINDER_EVENT && isFinal(m.text));
    if (finals.length >= waiting) continue;
    const untold = acked.filter((s) => s.user.slackUserId === user && !(answers.get(s.uniqueId) ?? []).some(isFinal));
    const rows = journalRows.filter((row) => untold.some((s) => s.uniqueId === row.unique_id));
    problems.push(`${user}: ${waiting} entries heard only "saved", ${finals.length} later DM(s)`);
    for (const row of rows) problems.push(describeEntry(row, '  heard only "saved"'));
  }

  return {
    sent: submissions.length,
    acked: acked.length,
    formErrors: submissions.filter((s) => s.outcome === 'form_errors').length,
    noAck: submissions.filter((s) => s.outcome === 'no_ack').length,
    notAckedButStored: submissions.filter((s) => s.outcome !== 'acked' && (stored.get(s.uniqueId) ?? 0) > 0).length,
    storedOnce: count(acked, (id) => stored.get(id) === 1),
    storedTwice: count(acked, (id) => (stored.get(id) ?? 0) > 1),
    rejected: count(acked, (id) => stateOf.get(id) === 'rejected'),
    lost: count(acked, (id) => (stored.get(id) ?? 0) === 0 && stateOf.get(id) !== 'rejected'),
    journal,
    usersTold: toldDirectly + toldLater,
    usersNotTold: acked.length - toldDirectly - toldLater,
    remindersCreated: reminders.length,
    remindersDue: due.length,
    remindersSent: reminders.filter((r) => r.state === 'sent').length,
    remindersSentTwice: reminders.filter((r) => (reminderDms.get(r.id) ?? 0) > 1).length,
    remindersMissing: due.filter((r) => (reminderDms.get(r.id) ?? 0) === 0).length,
    remindersUnrecorded: reminders.filter((r) => r.state !== 'sent' && (reminderDms.get(r.id) ?? 0) > 0).length,
    remindersNeverCreated: loggedWithFollowUp.filter((row) => !withReminder.has(row.unique_id)).length,
    reminderLookups: fake.callsTo('conversations.history').length,
    problems,
  };
}

export type SoakSettings = Record<string, string | number | boolean>;

export function failedChecks(figures: SoakFigures): string[] {
  return MUST_BE_ZERO.filter((key) => figures[key] !== 0).map((key) => `${key} = ${figures[key]}`);
}

/** The report as Markdown: when and how it ran, the faults, the figures with the must-be-0 ones marked. */
export function formatReport(input: {
  startedAt: Date;
  settings: SoakSettings;
  events: readonly FaultEvent[];
  figures: SoakFigures;
  drainMs: number;
  drained: boolean;
}): string {
  const { figures: f } = input;
  const mark = (key: (typeof MUST_BE_ZERO)[number]) => `${f[key]}${f[key] === 0 ? ' ✅' : ' ❌'}`;
  const lines = [
    `Ran ${input.startedAt.toISOString()} with ${Object.entries(input.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    '',
    'Faults (seconds from the start of the load):',
    ...input.events.map((e) => `- ${(e.atMs / 1000).toFixed(1)} s: ${e.what}`),
    '',
    `Drain: ${(input.drainMs / 1000).toFixed(1)} s after the load, ${input.drained ? 'everything settled' : 'TIMED OUT before everything settled'}.`,
    '',
    '| Submissions | |',
    '|---|---|',
    `| sent | ${f.sent} |`,
    `| acked | ${f.acked} |`,
    `| refused with form errors (journal not writable; the form stays open) | ${f.formErrors} |`,
    `| no ack (instance killed, or no answer within 3 s) | ${f.noAck} |`,
    `| not acked but stored anyway | ${f.notAckedButStored} |`,
    `| acked: stored once | ${f.storedOnce} |`,
    `| acked: stored twice (must be 0) | ${mark('storedTwice')} |`,
    `| acked: rejected by Caliq | ${f.rejected} |`,
    `| acked: lost (must be 0) | ${mark('lost')} |`,
    `| acked: users told a final answer | ${f.usersTold} |`,
    `| acked: users not told (must be 0) | ${mark('usersNotTold')} |`,
    `| journal states | ${Object.entries(f.journal)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    '',
    '| Reminders | |',
    '|---|---|',
    `| created | ${f.remindersCreated} |`,
    `| logged with a follow-up but no reminder (must be 0) | ${mark('remindersNeverCreated')} |`,
    `| due | ${f.remindersDue} |`,
    `| sent (recorded) | ${f.remindersSent} |`,
    `| sent twice (must be 0) | ${mark('remindersSentTwice')} |`,
    `| missing: due, no DM (must be 0) | ${mark('remindersMissing')} |`,
    `| DM in Slack but not recorded as sent | ${f.remindersUnrecorded} |`,
    `| interrupted sends looked for in the DM (conversations.history) | ${f.reminderLookups} |`,
    ...(f.problems.length > 0 ? ['', 'Entries behind a failed check:', ...f.problems.map((p) => `- ${p}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
