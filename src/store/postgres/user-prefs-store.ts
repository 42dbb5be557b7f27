// Per-user memory in PostgreSQL: the time zone Slack last reported and the Caliq channel the user last chose.
import type { UserPrefsStore } from '../types.js';
import type { Sql } from './connection.js';

type UserPrefsRow = { time_zone: string | null; last_channel_id: number | null };

export function createPostgresUserPrefsStore(sql: Sql): UserPrefsStore {
  return {
    async get(slackUserId) {
      const row = await sql.one<UserPrefsRow>(
        'SELECT time_zone, last_channel_id FROM user_prefs WHERE slack_user_id = $1',
        [slackUserId],
      );
      return { timeZone: row?.time_zone ?? undefined, lastChannelId: row?.last_channel_id ?? undefined };
    },
    async setTimeZone(slackUserId, timeZone) {
      await sql.rows(
        `INSERT INTO user_prefs (slack_user_id, time_zone) VALUES ($1, $2)
         ON CONFLICT (slack_user_id) DO UPDATE SET time_zone = excluded.time_zone`,
        [slackUserId, timeZone],
      );
    },
    async setLastChannel(slackUserId, channelId) {
      await sql.rows(
        `INSERT INTO user_prefs (slack_user_id, last_channel_id) VALUES ($1, $2)
         ON CONFLICT (slack_user_id) DO UPDATE SET last_channel_id = excluded.last_channel_id`,
        [slackUserId, channelId],
      );
    },
  };
}
