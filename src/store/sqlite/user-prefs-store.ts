// Per-user memory in SQLite: the time zone Slack last reported and the Caliq channel the user last chose.

import type { UserPrefsStore } from '../types.js';
import { fromNullable } from './columns.js';
import type { Database } from './database.js';

type UserPrefsRow = { time_zone: string | null; last_channel_id: number | null };

/** The user preferences on the given database; statements are prepared once here. */
export function createUserPrefsStore(db: Database): UserPrefsStore {
  const selectRow = db.prepare<[string], UserPrefsRow>(
    'SELECT time_zone, last_channel_id FROM user_prefs WHERE slack_user_id = ?',
  );
  const upsertTimeZone = db.prepare<[string, string]>(`
    INSERT INTO user_prefs (slack_user_id, time_zone) VALUES (?, ?)
    ON CONFLICT (slack_user_id) DO UPDATE SET time_zone = excluded.time_zone`);
  const upsertLastChannel = db.prepare<[string, number]>(`
    INSERT INTO user_prefs (slack_user_id, last_channel_id) VALUES (?, ?)
    ON CONFLICT (slack_user_id) DO UPDATE SET last_channel_id = excluded.last_channel_id`);

  return {
    async get(slackUserId) {
      const row = selectRow.get(slackUserId);
      return {
        timeZone: fromNullable(row?.time_zone ?? null),
        lastChannelId: fromNullable(row?.last_channel_id ?? null),
      };
    },
    async setTimeZone(slackUserId, timeZone) {
      upsertTimeZone.run(slackUserId, timeZone);
    },
    async setLastChannel(slackUserId, channelId) {
      upsertLastChannel.run(slackUserId, channelId);
    },
  };
}
