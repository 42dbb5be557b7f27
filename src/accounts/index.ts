// The account search's public surface: the rest of the bot imports from here.
export {
  type AccountDirectory,
  type AccountDirectoryOptions,
  createAccountDirectory,
  type ListedCustomer,
} from './account-directory.js';
export {
  type AccountIndex,
  type AccountMatch,
  type AccountRecord,
  buildAccountIndex,
  MAX_MATCHES,
  type MatchKind,
  type SearchOptions,
} from './account-index.js';
export { createNameBook, type NameBook, type NamedCustomer } from './name-book.js';
export { normalizeKey, normalizeName } from './normalize.js';
export { createRecentAccounts, type RecentAccounts, type RecentAccountsOptions } from './recent-accounts.js';
