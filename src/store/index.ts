// The store's public surface: one set of interfaces, createStores() to open whichever database is configured.
export { createCachedUserPrefs } from './cached-user-prefs.js';
export { copySqliteToPostgres } from './copy-sqlite-to-postgres.js';
export { createStores, type DatabaseSettings, openPostgresStores } from './create-stores.js';
export {
  RecordNotFoundError,
  RecordStateError,
  SchemaTooNewError,
  StoreError,
  StoreUnavailableError,
} from './errors.js';
export { describeTarget } from './postgres/describe-target.js';
export { type Database, openDatabase, readSchemaVersion } from './sqlite/database.js';
export { createJournalStore } from './sqlite/journal-store.js';
export type * from './types.js';
export type { JournalEntry, JournalStore, NewJournalEntry, Reminder, ReminderStore } from './types.js';
export { ENTRY_SOURCES } from './types.js';
