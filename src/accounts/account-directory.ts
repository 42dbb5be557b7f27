// Caliq's customer list as a searchable index: rebuilt only when the list or the known names change; no Slack here.
import type { Logger } from 'pino';
import { type AccountIndex, type AccountMatch, type AccountRecord, buildAccountIndex } from './account-index.js';
import { createNameBook, type NamedCustomer } from './name-book.js';
import { createRecentAccounts, type RecentAccounts } from './recent-accounts.js';

/** A customer as CustomerChange lists it: every customer, no names. */
export type ListedCustomer = { id: number; accountNo: string };

export type AccountDirectoryOptions = {
  /** The current customer list (cached, never waited on); undefined until it has loaded once. */
  customers: () => readonly ListedCustomer[] | undefined;
  /** The latest customers with names Caliq gave (cached); names are kept after they drop out of it. */
  namedCustomers: () => readonly NamedCustomer[] | undefined;
  logger: Logger;
  recent?: RecentAccounts;
};

export type AccountDirectory = {
  /** The index of the current list; undefined while the customer list has never loaded (search is off then). */
  index(): AccountIndex | undefined;
  /** The customer with this account number and its name if known; undefined if unknown or the list isn't loaded. */
  describe(accountNo: string): AccountRecord | undefined;
  /** Ranked matches with this user's recent accounts first; undefined while the list has never loaded. */
  search(slackUserId: string, query: string): AccountMatch[] | undefined;
  recent: RecentAccounts;
};

/** Same customers in the same order: a refresh that changed nothing must not cost a rebuild. */
function sameCustomers(a: readonly ListedCustomer[], b: readonly ListedCustomer[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const left = a[index] as ListedCustomer;
    const right = b[index] as ListedCustomer;
    if (left.id !== right.id || left.accountNo !== right.accountNo) return false;
  }
  return true;
}

export function createAccountDirectory(options: AccountDirectoryOptions): AccountDirectory {
  const logger = options.logger.child({ module: 'accounts' });
  const names = createNameBook();
  const recent = options.recent ?? createRecentAccounts();
  let builtFrom: readonly ListedCustomer[] | undefined;
  let namesSeen: readonly NamedCustomer[] | undefined;
  let namesChanged = false;
  let current: AccountIndex | undefined;

  function index(): AccountIndex | undefined {
    const named = options.namedCustomers();
    if (named !== undefined && named !== namesSeen) {
      namesSeen = named;
      if (names.learn(named)) namesChanged = true;
    }
    const customers = options.customers();
    if (customers === undefined) return current;
    const listChanged = customers !== builtFrom && (builtFrom === undefined || !sameCustomers(customers, builtFrom));
    if (current === undefined || listChanged || namesChanged) {
      const startedAt = performance.now();
      current = buildAccountIndex(
        customers.map((customer) => ({
          accountNo: customer.accountNo,
          name: names.nameOf(customer.id, customer.accountNo),
        })),
      );
      namesChanged = false;
      logger.info(
        { customers: current.size, named: names.size, durationMs: Math.round(performance.now() - startedAt) },
        'account search index built',
      );
    }
    builtFrom = customers;
    return current;
  }

  return {
    index,
    describe: (accountNo) => index()?.find(accountNo),
    search(slackUserId, query) {
      return index()?.search(query, { recent: recent.list(slackUserId) });
    },
    recent,
  };
}
