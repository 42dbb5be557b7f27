// Each user's recently used account numbers, in memory: read on every keystroke of the search, so never from a store.

export type RecentAccounts = {
  /** Most recent first; empty for a user not seen yet. */
  list(slackUserId: string): readonly string[];
  /** Puts the account first (a submission); a later seed from the journal never overrides it. */
  remember(slackUserId: string, accountNo: string): void;
  /** True once `seed` ran for this user, so the journal is read at most once per user and process. */
  isSeeded(slackUserId: string): boolean;
  /** Older accounts from the journal (most recent first), added after any remembered since the process started. */
  seed(slackUserId: string, accountNos: readonly string[]): void;
};

export type RecentAccountsOptions = {
  /** Accounts kept per user. */
  perUser?: number;
  /** Users kept; the least recently active one is forgotten beyond this, so memory stays bounded. */
  maxUsers?: number;
};

export function createRecentAccounts(options: RecentAccountsOptions = {}): RecentAccounts {
  const perUser = options.perUser ?? 10;
  const maxUsers = options.maxUsers ?? 10_000;
  // Insertion order is activity order: a touched user is deleted and set again, so the first key is the stalest.
  const byUser = new Map<string, { accountNos: string[]; seeded: boolean }>();

  const touch = (slackUserId: string) => {
    const entry = byUser.get(slackUserId) ?? { accountNos: [], seeded: false };
    byUser.delete(slackUserId);
    byUser.set(slackUserId, entry);
    if (byUser.size > maxUsers) {
      const stalest = byUser.keys().next().value;
      if (stalest !== undefined) byUser.delete(stalest);
    }
    return entry;
  };

  const merge = (first: readonly string[], then: readonly string[]): string[] => {
    const seen = new Set<string>();
    const merged: string[] = [];
    for (const raw of [...first, ...then]) {
      const accountNo = raw.trim().toUpperCase();
      if (accountNo === '' || seen.has(accountNo)) continue;
      seen.add(accountNo);
      merged.push(accountNo);
    }
    return merged.slice(0, perUser);
  };

  return {
    list: (slackUserId) => byUser.get(slackUserId)?.accountNos ?? [],
    remember(slackUserId, accountNo) {
      const entry = touch(slackUserId);
      entry.accountNos = merge([accountNo], entry.accountNos);
    },
    isSeeded: (slackUserId) => byUser.get(slackUserId)?.seeded ?? false,
    seed(slackUserId, accountNos) {
      const entry = touch(slackUserId);
      entry.accountNos = merge(entry.accountNos, accountNos);
      entry.seeded = true;
    },
  };
}
