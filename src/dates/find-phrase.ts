// Finds the date phrase inside free text (a slash command's words), with any unread numbers stuck to it.
import { DateTime } from 'luxon';
import { readText } from './chrono-reader.js';
import { MONTH_WORD } from './names.js';

/** Words that belong to a date even when chrono skipped them ("25:00", "3:75pm", "31/02", "'24", "pm"). */
const DATE_LIKE = new RegExp(
  `^(\\d{1,2}([:.]\\d{1,2})?\\s*([ap]\\.?m\\.?)?|\\d{1,2}/\\d{1,2}(/\\d{2,4})?|[ap]\\.?m\\.?|['’]\\d{2}|\\d{4}|${MONTH_WORD})[,;]?$`,
  'i',
);

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The first date phrase chrono finds in `text`: as read, and widened over neighbouring words that look like parts of a
 * date, so that "yesterday 25:00" is taken whole (and then refused) rather than as "yesterday" with "25:00" left in the
 * notes.
 */
export function findDatePhrase(
  text: string,
  options: { timeZone: string; now: Date },
): { read: string; widened: string } | undefined {
  // No letter or digit, no date: spares chrono's dozens of patterns on the empty text of a bare /log-interaction.
  if (!HAS_WORD.test(text)) return undefined;
  const wall = DateTime.fromJSDate(options.now).setZone(options.timeZone);
  const instant = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  const [span] = readText(text, options.timeZone, instant, false).spans;
  if (!span) return undefined;
  const read = text.slice(span[0], span[1]).trim();
  let [start, end] = span;
  for (;;) {
    const after = /^\s+(\S+)/.exec(text.slice(end));
    if (!after?.[1] || !DATE_LIKE.test(after[1])) break;
    end += after[0].length;
  }
  for (;;) {
    const before = /(\S+)\s+$/.exec(text.slice(0, start));
    if (!before?.[1] || !DATE_LIKE.test(before[1])) break;
    start -= before[0].length;
  }
  return { read, widened: text.slice(start, end).replace(/[,;]$/, '').trim() };
}
