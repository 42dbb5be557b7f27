// Runs chrono over a typed date and reports which parts of the text it left unread, so nothing is dropped silently.
// English only: the package's root entry loads every locale it has (about 10 MB more resident, nothing used).
import * as en from 'chrono-node/en';
import { cityOf } from './zone-wall.js';

/**
 * chrono's little-endian (GB) setup reads "Dec 24" as December 2024. Here a one- or two-digit number after a month name
 * is a day in every region, so the month-name parser is rebuilt without that year guess; the rest of GB stays as is.
 */
function buildDayMonthChrono(): en.Chrono {
  const config = en.configuration.createCasualConfiguration(true);
  let replaced = 0;
  config.parsers = config.parsers.map((parser) => {
    if (parser.constructor.name !== 'ENMonthNameMiddleEndianParser') return parser;
    replaced += 1;
    const MiddleEndian = parser.constructor as new (shouldSkipYearLikeDate: boolean) => en.Parser;
    return new MiddleEndian(false);
  });
  // A chrono upgrade that renames the parser must fail loudly here, not bring back "Dec 24" = 2024.
  if (replaced !== 1) throw new Error('chrono-node changed: ENMonthNameMiddleEndianParser not found');
  return new en.Chrono(config);
}

const DAY_MONTH = buildDayMonthChrono();
const MONTH_DAY = en.casual;

/**
 * US month/day order only for zones in the Americas named America/*, because those users mostly write 11/25; everyone
 * else (the UK team first) writes 25/11. A user's zone is the only locale hint Slack gives us for free.
 */
export function chooseChrono(timeZone: string): en.Chrono {
  return monthFirst(timeZone) ? MONTH_DAY : DAY_MONTH;
}

export function monthFirst(timeZone: string): boolean {
  return timeZone.startsWith('America/');
}

/** Text rewritten for chrono: the original index of every character, and the [start, end) of words blanked out. */
type Rewritten = { text: string; origin: number[]; blanked: Array<[number, number]> };

/**
 * "Dec '24" becomes "Dec 2024" (chrono knows no apostrophe years); hedges ("around", "3pm-ish") and the 12 of "12 noon"
 * become spaces, so chrono merges the date and time on either side instead of returning two results.
 */
function rewrite(text: string): Rewritten {
  const pattern =
    /(^|\s)['’‘](\d{2})\b|\b(around|about|approximately|approx|roughly|circa)\b|(?<=[\dm])-?ish\b|\b12\s+(?=noon|midnight)/gi;
  let out = '';
  const origin: number[] = [];
  let last = 0;
  const blanked: Array<[number, number]> = [];
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      out += text[i];
      origin.push(i);
    }
  };
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    copy(last, start);
    const replacement = match[2] !== undefined ? `${match[1]}20${match[2]}` : ' '.repeat(match[0].length);
    if (match[2] === undefined) blanked.push([start, start + match[0].length]);
    for (let i = 0; i < replacement.length; i++) {
      out += replacement[i];
      origin.push(Math.min(start + i, start + match[0].length - 1));
    }
    last = start + match[0].length;
  }
  copy(last, text.length);
  return { text: out, origin, blanked };
}

export type Reading = {
  /** chrono's results, in order; usually one. */
  results: en.ParsedResult[];
  /** The text chrono saw (apostrophe years written out). */
  rewritten: string;
  /** Where each result lies in the original text, as [start, end). */
  spans: Array<[number, number]>;
  /** Pieces of the original text that no result covers, trimmed, in order (may be filler such as "at"). */
  unread: string[];
};

/** Reads `text` with the zone's chrono, relative to `instant` (the zone's wall clock written as UTC). */
export function readText(text: string, timeZone: string, instant: Date, forwardDate: boolean): Reading {
  const { text: rewritten, origin, blanked } = rewrite(text);
  const results = chooseChrono(timeZone).parse(rewritten, { instant, timezone: 0 }, { forwardDate });
  const covered = new Array<boolean>(text.length).fill(false);
  for (const [from, to] of blanked) covered.fill(true, from, to);
  const spans = results.map((result): [number, number] => {
    // chrono may count the blanks left where a hedge was taken out ("  noon"); they are not part of the date.
    const first = result.index + result.text.length - result.text.trimStart().length;
    const last = result.index + result.text.trimEnd().length - 1;
    const start = origin[first] ?? 0;
    const end = (origin[last] ?? text.length - 1) + 1;
    covered.fill(true, start, end);
    return [start, end];
  });
  const unread: string[] = [];
  let piece = '';
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !covered[i]) {
      piece += text[i];
      continue;
    }
    if (piece.trim() !== '') unread.push(piece.trim());
    piece = '';
  }
  return { results, rewritten, spans, unread };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What may be left unread without changing the meaning: little words, punctuation, the reading zone's own name, and the
 * zone hints the bot writes ("in Carol's time (Tokyo)" only with the reading zone's city). "your time", "my time" and
 * "local time" are filler only when the text is read in the typist's own zone (`typistsOwnZone`): in a follow-up read
 * in Carol's zone, Bob's "my time" means his, so it is left over and refused rather than ignored.
 */
export function isFiller(piece: string, timeZone: string, typistsOwnZone: boolean): boolean {
  const zoneNames = [timeZone, cityOf(timeZone)].map((name) => escapeRegExp(name.toLowerCase())).join('|');
  const filler = new RegExp(
    [
      ...(typistsOwnZone ? ['\\b(in\\s+)?(your|my|local)\\s+time\\b', '\\blocal\\b'] : []),
      `\\b(in\\s+)?(their|[a-z]+['’]s)\\s+time\\s*\\(\\s*(${zoneNames})\\s*\\)`,
      `\\b(${zoneNames})(\\s+time)?\\b`,
      '\\b(at|on|around|about|approximately|approx|roughly|circa|ish|the|by)\\b',
      `[\\s,.;:!?()[\\]"'’‘-]`,
    ].join('|'),
    'g',
  );
  return piece.toLowerCase().replace(filler, '') === '';
}
