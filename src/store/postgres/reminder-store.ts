// Follow-up reminders in PostgreSQL: due ones taken with FOR UPDATE SKIP LOCKED, so each goes to one instance only.
import { randomUUID } from 'node:crypto';
import type { InteractionInput } from '../../caliq/index.js';
import { RecordNotFoundError, RecordStateError } from '../errors.js';
import type { NewReminder, Reminder, ReminderState, ReminderStore } from '../types.js';
import type { Sql } from './connection.js';

type ReminderRow = {
  id: string;
  unique_id: string;
  recipient_slack_user_id: string;
  logged_by_slack_user_id: string;
  due_at: Date;
  state: ReminderState;
  interaction: InteractionInput;
  version: number;
  claimed_by: string | null;
  claimed_at: Date | null;
  sent_at: Date | null;
  sent_channel_id: string | null;
  sent_ts: string | null;
  sent_late: boolean;
  done_by_slack_user_id: string | null;
  done_at: Date | null;
  created_at: Date;
};

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function toReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    uniqueId: row.unique_id,
    recipientSlackUserId: row.recipient_slack_user_id,
    loggedBySlackUserId: row.logged_by_slack_user_id,
    dueAt: row.due_at,
    state: row.state,
    interaction: row.interaction,
    version: row.version,
    claimedBy: orUndefined(row.claimed_by),
    claimedAt: orUndefined(row.claimed_at),
    sentAt: orUndefined(row.sent_at),
    sentConversationId: orUndefined(row.sent_channel_id),
    sentTs: orUndefined(row.sent_ts),
    sentLate: row.sent_late,
    doneBySlackUserId: orUndefined(row.done_by_slack_user_id),
    doneAt: orUndefined(row.done_at),
    createdAt: row.created_at,
  };
}

const byDueAt = (a: Reminder, b: Reminder): number =>
  a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createPostgresReminderStore(sql: Sql): ReminderStore {
  const selectById = async (id: string) => sql.one<ReminderRow>('SELECT * FROM reminders WHERE id = $1', [id]);

  return {
    async create(reminder: NewReminder, now: Date) {
      await sql.rows(
        `INSERT INTO reminders (id, unique_id, recipient_slack_user_id, logged_by_slack_user_id, due_at, state,
           interaction, version, created_at)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, 1, $7)
         ON CONFLICT (unique_id) DO NOTHING`,
        [
          randomUUID(),
          reminder.uniqueId,
          reminder.recipientSlackUserId,
          reminder.loggedBySlackUserId,
          reminder.dueAt,
          JSON.stringify(reminder.interaction),
          now,
        ],
      );
      const row = await sql.one<ReminderRow>('SELECT * FROM reminders WHERE unique_id = $1', [reminder.uniqueId]);
      if (!row) throw new RecordNotFoundError('reminders', reminder.uniqueId);
      return toReminder(row);
    },
    async get(id) {
      const row = await selectById(id);
      return row ? toReminder(row) : undefined;
    },
    async claimDue(now, owner, limit) {
      // SKIP LOCKED: a second instance claiming at the same moment passes over rows the first is taking, never waits.
      const rows = await sql.rows<ReminderRow>(
        `UPDATE reminders SET state = 'sending', claimed_by = $2, claimed_at = $1, version = version + 1
         WHERE id IN (
           SELECT id FROM reminders WHERE state = 'open' AND due_at <= $1
           ORDER BY due_at, id COLLATE "C" LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, owner, limit],
      );
      return rows.map(toReminder).sort(byDueAt);
    },
    async markSent(id, sent, now) {
      // Keeps the version: the DM was built (with its buttons) from the claimed version.
      const row = await sql.one<ReminderRow>(
        `UPDATE reminders SET state = 'sent', sent_at = $2, sent_channel_id = $3, sent_ts = $4, sent_late = $5
         WHERE id = $1 AND state = 'sending'
         RETURNING *`,
        [id, now, sent.conversationId, sent.ts, sent.late],
      );
      if (row) return toReminder(row);
      const current = await selectById(id);
      if (!current) throw new RecordNotFoundError('reminders', id);
      throw new RecordStateError('reminders', id, current.state, 'sending');
    },
    async releaseClaim(id, retryAt) {
      await sql.rows(
        `UPDATE reminders SET state = 'open', due_at = $2, claimed_by = NULL, claimed_at = NULL, version = version + 1
         WHERE id = $1 AND state = 'sending'`,
        [id, retryAt],
      );
    },
    async snooze(id, until, expectedVersion, _now) {
      const row = await sql.one<ReminderRow>(
        `UPDATE reminders SET state = 'open', due_at = $2, claimed_by = NULL, claimed_at = NULL, sent_at = NULL,
           sent_channel_id = NULL, sent_ts = NULL, sent_late = FALSE, version = version + 1
         WHERE id = $1 AND version = $3 AND state IN ('open', 'sent')
         RETURNING *`,
        [id, until, expectedVersion],
      );
      return row ? toReminder(row) : undefined;
    },
    async markDone(id, bySlackUserId, expectedVersion, now) {
      const row = await sql.one<ReminderRow>(
        `UPDATE reminders SET state = 'done', done_by_slack_user_id = $2, done_at = $3, version = version + 1
         WHERE id = $1 AND version = $4 AND state IN ('open', 'sent')
         RETURNING *`,
        [id, bySlackUserId, now, expectedVersion],
      );
      return row ? toReminder(row) : undefined;
    },
    async listOpenFor(recipientSlackUserId, until) {
      const rows = await sql.rows<ReminderRow>(
        `SELECT * FROM reminders
         WHERE recipient_slack_user_id = $1 AND due_at < $2 AND state IN ('open', 'sending', 'sent')
         ORDER BY due_at, id COLLATE "C"`,
        [recipientSlackUserId, until],
      );
      return rows.map(toReminder);
    },
    async nextDueAt() {
      const row = await sql.one<{ at: Date | null }>("SELECT MIN(due_at) AS at FROM reminders WHERE state = 'open'");
      return orUndefined(row?.at ?? null);
    },
    async listStuckSending(claimedBefore) {
      const rows = await sql.rows<ReminderRow>(
        `SELECT * FROM reminders WHERE state = 'sending' AND claimed_at < $1 ORDER BY claimed_at, id COLLATE "C"`,
        [claimedBefore],
      );
      return rows.map(toReminder);
    },
    async reclaimStuck(claimedBefore, owner, now, limit) {
      const rows = await sql.rows<ReminderRow>(
        `UPDATE reminders SET claimed_by = $2, claimed_at = $3
         WHERE state = 'sending' AND claimed_at < $1 AND id IN (
           SELECT id FROM reminders WHERE state = 'sending' AND claimed_at < $1
           ORDER BY claimed_at, id COLLATE "C" LIMIT $4
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [claimedBefore, owner, now, limit],
      );
      return rows.map(toReminder).sort(byDueAt);
    },
  };
}
