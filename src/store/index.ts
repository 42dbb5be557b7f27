// The store's public surface: open the SQLite file and build the three stores on it.
export { createCachedUserPrefs } from './cached-user-prefs.js';
export { type Checkpointer, startCheckpointer } from './checkpointer.js';
export { type Database, openDatabase, readSchemaVersion } from './database.js';
export { RecordNotFoundError, RecordStateError, SchemaTooNewError, StoreError } from './errors.js';
export { createJournalStore } from './journal-store.js';
export { createReminderStore } from './reminder-store.js';
export type * from './types.js';
export { createUserPrefsStore } from './user-prefs-store.js';
