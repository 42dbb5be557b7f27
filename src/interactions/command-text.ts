// Reads the text after /log-interaction: a subcommand, or the fields it clearly names to prefill the modal.
import type { Draft } from './draft.js';
import { collapse, TRAILING_PUNCTUATION, takeAccountNo, takeKind, takeWhen, tidyNotes } from './line-parts.js';
import { unescapeSlackText } from './slack-text.js';

export type Subcommand = 'help' | 'status' | 'followups';

export type CommandText =
  | { subcommand: Subcommand }
  /** `link ACME01` links the channel to an account; `link` alone (no account) asks for one. */
  | { subcommand: 'link'; accountNo: string | undefined }
  | { subcommand: 'unlink' }
  | { subcommand: undefined; draft: Draft };

const SUBCOMMANDS: ReadonlySet<string> = new Set<Subcommand>(['help', 'status', 'followups']);

/** `link ACME01`, `link account: acme01`, `link`: the word alone or followed by one account number. */
const LINK = /^link(?:\s+(?:(?:account|acct):\s*)?([^\s]+))?$/i;

/**
 * `help`, `status`, `followups` or `unlink` alone is a subcommand, and so is `link` with at most one account number. Anything else prefills a draft: an account number, a past date
 * phrase, and a leading type word are taken out; the rest becomes the notes, with Slack markup made readable.
 */
export function parseCommandText(text: string, options: { timeZone: string; now: Date }): CommandText {
  // A bare /log-interaction, the most common command, opens an empty form without reading anything.
  if (text.trim() === '') return { subcommand: undefined, draft: {} };
  const readable = collapse(unescapeSlackText(text));
  const lower = readable.toLowerCase();
  if (SUBCOMMANDS.has(lower)) return { subcommand: lower as Subcommand };
  if (lower === 'unlink') return { subcommand: 'unlink' };
  const link = LINK.exec(readable);
  if (link) {
    const accountNo = link[1]?.replace(TRAILING_PUNCTUATION, '').toUpperCase();
    return { subcommand: 'link', accountNo: accountNo || undefined };
  }

  const account = takeAccountNo(readable);
  const when = takeWhen(collapse(account.rest), options);
  const kind = takeKind(collapse(when.rest));
  const notes = tidyNotes(kind.rest);

  const draft: Draft = {};
  if (account.accountNo) draft.accountNo = account.accountNo;
  if (kind.kind) draft.kind = kind.kind;
  if (when.when) draft.when = when.when;
  if (notes) draft.notes = notes;
  return { subcommand: undefined, draft };
}
