// What the log modal's account field shows, from memory only: search when the customer list is loaded, else text.
import type { AccountFieldInput } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';

/** Never waits: a list still loading (or Caliq down at start-up) means the text field this once. */
export function accountFieldFor(deps: ListenerDeps, accountNo: string | undefined): AccountFieldInput {
  const index = deps.accounts.index();
  if (index === undefined) return { kind: 'text' };
  const selected = accountNo ? index.find(accountNo) : undefined;
  return selected ? { kind: 'search', selected } : { kind: 'search' };
}
