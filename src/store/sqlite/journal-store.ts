// The journal of submitted interactions in SQLite: one row per UniqueID, leased by one delivery attempt at a time.
import type { CaliqIssue, InteractionInput } from '../../caliq/index.js';
import { type Draft, readReplyTarget } from '../../interactions/index.js';
import { RecordNotFoundError } from '../errors.js';
import { newPendingEntry, readSource } from '../new-entry.js';
import type { FirstClaim, JournalEntry, JournalFilter, JournalState, JournalStore, NewJournalEntry } from '../types.js';
import { fromNullable, fromOptionalMillis, parseJson, toMillis, toNullable } from './columns.js';
import type { Database } from './database.js';
import { createGroupCommit } from './group-commit.js';

type JournalRow = {
  unique_id: string;
  slack_user_id: string;
  slack_team_id: string | null;
  state: JournalState;
  interaction: string;
  draft: string;
  reply_to: string;
  follow_up_slack_user_id: string | null;
  source: string | null;
  attempts: number;
  last_error: string | null;
  issues: string;
  created_at: number;
  updated_at: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  logged_at: number | null;
  delay_notice_at: number | null;
  give_up_notice_at: number | null;
  outcome_told_at: number | null;
};

const JOURNAL_STATES: readonly JournalState[] = ['pending', 'logged', 'rejected', 'failed'];

function toEntry(row: JournalRow): JournalEntry {
  return {
    uniqueId: row.unique_id,
    slackUserId: row.slack_user_id,
    slackTeamId: fromNullable(row.slack_team_id),
    state: row.state,
    interaction: parseJson<InteractionInput>(row.interaction),
    draft: parseJson<Draft>(row.draft),
    replyTo: readReplyTarget(parseJson<unknown>(row.reply_to)),
    followUpSlackUserId: fromNullable(row.follow_up_slack_user_id),
    source: readSource(row.source),
    attempts: row.attempts,
    lastError: fromNullable(row.last_error),
    issues: parseJson<CaliqIssue[]>(row.issues),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    nextAttemptAt: fromOptionalMillis(row.next_attempt_at),
    leaseUntil: fromOptionalMillis(row.lease_until),
    loggedAt: fromOptionalMillis(row.logged_at),
    delayNoticeAt: fromOptionalMillis(row.delay_notice_at),
    giveUpNoticeAt: fromOptionalMillis(row.give_up_notice_at),
    outcomeToldAt: fromOptionalMillis(row.outcome_told_at),
  };
}

// Outcomes are recorded only on a pending entry: a worker whose lease ran out while Caliq answered slowly must not
// overturn what a later attempt already settled. The settled entry is returned unchanged instead.
const SETTLE_WHERE = "WHERE unique_id = @uniqueId AND state = 'pending' RETURNING *";

