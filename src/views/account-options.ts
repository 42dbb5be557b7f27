// Customer accounts as select options: the search's answers to block_suggestion and the account field's initial_option.
import type { PlainTextOption } from '@slack/types';
import type { AccountRecord } from '../accounts/index.js';
import { plainText } from './blocks.js';
import { truncate } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

/** "ACME01 · Acme Engineering Ltd" (cut to Slack's 75 characters), or the number alone when no name is known. */
export function accountOption(account: AccountRecord): PlainTextOption | undefined {
  // The value must come back unchanged; a number too long for an option value is no Caliq account anyway.
  if (account.accountNo === '' || account.accountNo.length > SLACK_LIMITS.optionValue) return undefined;
  const label = account.name ? `${account.accountNo} · ${account.name}` : account.accountNo;
  return { text: plainText(truncate(label, SLACK_LIMITS.optionText)), value: account.accountNo };
}

/**
 * The answer to a block_suggestion: the matches as options, at most Slack's 100. No match is an empty list, which
 * Slack shows as its own "No results" in the menu; an option that says "no match" could be picked, and a label-only
 * group with no options is not documented as accepted.
 */
export function buildAccountSuggestions(accounts: readonly AccountRecord[]): { options: PlainTextOption[] } {
  const options: PlainTextOption[] = [];
  for (const account of accounts) {
    const option = accountOption(account);
    if (option) options.push(option);
    if (options.length === SLACK_LIMITS.staticSelectOptions) break;
  }
  return { options };
}
