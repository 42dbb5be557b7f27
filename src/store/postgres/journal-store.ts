// The journal in PostgreSQL: one row per UniqueID, taken for one delivery attempt by an atomic conditional UPDATE.
import type { CaliqIssue, InteractionInput } from '../../caliq/index.js';
import { type Draft, readReplyTarget } from '../../interactions/index.js';
import { RecordNotFoundError } from '../errors.js';
import { newPendingEntry, readSource } from '../new-entry.js';
import type { FirstClaim, JournalEntry, JournalFilter, JournalState, JournalStore, NewJournalEntry } from '../types.js';
import type { Sql } from './connection.js';

type JournalRow = {
  unique_id: string;
  slack_user_id: string;
  slack_team_id: string | null;
  state: JournalState;
  interaction: InteractionInput;
  draft: Draft;
  reply_to: unknown;
  follow_up_slack_user_id: string | null;
  source: string | null;
  attempts: number;
  last_error: string | null;
  issues: CaliqIssue[];
  created_at: Date;
  updated_at: Date;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  logged_at: Date | null;
  delay_notice_at: Date | null;
  give_up_notice_at: Date | null;
  outcome_told_at: Date | null;
};

const JOURNAL_STATES: readonly JournalState[] = ['pending', 'logged', 'rejected', 'failed'];

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function toEntry(row: JournalRow): JournalEntry {
  return {
    uniqueId: row.unique_id,
    slackUserId: row.slack_user_id,
    slackTeamId: orUndefined(row.slack_team_id),
    state: row.state,
    interaction: row.interaction,
    draft: row.draft,
    replyTo: readReplyTarget(row.reply_to),
    followUpSlackUserId: orUndefined(row.follow_up_slack_user_id),
    source: readSource(row.source),
    attempts: row.attempts,
    lastError: orUndefined(row.last_error),
    issues: row.issues,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextAttemptAt: orUndefined(row.next_attempt_at),
    leaseUntil: orUndefined(row.lease_until),
    loggedAt: orUndefined(row.logged_at),
    delayNoticeAt: orUndefined(row.delay_notice_at),
    giveUpNoticeAt: orUndefined(row.give_up_notice_at),
    outcomeToldAt: orUndefined(row.outcome_told_at),
  };
}

/** jsonb parameters are sent as JSON text, so arrays are not mistaken for PostgreSQL arrays. */
const json = (value: unknown): string => JSON.stringify(value);

// As in SQLite: outcomes are recorded only on a pending entry, so a worker whose lease ran out cannot overturn what a
// later attempt settled; the settled entry is returned unchanged instead.
const SETTLE_WHERE = "WHERE unique_id = $1 AND state = 'pending' RETURNING *";