/** The journal on the given database; statements are prepared once here. */
export function createJournalStore(db: Database): JournalStore {
  const writes = createGroupCommit(db);
  const insertRow = db.prepare<Record<string, unknown>>(`
    INSERT INTO journal (unique_id, slack_user_id, slack_team_id, state, interaction, draft, reply_to,
      follow_up_slack_user_id, source, attempts, issues, created_at, updated_at, next_attempt_at, lease_until)
    VALUES (@uniqueId, @slackUserId, @slackTeamId, 'pending', @interaction, @draft, @replyTo,
      @followUpSlackUserId, @source, @attempts, '[]', @now, @now, @now, @leaseUntil)
    ON CONFLICT (unique_id) DO NOTHING`);
  const selectOne = db.prepare<[string], JournalRow>('SELECT * FROM journal WHERE unique_id = ?');
  const claimRow = db.prepare<Record<string, unknown>, JournalRow>(`
    UPDATE journal SET lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
    WHERE unique_id = @uniqueId AND state = 'pending' AND (lease_until IS NULL OR lease_until <= @now)
    RETURNING *`);
  const releaseRow = db.prepare<Record<string, unknown>>(`
    UPDATE journal SET lease_until = NULL, attempts = attempts - 1, next_attempt_at = @now, updated_at = @now
    WHERE unique_id = @uniqueId AND state = 'pending' AND attempts = @attempts AND lease_until IS NOT NULL`);
  const renewRow = db.prepare<Record<string, unknown>>(`
    UPDATE journal SET lease_until = @leaseUntil, updated_at = @now
    WHERE unique_id = @uniqueId AND state = 'pending' AND attempts = @attempts`);
  const selectDue = db.prepare<Record<string, unknown>, JournalRow>(`
    SELECT * FROM journal
    WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
      AND (lease_until IS NULL OR lease_until <= @now)
    ORDER BY created_at, unique_id LIMIT @limit`);
  // An entry becomes due when both its next attempt time and any lease have passed.
  const selectNextDue = db.prepare<[], { at: number | null }>(`
    SELECT MIN(MAX(COALESCE(next_attempt_at, 0), COALESCE(lease_until, 0))) AS at FROM journal WHERE state = 'pending'`);
  const logRow = db.prepare<Record<string, unknown>, JournalRow>(`
    UPDATE journal SET state = 'logged', logged_at = @now, updated_at = @now, lease_until = NULL,
      next_attempt_at = NULL, last_error = NULL
    ${SETTLE_WHERE}`);
  const rejectRow = db.prepare<Record<string, unknown>, JournalRow>(`
    UPDATE journal SET state = 'rejected', issues = @issues, updated_at = @now, lease_until = NULL,
      next_attempt_at = NULL
    ${SETTLE_WHERE}`);
  const failRow = db.prepare<Record<string, unknown>, JournalRow>(`
    UPDATE journal SET state = 'failed', last_error = @error, updated_at = @now, lease_until = NULL,
      next_attempt_at = NULL
    ${SETTLE_WHERE}`);
  const retryRow = db.prepare<Record<string, unknown>, JournalRow>(`
    UPDATE journal SET last_error = @error, next_attempt_at = @nextAttemptAt, updated_at = @now, lease_until = NULL
    ${SETTLE_WHERE}`);
  const noteDelay = db.prepare<[number, string]>('UPDATE journal SET delay_notice_at = ? WHERE unique_id = ?');
  const noteGiveUp = db.prepare<[number, string]>('UPDATE journal SET give_up_notice_at = ? WHERE unique_id = ?');
  const noteTold = db.prepare<[number, string]>(
    'UPDATE journal SET outcome_told_at = ? WHERE unique_id IN (SELECT value FROM json_each(?))',
  );
  const claimUntoldRows = db.prepare<Record<string, unknown>, JournalRow>(`
    UPDATE journal SET outcome_told_at = @now
    WHERE unique_id IN (
      SELECT unique_id FROM journal
      WHERE outcome_told_at IS NULL AND state IN ('logged', 'rejected', 'failed') AND updated_at < @before
      ORDER BY updated_at, unique_id LIMIT @limit)
    RETURNING *`);
  // IMMEDIATE takes the write lock up front, so a second process waits on busy_timeout instead of failing mid-way.
  const claimUntold = db.transaction((before: number, now: number, limit: number) =>
    claimUntoldRows.all({ before, now, limit }).map(toEntry),
  );
  // A resubmission is a fresh delivery: attempts, errors and notices start again, so the worker's retry budget and the
  // user's "still waiting" / "gave up" messages apply to it anew. created_at keeps the original submission time.
  const resubmitRow = db.prepare<Record<string, unknown>, JournalRow>(`
    UPDATE journal SET state = 'pending', interaction = @interaction, draft = @draft, reply_to = @replyTo,
      issues = '[]', last_error = NULL, attempts = 0, next_attempt_at = @now, lease_until = NULL, logged_at = NULL,
      delay_notice_at = NULL, give_up_notice_at = NULL, outcome_told_at = NULL, updated_at = @now
    WHERE unique_id = @uniqueId AND state IN ('rejected', 'failed')
    RETURNING *`);
  // json_each lets one prepared statement take any list of states.
  const selectForUser = db.prepare<[string, number, string], JournalRow>(`
    SELECT * FROM journal
    WHERE slack_user_id = ? AND created_at >= ? AND state IN (SELECT value FROM json_each(?))
    ORDER BY created_at DESC, unique_id DESC`);
  const selectContacts = db.prepare<Record<string, unknown>, { first_name: string; surname: string; at: number }>(`
    SELECT first_name, surname, at FROM (
      SELECT json_extract(interaction, '$.contact.firstName') AS first_name,
        json_extract(interaction, '$.contact.surname') AS surname, created_at AS at,
        ROW_NUMBER() OVER (
          PARTITION BY lower(json_extract(interaction, '$.contact.firstName')),
            lower(json_extract(interaction, '$.contact.surname'))
          ORDER BY created_at DESC, unique_id DESC) AS latest
      FROM journal
      WHERE upper(json_extract(interaction, '$.customer.accountNo')) = upper(@accountNo)
        AND state IN ('pending', 'logged') AND (@team IS NULL OR slack_team_id = @team)
        AND json_extract(interaction, '$.contact.firstName') IS NOT NULL
        AND json_extract(interaction, '$.contact.surname') IS NOT NULL)
    WHERE latest = 1 ORDER BY at DESC LIMIT @limit`);
  // One statement for every filter combination: a NULL list or instant disables that filter; LIMIT -1 means none.
  const selectFiltered = db.prepare<Record<string, unknown>, JournalRow>(`
    SELECT * FROM journal
    WHERE (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
      AND (@users IS NULL OR slack_user_id IN (SELECT value FROM json_each(@users)))
      AND (@since IS NULL OR created_at >= @since)
    ORDER BY created_at DESC, unique_id DESC LIMIT @limit`);
  const selectOldestPending = db.prepare<[], { at: number | null }>(
    "SELECT MIN(created_at) AS at FROM journal WHERE state = 'pending'",
  );
  const countStates = db.prepare<[], { state: JournalState; count: number }>(
    'SELECT state, COUNT(*) AS count FROM journal GROUP BY state',
  );

  function getOrThrow(uniqueId: string): JournalEntry {
    const row = selectOne.get(uniqueId);
    if (!row) throw new RecordNotFoundError('journal', uniqueId);
    return toEntry(row);
  }

  function settle(statement: typeof logRow, params: Record<string, unknown>): Promise<JournalEntry> {
    return writes.run(() => {
      const row = statement.get(params);
      return row ? toEntry(row) : getOrThrow(params.uniqueId as string);
    });
  }

  function insertSync(
    entry: NewJournalEntry,
    now: Date,
    claim: FirstClaim | undefined,
  ): { inserted: boolean; entry: JournalEntry } {
    const result = insertRow.run({
      uniqueId: entry.uniqueId,
      slackUserId: entry.slackUserId,
      slackTeamId: toNullable(entry.slackTeamId),
      interaction: JSON.stringify(entry.interaction),
      draft: JSON.stringify(entry.draft),
      replyTo: JSON.stringify(entry.replyTo),
      followUpSlackUserId: toNullable(entry.followUpSlackUserId),
      source: entry.source ?? 'form',
      now: toMillis(now),
      attempts: claim ? 1 : 0,
      leaseUntil: claim ? toMillis(claim.leaseUntil) : null,
    });
    if (result.changes === 1) return { inserted: true, entry: newPendingEntry(entry, now, claim) };
    return { inserted: false, entry: getOrThrow(entry.uniqueId) };
  }

  return {
    insert(entry: NewJournalEntry, now: Date, claim?: FirstClaim) {
      return writes.run(() => insertSync(entry, now, claim));
    },
    release(uniqueId, attempts, now) {
      return writes.run(() => releaseRow.run({ uniqueId, attempts, now: toMillis(now) }).changes === 1);
    },
    async get(uniqueId) {
      const row = selectOne.get(uniqueId);
      return row ? toEntry(row) : undefined;
    },
    claim(uniqueId, now, leaseUntil) {
      return writes.run(() => {
        const row = claimRow.get({ uniqueId, now: toMillis(now), leaseUntil: toMillis(leaseUntil) });
        return row ? toEntry(row) : undefined;
      });
    },
    renewLease(uniqueId, attempts, leaseUntil, now) {
      return writes.run(
        () => renewRow.run({ uniqueId, attempts, leaseUntil: toMillis(leaseUntil), now: toMillis(now) }).changes === 1,
      );
    },
    async listDue(now, limit) {
      return selectDue.all({ now: toMillis(now), limit }).map(toEntry);
    },
    async nextDueAt() {
      return fromOptionalMillis(selectNextDue.get()?.at ?? null);
    },
    markLogged(uniqueId, now) {
      return settle(logRow, { uniqueId, now: toMillis(now) });
    },
    markRejected(uniqueId, issues, now) {
      return settle(rejectRow, { uniqueId, issues: JSON.stringify(issues), now: toMillis(now) });
    },
    markFailed(uniqueId, error, now) {
      return settle(failRow, { uniqueId, error, now: toMillis(now) });
    },
    markRetry(uniqueId, error, nextAttemptAt, now) {
      return settle(retryRow, { uniqueId, error, nextAttemptAt: toMillis(nextAttemptAt), now: toMillis(now) });
    },
    async noteDelayNotice(uniqueId, now) {
      await writes.run(() => noteDelay.run(toMillis(now), uniqueId));
    },
    async noteGiveUpNotice(uniqueId, now) {
      await writes.run(() => noteGiveUp.run(toMillis(now), uniqueId));
    },
    async noteOutcomesTold(uniqueIds, now) {
      if (uniqueIds.length > 0) await writes.run(() => noteTold.run(toMillis(now), JSON.stringify(uniqueIds)));
    },
    async claimUntold(settledBefore, now, limit) {
      return claimUntold
        .immediate(toMillis(settledBefore), toMillis(now), limit)
        .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.uniqueId.localeCompare(b.uniqueId));
    },
    resubmit(uniqueId, change, now) {
      return writes.run(() => {
        const row = resubmitRow.get({
          uniqueId,
          interaction: JSON.stringify(change.interaction),
          draft: JSON.stringify(change.draft),
          replyTo: JSON.stringify(change.replyTo),
          now: toMillis(now),
        });
        return row ? toEntry(row) : undefined;
      });
    },
    async listForUser(slackUserId, since, states) {
      if (states.length === 0) return [];
      return selectForUser.all(slackUserId, toMillis(since), JSON.stringify(states)).map(toEntry);
    },
    async countByState() {
      const counts = Object.fromEntries(JOURNAL_STATES.map((state) => [state, 0])) as Record<JournalState, number>;
      for (const { state, count } of countStates.all()) counts[state] = count;
      return counts;
    },
    async oldestPendingAt() {
      return fromOptionalMillis(selectOldestPending.get()?.at ?? null);
    },
    async listContactsForAccount(accountNo, slackTeamId, limit) {
      return selectContacts
        .all({ accountNo, team: slackTeamId ?? null, limit })
        .map((row) => ({ firstName: row.first_name, surname: row.surname, lastLoggedAt: new Date(row.at) }));
    },
    async list(filter: JournalFilter) {
      const asJson = (values: readonly string[] | undefined) => (values?.length ? JSON.stringify(values) : null);
      return selectFiltered
        .all({
          states: asJson(filter.states),
          users: asJson(filter.slackUserIds),
          since: filter.since ? toMillis(filter.since) : null,
          limit: filter.limit ?? -1,
        })
        .map(toEntry);
    },
  };
}
