// Fills a user's recent accounts from the journal once per process, after their modal is open (never before it).
import type { ListenerDeps } from '../deps.js';

/** How far back the journal is read for a user's recent accounts. */
const RECENT_WINDOW_MS = 90 * 24 * 3_600_000;

/** Reads the journal at most once per user; a failure is logged and leaves search working without recents. */
export async function seedRecentAccounts(deps: ListenerDeps, slackUserId: string): Promise<void> {
  const recent = deps.accounts.recent;
  if (recent.isSeeded(slackUserId)) return;
  try {
    const since = new Date(deps.now().getTime() - RECENT_WINDOW_MS);
    const entries = await deps.journal.listForUser(slackUserId, since, ['pending', 'logged', 'rejected', 'failed']);
    const accountNos = entries.flatMap((entry) => {
      const customer = entry.interaction.customer;
      return 'accountNo' in customer ? [customer.accountNo] : [];
    });
    recent.seed(slackUserId, accountNos);
  } catch (error) {
    deps.logger
      .child({ module: 'recent-accounts' })
      .warn({ err: error, slackUserId }, 'could not read recent accounts');
  }
}