export function createPostgresJournalStore(sql: Sql): JournalStore {
  async function getOrThrow(uniqueId: string): Promise<JournalEntry> {
    const row = await sql.one<JournalRow>('SELECT * FROM journal WHERE unique_id = $1', [uniqueId]);
    if (!row) throw new RecordNotFoundError('journal', uniqueId);
    return toEntry(row);
  }

  async function settle(text: string, values: unknown[]): Promise<JournalEntry> {
    const row = await sql.one<JournalRow>(text, values);
    return row ? toEntry(row) : getOrThrow(values[0] as string);
  }

  return {
    async insert(entry: NewJournalEntry, now: Date, claim?: FirstClaim) {
      // RETURNING only the key: the new row is known, and parsing its jsonb back would cost CPU on the ack path.
      const inserted = await sql.one<{ unique_id: string }>(
        `INSERT INTO journal (unique_id, slack_user_id, slack_team_id, state, interaction, draft, reply_to,
           follow_up_slack_user_id, source, attempts, issues, created_at, updated_at, next_attempt_at, lease_until)
         VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, $9, $10, '[]', $8, $8, $8, $11)
         ON CONFLICT (unique_id) DO NOTHING
         RETURNING unique_id`,
        [
          entry.uniqueId,
          entry.slackUserId,
          entry.slackTeamId ?? null,
          json(entry.interaction),
          json(entry.draft),
          json(entry.replyTo),
          entry.followUpSlackUserId ?? null,
          now,
          entry.source ?? 'form',
          claim ? 1 : 0,
          claim?.leaseUntil ?? null,
        ],
      );
      if (inserted) return { inserted: true, entry: newPendingEntry(entry, now, claim) };
      return { inserted: false, entry: await getOrThrow(entry.uniqueId) };
    },
    async get(uniqueId) {
      const row = await sql.one<JournalRow>('SELECT * FROM journal WHERE unique_id = $1', [uniqueId]);
      return row ? toEntry(row) : undefined;
    },
    async claim(uniqueId, now, leaseUntil) {
      // Under READ COMMITTED a second claimer blocks on the row, then re-checks the lease on the committed row: one wins.
      const row = await sql.one<JournalRow>(
        `UPDATE journal SET lease_until = $3, attempts = attempts + 1, updated_at = $2
         WHERE unique_id = $1 AND state = 'pending' AND (lease_until IS NULL OR lease_until <= $2)
         RETURNING *`,
        [uniqueId, now, leaseUntil],
      );
      return row ? toEntry(row) : undefined;
    },
    async renewLease(uniqueId, attempts, leaseUntil, now) {
      const row = await sql.one<{ unique_id: string }>(
        `UPDATE journal SET lease_until = $3, updated_at = $4
         WHERE unique_id = $1 AND state = 'pending' AND attempts = $2
         RETURNING unique_id`,
        [uniqueId, attempts, leaseUntil, now],
      );
      return row !== undefined;
    },
    async release(uniqueId, attempts, now) {
      const row = await sql.one<{ unique_id: string }>(
        `UPDATE journal SET lease_until = NULL, attempts = attempts - 1, next_attempt_at = $3, updated_at = $3
         WHERE unique_id = $1 AND state = 'pending' AND attempts = $2 AND lease_until IS NOT NULL
         RETURNING unique_id`,
        [uniqueId, attempts, now],
      );
      return row !== undefined;
    },
    async listDue(now, limit) {
      // A plain read: whoever lists an entry must still claim it, and only one claim succeeds.
      const rows = await sql.rows<JournalRow>(
        `SELECT * FROM journal
         WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
           AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY created_at, unique_id COLLATE "C" LIMIT $2`,
        [now, limit],
      );
      return rows.map(toEntry);
    },
    async nextDueAt() {
      const row = await sql.one<{ at: Date | null }>(
        `SELECT MIN(GREATEST(COALESCE(next_attempt_at, 'epoch'), COALESCE(lease_until, 'epoch'))) AS at
         FROM journal WHERE state = 'pending'`,
      );
      return orUndefined(row?.at ?? null);
    },
    markLogged(uniqueId, now) {
      return settle(
        `UPDATE journal SET state = 'logged', logged_at = $2, updated_at = $2, lease_until = NULL,
           next_attempt_at = NULL, last_error = NULL
         ${SETTLE_WHERE}`,
        [uniqueId, now],
      );
    },
    markRejected(uniqueId, issues, now) {
      return settle(
        `UPDATE journal SET state = 'rejected', issues = $3, updated_at = $2, lease_until = NULL, next_attempt_at = NULL
         ${SETTLE_WHERE}`,
        [uniqueId, now, json(issues)],
      );
    },
    markFailed(uniqueId, error, now) {
      return settle(
        `UPDATE journal SET state = 'failed', last_error = $3, updated_at = $2, lease_until = NULL,
           next_attempt_at = NULL
         ${SETTLE_WHERE}`,
        [uniqueId, now, error],
      );
    },
    markRetry(uniqueId, error, nextAttemptAt, now) {
      return settle(
        `UPDATE journal SET last_error = $3, next_attempt_at = $4, updated_at = $2, lease_until = NULL
         ${SETTLE_WHERE}`,
        [uniqueId, now, error, nextAttemptAt],
      );
    },
    async noteDelayNotice(uniqueId, now) {
      await sql.rows('UPDATE journal SET delay_notice_at = $2 WHERE unique_id = $1', [uniqueId, now]);
    },
    async noteGiveUpNotice(uniqueId, now) {
      await sql.rows('UPDATE journal SET give_up_notice_at = $2 WHERE unique_id = $1', [uniqueId, now]);
    },
    async noteOutcomesTold(uniqueIds, now) {
      if (uniqueIds.length === 0) return;
      await sql.rows('UPDATE journal SET outcome_told_at = $2 WHERE unique_id = ANY($1::text[])', [uniqueIds, now]);
    },
    async claimUntold(settledBefore, now, limit) {
      // SKIP LOCKED: a concurrent sweep takes other entries instead of waiting for these and then finding them told.
      const rows = await sql.rows<JournalRow>(
        // A CTE, so the limited pick is made once (an IN subquery may be rescanned and pick more).
        `WITH picked AS (
           SELECT unique_id FROM journal
           WHERE outcome_told_at IS NULL AND state IN ('logged', 'rejected', 'failed') AND updated_at < $1
           ORDER BY updated_at, unique_id COLLATE "C" LIMIT $3
           FOR UPDATE SKIP LOCKED)
         UPDATE journal SET outcome_told_at = $2 FROM picked
         WHERE journal.unique_id = picked.unique_id AND journal.outcome_told_at IS NULL
         RETURNING journal.*`,
        [settledBefore, now, limit],
      );
      return rows
        .map(toEntry)
        .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.uniqueId < b.uniqueId ? -1 : 1));
    },
    async resubmit(uniqueId, change, now) {
      // As in SQLite: a fresh delivery (attempts, errors, notices start again); created_at keeps the first submission.
      const row = await sql.one<JournalRow>(
        `UPDATE journal SET state = 'pending', interaction = $2, draft = $3, reply_to = $4, issues = '[]',
           last_error = NULL, attempts = 0, next_attempt_at = $5, lease_until = NULL, logged_at = NULL,
           delay_notice_at = NULL, give_up_notice_at = NULL, outcome_told_at = NULL, updated_at = $5
         WHERE unique_id = $1 AND state IN ('rejected', 'failed')
         RETURNING *`,
        [uniqueId, json(change.interaction), json(change.draft), json(change.replyTo), now],
      );
      return row ? toEntry(row) : undefined;
    },
    async listForUser(slackUserId, since, states) {
      if (states.length === 0) return [];
      const rows = await sql.rows<JournalRow>(
        `SELECT * FROM journal
         WHERE slack_user_id = $1 AND created_at >= $2 AND state = ANY($3::text[])
         ORDER BY created_at DESC, unique_id COLLATE "C" DESC`,
        [slackUserId, since, [...states]],
      );
      return rows.map(toEntry);
    },
    async countByState() {
      const counts = Object.fromEntries(JOURNAL_STATES.map((state) => [state, 0])) as Record<JournalState, number>;
      const rows = await sql.rows<{ state: JournalState; count: number }>(
        'SELECT state, COUNT(*)::int AS count FROM journal GROUP BY state',
      );
      for (const { state, count } of rows) counts[state] = count;
      return counts;
    },
    async oldestPendingAt() {
      const row = await sql.one<{ at: Date | null }>(
        "SELECT MIN(created_at) AS at FROM journal WHERE state = 'pending'",
      );
      return orUndefined(row?.at ?? null);
    },
    async listContactsForAccount(accountNo, slackTeamId, limit) {
      const rows = await sql.rows<{ first_name: string; surname: string; at: Date }>(
        `SELECT first_name, surname, at FROM (
           SELECT interaction->'contact'->>'firstName' AS first_name, interaction->'contact'->>'surname' AS surname,
             created_at AS at,
             ROW_NUMBER() OVER (
               PARTITION BY lower(interaction->'contact'->>'firstName'), lower(interaction->'contact'->>'surname')
               ORDER BY created_at DESC, unique_id COLLATE "C" DESC) AS latest
           FROM journal
           WHERE upper(interaction->'customer'->>'accountNo') = upper($1)
             AND state IN ('pending', 'logged') AND ($2::text IS NULL OR slack_team_id = $2)
             AND interaction->'contact'->>'firstName' IS NOT NULL AND interaction->'contact'->>'surname' IS NOT NULL
         ) AS contacts
         WHERE latest = 1 ORDER BY at DESC LIMIT $3`,
        [accountNo, slackTeamId ?? null, limit],
      );
      return rows.map((row) => ({ firstName: row.first_name, surname: row.surname, lastLoggedAt: row.at }));
    },
    async list(filter: JournalFilter) {
      // One statement for every filter combination: a NULL list or instant disables that filter; LIMIT NULL means none.
      const listOrNull = (values: readonly string[] | undefined) => (values?.length ? [...values] : null);
      const rows = await sql.rows<JournalRow>(
        `SELECT * FROM journal
         WHERE ($1::text[] IS NULL OR state = ANY($1::text[]))
           AND ($2::text[] IS NULL OR slack_user_id = ANY($2::text[]))
           AND ($3::timestamptz IS NULL OR created_at >= $3)
         ORDER BY created_at DESC, unique_id COLLATE "C" DESC LIMIT $4`,
        [listOrNull(filter.states), listOrNull(filter.slackUserIds), filter.since ?? null, filter.limit ?? null],
      );
      return rows.map(toEntry);
    },
  };
}
