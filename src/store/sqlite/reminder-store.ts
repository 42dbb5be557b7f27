// Follow-up reminders in SQLite: claimed atomically by one sender, versioned so stale Slack buttons do nothing.
import { randomUUID } from 'node:crypto';
import type { InteractionInput } from '../../caliq/index.js';
import { RecordNotFoundError, RecordStateError } from '../errors.js';
import type { NewReminder, Reminder, ReminderState, ReminderStore } from '../types.js';
import { fromNullable, fromOptionalMillis, parseJson, toMillis } from './columns.js';
import type { Database } from './database.js';

type ReminderRow = {
  id: string;
  unique_id: string;
  recipient_slack_user_id: string;
  logged_by_slack_user_id: string;
  due_at: number;
  state: ReminderState;
  interaction: string;
  version: number;
  claimed_by: string | null;
  claimed_at: number | null;
  sent_at: number | null;
  sent_channel_id: string | null;
  sent_ts: string | null;
  sent_late: number;
  done_by_slack_user_id: string | null;
  done_at: number | null;
  created_at: number;
};

function toReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    uniqueId: row.unique_id,
    recipientSlackUserId: row.recipient_slack_user_id,
    loggedBySlackUserId: row.logged_by_slack_user_id,
    dueAt: new Date(row.due_at),
    state: row.state,
    interaction: parseJson<InteractionInput>(row.interaction),
    version: row.version,
    claimedBy: fromNullable(row.claimed_by),
    claimedAt: fromOptionalMillis(row.claimed_at),
    sentAt: fromOptionalMillis(row.sent_at),
    sentConversationId: fromNullable(row.sent_channel_id),
    sentTs: fromNullable(row.sent_ts),
    sentLate: row.sent_late === 1,
    doneBySlackUserId: fromNullable(row.done_by_slack_user_id),
    doneAt: fromOptionalMillis(row.done_at),
    createdAt: new Date(row.created_at),
  };
}

const byDueAt = (a: Reminder, b: Reminder): number => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id);

