// Reads a one-line quick log ("call ACME01 with Jane Smith yesterday 3pm, follow up Friday 10am with @bob") into its
// parts, in any order and any case; what the parts mean (which account, whether the dates read whole) is decided later.
import type { InteractionKind } from '../caliq/index.js';
import { findDatePhrase } from '../dates/index.js';
import { collapse, cut, KIND_WORDS, looksLikeAccountNo, TRAILING_PUNCTUATION, tidyNotes } from './line-parts.js';
import { unescapeSlackText } from './slack-text.js';

/** Who follows up: a mentioned Slack user, the person typing ("me"), or a name the bot can't map to a Slack user. */
export type FollowUpPerson = { slackUserId: string } | { me: true } | { name: string };

export type QuickLine = {
  kind?: InteractionKind;
  /** An account number as typed (ACME01, `account: acme01`), or a name to look up (`account Acme Engineering,`). */
  account?: { accountNo: string } | { name: string };
  /** `with Jane Smith`; a single word leaves the surname out. */
  contact?: { firstName: string; surname?: string };
  /** The date phrase as typed; read whole later. */
  when?: string;
  notes?: string;
  /** `via Sales Rep`: the Caliq channel by its name; without it the person's last channel or the default. */
  channel?: string;
  /** `follow up Friday 10am with @bob`: the phrase as typed, and who (the person typing when nobody is named). */
  followUp?: { when: string; person: FollowUpPerson };
};

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;
/** The follow-up clause runs to the end of the line, or to a semicolon, a full stop ending a sentence, or `notes:`. */
const FOLLOW_UP = /\bfollow[- ]?up(?:\s+(?:on|at|by))?\s+(.*?)(?=;|\.\s|\.$|\bnotes?:|$)/i;
const NOTES = /\bnotes?:\s*(.*)$/i;
/** `via Sales Rep`, `channel: web`: ends at a comma, a semicolon, or the word `with`. */
const CHANNEL = /\b(?:via|channel:?)\s+(.+?)(?=\s*[,;]|\s+with\b|$)/i;
/** `account Acme Engineering`, `acct: acme01`: ends at a comma, a semicolon, or the word `with`. */
const ACCOUNT_CLAUSE = /\b(?:account|acct|customer)(?::\s*|\s+)(.+?)(?=\s*[,;]|\s+with\b|$)/i;
/** `with Jane Smith`, `spoke to Jane Smith`: one or two name words (letters, hyphens, apostrophes). */
const CONTACT = /\b(?:with|spoke to|spoke with|contact:?)\s+([\p{L}][\p{L}'’-]*)(?:\s+([\p{L}][\p{L}'’-]*))?/iu;
/** Words that end a name rather than continue it ("with Jane about…", "with Jane, re…"). */
const NOT_A_NAME = new Set(['about', 're', 'regarding', 'and', 'on', 'at', 'for', 'to', 'in', 'the', 'follow']);

