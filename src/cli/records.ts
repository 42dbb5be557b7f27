// A journal entry flattened into the fields operators read, export and audit (no Slack reply URLs, no drafts).
import type { EntrySource, JournalEntry, JournalState } from '../store/index.js';

export type EntryRecord = {
  uniqueId: string;
  state: JournalState;
  /** form, quick_log (a preview card) or workflow (the Workflow Builder step). */
  source: EntrySource;
  slackUserId: string;
  slackTeamId: string | null;
  customer: string;
  kind: string;
  channelId: number;
  contactedBy: string;
  contact: string;
  onDateTime: string | null;
  notes: string | null;
  followUpAt: string | null;
  followUpBy: string | null;
  followUpNotes: string | null;
  followUpSlackUserId: string | null;
  attempts: number;
  lastError: string | null;
  issues: string;
  createdAt: string;
  updatedAt: string;
  loggedAt: string | null;
  nextAttemptAt: string | null;
  sendingUntil: string | null;
};

/** The order of columns in CSV and of fields in `show`. */
export const RECORD_FIELDS: readonly (keyof EntryRecord)[] = [
  'uniqueId',
  'state',
  'source',
  'slackUserId',
  'slackTeamId',
  'customer',
  'kind',
  'channelId',
  'contactedBy',
  'contact',
  'onDateTime',
  'notes',
  'followUpAt',
  'followUpBy',
  'followUpNotes',
  'followUpSlackUserId',
  'attempts',
  'lastError',
  'issues',
  'createdAt',
  'updatedAt',
  'loggedAt',
  'nextAttemptAt',
  'sendingUntil',
];

const KIND_NAMES: Record<string, string> = { C: 'call', E: 'email', V: 'visit' };

const iso = (at: Date | undefined): string | null => (at ? at.toISOString() : null);

export function toRecord(entry: JournalEntry): EntryRecord {
  const { interaction } = entry;
  const customer =
    'accountNo' in interaction.customer ? interaction.customer.accountNo : `#${interaction.customer.customerId}`;
  const contact =
    'contactId' in interaction.contact
      ? `#${interaction.contact.contactId}`
      : `${interaction.contact.firstName} ${interaction.contact.surname}`;
  const pending = entry.state === 'pending';
  return {
    uniqueId: entry.uniqueId,
    state: entry.state,
    source: entry.source,
    slackUserId: entry.slackUserId,
    slackTeamId: entry.slackTeamId ?? null,
    customer,
    kind: KIND_NAMES[interaction.kind] ?? interaction.kind,
    channelId: interaction.channelId,
    contactedBy: interaction.contactedBy,
    contact,
    onDateTime: interaction.onDateTime ?? null,
    notes: interaction.notes ?? null,
    followUpAt: interaction.followUp?.at ?? null,
    followUpBy: interaction.followUp?.by ?? null,
    followUpNotes: interaction.followUp?.notes ?? null,
    followUpSlackUserId: entry.followUpSlackUserId ?? null,
    attempts: entry.attempts,
    lastError: entry.lastError ?? null,
    issues: entry.issues.map((issue) => `${issue.id}: ${issue.message}`).join('; '),
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    loggedAt: iso(entry.loggedAt),
    nextAttemptAt: pending ? iso(entry.nextAttemptAt) : null,
    sendingUntil: pending ? iso(entry.leaseUntil) : null,
  };
}
