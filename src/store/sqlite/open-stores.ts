// Every store on one SQLite file, with WAL checkpoints from a worker thread.
import { createCachedUserPrefs } from '../cached-user-prefs.js';
import { StoreError } from '../errors.js';
import type { StoreLog, Stores } from '../types.js';
import { createChannelLinkStore } from './channel-link-store.js';
import { startCheckpointer } from './checkpointer.js';
import { openDatabase } from './database.js';
import { createJournalStore } from './journal-store.js';
import { createReminderStore } from './reminder-store.js';
import { createUserPrefsStore } from './user-prefs-store.js';

export type SqliteStoreOptions = { path: string; synchronous: 'NORMAL' | 'FULL'; log?: StoreLog };

export function openSqliteStores(options: SqliteStoreOptions): Stores {
  const db = openDatabase(options.path, { synchronous: options.synchronous, checkpointInBackground: true });
  const checkpointer = startCheckpointer(options.path, {
    onError: (message) => options.log?.warn({ error: message }, 'WAL checkpoint failed; will try again'),
  });
  return {
    journal: createJournalStore(db),
    reminders: createReminderStore(db),
    prefs: createCachedUserPrefs(createUserPrefsStore(db)),
    channelLinks: createChannelLinkStore(db),
    async check() {
      try {
        db.prepare('SELECT 1').get();
      } catch (error) {
        throw new StoreError(`The database ${options.path} does not answer.`, { cause: error });
      }
    },
    async close() {
      await checkpointer.stop();
      db.close();
    },
    description: `SQLite at ${options.path}`,
  };
}