/** The reminders on the given database; statements are prepared once here. */
export function createReminderStore(db: Database): ReminderStore {
  const insertRow = db.prepare<Record<string, unknown>>(`
    INSERT INTO reminders (id, unique_id, recipient_slack_user_id, logged_by_slack_user_id, due_at, state,
      interaction, version, created_at)
    VALUES (@id, @uniqueId, @recipient, @loggedBy, @dueAt, 'open', @interaction, 1, @now)
    ON CONFLICT (unique_id) DO NOTHING`);
  const selectById = db.prepare<[string], ReminderRow>('SELECT * FROM reminders WHERE id = ?');
  const selectByUniqueId = db.prepare<[string], ReminderRow>('SELECT * FROM reminders WHERE unique_id = ?');
  // One statement picks and takes the rows, so no other connection can take the same ones in between; the outer
  // state check keeps that true even if SQLite ever evaluated the subquery apart from the update.
  const claimRows = db.prepare<Record<string, unknown>, ReminderRow>(`
    UPDATE reminders SET state = 'sending', claimed_by = @owner, claimed_at = @now, version = version + 1
    WHERE state = 'open' AND id IN (
      SELECT id FROM reminders WHERE state = 'open' AND due_at <= @now ORDER BY due_at, id LIMIT @limit)
    RETURNING *`);
  // Recording the send keeps the version: the DM was built (with its buttons) from the claimed version.
  const sentRow = db.prepare<Record<string, unknown>, ReminderRow>(`
    UPDATE reminders SET state = 'sent', sent_at = @now, sent_channel_id = @conversationId, sent_ts = @ts,
      sent_late = @late
    WHERE id = @id AND state = 'sending'
    RETURNING *`);
  const releaseRow = db.prepare<Record<string, unknown>>(`
    UPDATE reminders SET state = 'open', due_at = @retryAt, claimed_by = NULL, claimed_at = NULL,
      version = version + 1
    WHERE id = @id AND state = 'sending'`);
  // A snoozed reminder is simply open again: the last message's fields are cleared because they describe a delivery
  // that no longer stands (the old message's buttons carry the old version and are inert).
  const snoozeRow = db.prepare<Record<string, unknown>, ReminderRow>(`
    UPDATE reminders SET state = 'open', due_at = @until, claimed_by = NULL, claimed_at = NULL, sent_at = NULL,
      sent_channel_id = NULL, sent_ts = NULL, sent_late = 0, version = version + 1
    WHERE id = @id AND version = @version AND state IN ('open', 'sent')
    RETURNING *`);
  const doneRow = db.prepare<Record<string, unknown>, ReminderRow>(`
    UPDATE reminders SET state = 'done', done_by_slack_user_id = @by, done_at = @now, version = version + 1
    WHERE id = @id AND version = @version AND state IN ('open', 'sent')
    RETURNING *`);
  const selectOpenFor = db.prepare<[string, number], ReminderRow>(`
    SELECT * FROM reminders
    WHERE recipient_slack_user_id = ? AND due_at < ? AND state IN ('open', 'sending', 'sent')
    ORDER BY due_at, id`);
  const selectStuck = db.prepare<[number], ReminderRow>(
    "SELECT * FROM reminders WHERE state = 'sending' AND claimed_at < ? ORDER BY claimed_at, id",
  );
  const reclaimRows = db.prepare<Record<string, unknown>, ReminderRow>(`
    UPDATE reminders SET claimed_by = @owner, claimed_at = @now
    WHERE state = 'sending' AND claimed_at < @before AND id IN (
      SELECT id FROM reminders WHERE state = 'sending' AND claimed_at < @before ORDER BY claimed_at, id LIMIT @limit)
    RETURNING *`);
  const selectNextDue = db.prepare<[], { at: number | null }>(
    "SELECT MIN(due_at) AS at FROM reminders WHERE state = 'open'",
  );

  // IMMEDIATE takes the write lock up front, so a second process waits on busy_timeout instead of failing mid-way.
  const claimDue = db.transaction((now: number, owner: string, limit: number) =>
    claimRows.all({ now, owner, limit }).map(toReminder),
  );

  const reclaimStuck = db.transaction((before: number, owner: string, now: number, limit: number) =>
    reclaimRows.all({ before, owner, now, limit }).map(toReminder),
  );

  return {
    async create(reminder: NewReminder, now: Date) {
      insertRow.run({
        id: randomUUID(),
        uniqueId: reminder.uniqueId,
        recipient: reminder.recipientSlackUserId,
        loggedBy: reminder.loggedBySlackUserId,
        dueAt: toMillis(reminder.dueAt),
        interaction: JSON.stringify(reminder.interaction),
        now: toMillis(now),
      });
      const row = selectByUniqueId.get(reminder.uniqueId);
      if (!row) throw new RecordNotFoundError('reminders', reminder.uniqueId);
      return toReminder(row);
    },
    async get(id) {
      const row = selectById.get(id);
      return row ? toReminder(row) : undefined;
    },
    async claimDue(now, owner, limit) {
      return claimDue.immediate(toMillis(now), owner, limit).sort(byDueAt);
    },
    async markSent(id, sent, now) {
      const row = sentRow.get({
        id,
        now: toMillis(now),
        conversationId: sent.conversationId,
        ts: sent.ts,
        late: sent.late ? 1 : 0,
      });
      if (row) return toReminder(row);
      const current = selectById.get(id);
      if (!current) throw new RecordNotFoundError('reminders', id);
      throw new RecordStateError('reminders', id, current.state, 'sending');
    },
    async releaseClaim(id, retryAt) {
      releaseRow.run({ id, retryAt: toMillis(retryAt) });
    },
    async snooze(id, until, expectedVersion, _now) {
      const row = snoozeRow.get({ id, until: toMillis(until), version: expectedVersion });
      return row ? toReminder(row) : undefined;
    },
    async markDone(id, bySlackUserId, expectedVersion, now) {
      const row = doneRow.get({ id, by: bySlackUserId, now: toMillis(now), version: expectedVersion });
      return row ? toReminder(row) : undefined;
    },
    async listOpenFor(recipientSlackUserId, until) {
      return selectOpenFor.all(recipientSlackUserId, toMillis(until)).map(toReminder);
    },
    async nextDueAt() {
      return fromOptionalMillis(selectNextDue.get()?.at ?? null);
    },
    async listStuckSending(claimedBefore) {
      return selectStuck.all(toMillis(claimedBefore)).map(toReminder);
    },
    async reclaimStuck(claimedBefore, owner, now, limit) {
      return reclaimStuck.immediate(toMillis(claimedBefore), owner, toMillis(now), limit).sort(byDueAt);
    },
  };
}
