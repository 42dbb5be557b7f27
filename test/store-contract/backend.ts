// What a contract suite needs from a backend: a clean database per test and more than one connection to it.
import type { ChannelLinkStore, JournalStore, ReminderStore, UserPrefsStore } from '../../src/store/types.js';

export type ContractStores = {
  journal: JournalStore;
  reminders: ReminderStore;
  prefs: UserPrefsStore;
  channelLinks: ChannelLinkStore;
};

export type ContractBackend = {
  name: string;
  /** Empties the test database (creating it the first time); called before each test. */
  reset(): Promise<void>;
  /** The stores on a new connection (SQLite) or pool (PostgreSQL) to the same database, as a second instance has. */
  connect(): Promise<ContractStores>;
  /** Closes every connection opened since the last reset. */
  closeConnections(): Promise<void>;
  /** One portable SQL statement, for the rare test that sets a column the interface never sets. */
  exec(sql: string): Promise<void>;
  /** Removes the database (file or schema) after the file's last test. */
  dispose(): Promise<void>;
};
