// The parts of a line of command text that both readings share: account numbers, date phrases, type words, notes.
import type { InteractionKind } from '../caliq/index.js';
import { findDatePhrase, PAST_TOLERANCE_MS, parseWhen } from '../dates/index.js';

export const KIND_WORDS: Readonly<Record<string, InteractionKind>> = {
  call: 'C',
  called: 'C',
  phoned: 'C',
  rang: 'C',
  phone: 'C',
  email: 'E',
  emailed: 'E',
  'e-mail': 'E',
  'e-mailed': 'E',
  visit: 'V',
  visited: 'V',
  met: 'V',
  meeting: 'V',
};

const EXPLICIT_ACCOUNT = /(?:^|\s)(?:account|acct):\s*([^\s,;]+)/i;
const ACCOUNT_SHAPE = /^[A-Za-z0-9\-_/]{2,10}$/;
/** Upper-case tokens that are times or ordinals ("3PM", "2ND"), not account numbers. */
const NOT_AN_ACCOUNT = /^(\d{1,2}([:.]\d{2})?(AM|PM)|\d+(ST|ND|RD|TH))$/;
export const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Tidies the gaps left where parts were taken out ("Spoke to , then" → "Spoke to, then"). */
export function tidyNotes(text: string): string {
  return collapse(text)
    .replace(/ ([,;:.!?])/g, '$1')
    .replace(/^[,;:.]+\s*/, '');
}

/** Removes the first occurrence of `part` from `text`, keeping words on either side apart. */
export function cut(text: string, part: string): string {
  const index = text.indexOf(part);
  if (index < 0) return text;
  return `${text.slice(0, index)} ${text.slice(index + part.length)}`;
}

/** An account number written in capitals with at least one letter and one digit, e.g. ACME01 or BX-22/7. */
export function looksLikeAccountNo(token: string): boolean {
  return (
    ACCOUNT_SHAPE.test(token) &&
    token === token.toUpperCase() &&
    /\d/.test(token) &&
    /[A-Z]/.test(token) &&
    !NOT_AN_ACCOUNT.test(token)
  );
}

export function takeAccountNo(text: string): { accountNo?: string; rest: string } {
  const explicit = EXPLICIT_ACCOUNT.exec(text);
  if (explicit?.[1]) {
    return { accountNo: explicit[1].replace(TRAILING_PUNCTUATION, '').toUpperCase(), rest: cut(text, explicit[0]) };
  }
  for (const raw of text.split(' ')) {
    const token = raw.replace(TRAILING_PUNCTUATION, '');
    if (looksLikeAccountNo(token)) return { accountNo: token, rest: cut(text, token) };
  }
  return { rest: text };
}

export function takeWhen(text: string, options: { timeZone: string; now: Date }): { when?: string; rest: string } {
  const found = findDatePhrase(text, options);
  if (!found) return { rest: text };
  const take = (phrase: string) => ({ when: phrase, rest: cut(text, phrase) });
  const widened = parseWhen(found.widened, { ...options, bias: 'past' });
  // An impossible time stuck to the phrase ("yesterday 25:00") goes into When, where the form refuses it in words,
  // rather than "yesterday" being taken and "25:00" left in the notes.
  if (!widened.ok && widened.problem === 'impossible') return take(found.widened);
  const phrase = widened.ok ? found.widened : found.read;
  const parsed = widened.ok ? widened : parseWhen(phrase, { ...options, bias: 'past' });
  // Only a phrase naming a past moment is clearly "when it happened"; "next Friday" in the notes is about something else.
  if (!parsed.ok || parsed.at.getTime() > options.now.getTime() + PAST_TOLERANCE_MS) return { rest: text };
  return take(phrase);
}

/** The kind, when the first word left after the account and date is a type word ("called", "emailed", "met"). */
export function takeKind(text: string): { kind?: InteractionKind; rest: string } {
  const [first = '', ...others] = text.split(' ');
  const kind = KIND_WORDS[first.toLowerCase().replace(TRAILING_PUNCTUATION, '')];
  return kind ? { kind, rest: others.join(' ') } : { rest: text };
}