function takeFollowUp(text: string): { followUp?: QuickLine['followUp']; rest: string } {
  const found = FOLLOW_UP.exec(text);
  if (!found) return { rest: text };
  let clause = (found[1] ?? '').trim();
  let person: FollowUpPerson = { me: true };
  const mention = MENTION.exec(clause);
  if (mention?.[1]) {
    person = { slackUserId: mention[1] };
    clause = clause.replace(new RegExp(`\\b(?:with|by|for)?\\s*${escapeRegExp(mention[0])}`, 'i'), ' ');
  } else {
    const named = /\b(?:with|by|for)\s+(\S+)\s*$/i.exec(clause);
    if (named?.[1]) {
      const name = named[1].replace(TRAILING_PUNCTUATION, '');
      if (name.toLowerCase() !== 'me') person = { name };
      clause = clause.slice(0, named.index);
    }
  }
  const when = collapse(unescapeSlackText(clause)).replace(TRAILING_PUNCTUATION, '');
  return { followUp: { when, person }, rest: cut(text, found[0]) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function takeAccount(text: string): { account?: QuickLine['account']; rest: string } {
  const clause = ACCOUNT_CLAUSE.exec(text);
  if (clause?.[1]) {
    const named = clause[1].trim().replace(TRAILING_PUNCTUATION, '');
    const single = !/\s/.test(named);
    const account = single && /\d/.test(named) ? { accountNo: named.toUpperCase() } : { name: named };
    return { account, rest: cut(text, clause[0]) };
  }
  for (const raw of text.split(' ')) {
    const token = raw.replace(TRAILING_PUNCTUATION, '');
    if (looksLikeAccountNo(token)) return { account: { accountNo: token }, rest: cut(text, token) };
  }
  return { rest: text };
}

function takeContact(text: string): { contact?: QuickLine['contact']; rest: string } {
  const found = CONTACT.exec(text);
  if (!found?.[1]) return { rest: text };
  const [phrase, first, second] = found;
  if (NOT_A_NAME.has(first.toLowerCase())) return { rest: text };
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  if (second === undefined || NOT_A_NAME.has(second.toLowerCase())) {
    const taken = second === undefined ? phrase : phrase.slice(0, phrase.length - second.length);
    return { contact: { firstName: capital(first) }, rest: cut(text, taken.trimEnd()) };
  }
  return { contact: { firstName: capital(first), surname: capital(second) }, rest: cut(text, phrase) };
}

/** The first type word anywhere ("Called", "EMAIL", "met"); the line's order is the user's choice. */
function takeKind(text: string): { kind?: InteractionKind; rest: string } {
  for (const raw of text.split(' ')) {
    const kind = KIND_WORDS[raw.toLowerCase().replace(TRAILING_PUNCTUATION, '')];
    if (kind) return { kind, rest: cut(text, raw) };
  }
  return { rest: text };
}

function takeWhen(text: string, options: { timeZone: string; now: Date }): { when?: string; rest: string } {
  const found = findDatePhrase(text, options);
  if (!found) return { rest: text };
  let phrase = found.widened;
  // A name right after `with` is the contact even when it looks like a month ("with Maria today 9:00").
  if (/\b(?:with|to|contact:?)\s+$/i.test(text.slice(0, text.indexOf(phrase)))) {
    phrase = phrase.split(' ').slice(1).join(' ');
  }
  return phrase ? { when: phrase, rest: cut(text, phrase) } : { rest: text };
}

/** Whether a command's text is a quick log (it names a contact or a follow-up): the card's gate, also for metrics. */
export function isQuickLogLine(text: string): boolean {
  const raw = collapse(text);
  return FOLLOW_UP.test(raw) || CONTACT.test(collapse(unescapeSlackText(raw)));
}

/**
 * A quick log is a line that names a contact (`with …`) or a follow-up (`follow up …`); anything else is left to the
 * form (undefined). The follow-up clause and `notes:` are taken first, then the account, the date, the contact and the
 * type word wherever they stand; what is left is the notes.
 */
export function parseQuickLog(text: string, options: { timeZone: string; now: Date }): QuickLine | undefined {
  const raw = collapse(text);
  if (!isQuickLogLine(raw)) return undefined;
  const follow = takeFollowUp(raw);
  const readable = collapse(unescapeSlackText(follow.rest));
  const notesClause = NOTES.exec(readable);
  const body = notesClause ? readable.slice(0, notesClause.index) : readable;
  const channel = CHANNEL.exec(body);
  const account = takeAccount(collapse(channel ? cut(body, channel[0]) : body));
  const when = takeWhen(collapse(account.rest), options);
  const contact = takeContact(collapse(when.rest));
  const kind = takeKind(collapse(contact.rest));
  const leftover = tidyNotes(kind.rest).replace(/[\s,;:]+$/, '');
  const notes = [leftover, notesClause?.[1]?.trim() ?? ''].filter(Boolean).join(' ');

  const line: QuickLine = {};
  if (kind.kind) line.kind = kind.kind;
  if (account.account) line.account = account.account;
  if (contact.contact) line.contact = contact.contact;
  if (when.when) line.when = when.when;
  if (notes) line.notes = notes;
  if (channel?.[1]) line.channel = channel[1].trim().replace(TRAILING_PUNCTUATION, '');
  if (follow.followUp) line.followUp = follow.followUp;
  return line;
}
