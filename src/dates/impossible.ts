// Finds times and dates that cannot exist ("25:00", "3:75pm", "31/02", "13/13"), which chrono skips without a word.
import { monthFirst } from './chrono-reader.js';
import { MONTH_NAMES, MONTH_WORD } from './names.js';

/** Days in a month; February has 29 when no year says otherwise, and the year is checked later with the whole date. */
function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthNumber(word: string): number {
  const prefix = word.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((name) => name.slice(0, 3).toLowerCase() === prefix) + 1;
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function checkDay(day: number, month: number, year: number | undefined, typed: string): string | undefined {
  if (month < 1 || month > 12) return `There's no month ${month} in "${typed}": months go from 1 to 12.`;
  const name = MONTH_NAMES[month - 1] ?? '';
  if (day < 1 || day > daysIn(month, year)) {
    return `There's no ${day} ${name}${year === undefined ? '' : ` ${year}`} in "${typed}".`;
  }
  return undefined;
}

function checkTimes(text: string): string | undefined {
  // "10.30" counts as a clock time only with am/pm, so "2.75 hours ago" is not taken for one.
  const clock = /(?<![\d/.:])(\d{1,2})(?::|\.(?=\d{1,2}\s*[ap]\.?m))(\d{1,2})(?:\s*([ap])\.?m\b\.?)?(?![\d/:])/gi;
  for (const match of text.matchAll(clock)) {
    const hour = Number(match[1]);
    const minute = Number(match[2]);
    const meridiem = match[3];
    const typed = match[0].trim();
    if (minute > 59) return `There's no ${typed}: minutes go up to 59.`;
    if (match[2]?.length === 1) {
      const [, h, m] = match;
      const rest = meridiem ? `${meridiem.toLowerCase()}m` : '';
      const tens = minute < 6 ? ` or "${h}:${m}0${rest}"` : '';
      return `In "${typed}" the minutes have one digit; write two ("${h}:0${m}${rest}"${tens}).`;
    }
    if (meridiem && (hour < 1 || hour > 12)) return `There's no ${typed}: with am or pm, hours go from 1 to 12.`;
    if (!meridiem && hour > 23)
      return `There's no ${typed}: hours go up to 23 (for midnight write 00:00 and the next day).`;
  }
  const bare = /(?<![\d:.])(\d{1,2})\s*([ap])\.?m\b\.?/gi;
  for (const match of text.matchAll(bare)) {
    const hour = Number(match[1]);
    if (hour < 1 || hour > 12) return `There's no ${match[0].trim()}: with am or pm, hours go from 1 to 12.`;
  }
  return undefined;
}

function checkSlashDates(text: string, monthFirst: boolean, timeZone: string): string | undefined {
  const slash = /(?<![\d/])(\d{1,2})[/](\d{1,2})(?:[/](\d{2}|\d{4}))?(?![\d/])/g;
  for (const match of text.matchAll(slash)) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const [day, month] = monthFirst ? [second, first] : [first, second];
    const order = monthFirst ? 'month/day' : 'day/month';
    const problem = checkDay(day, month, fullYear(match[3]), match[0]);
    if (problem) return `${problem} In ${timeZone} I read numbers as ${order}; "24 Dec" works everywhere.`;
  }
  return undefined;
}

function checkMonthNames(text: string): string | undefined {
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_WORD})(?:,?\\s+(\\d{4}))?`, 'gi');
  const monthThenDay = new RegExp(
    `\\b(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[:.]\\d)(?:,?\\s+(\\d{4}))?`,
    'gi',
  );
  for (const match of text.matchAll(dayFirst)) {
    const problem = checkDay(Number(match[1]), monthNumber(match[2] ?? ''), fullYear(match[3]), match[0]);
    if (problem) return problem;
  }
  for (const match of text.matchAll(monthThenDay)) {
    const problem = checkDay(Number(match[2]), monthNumber(match[1] ?? ''), fullYear(match[3]), match[0]);
    if (problem) return problem;
  }
  return undefined;
}

/** A sentence naming the first impossible time or date in `text`, or undefined when every number is in range. */
export function findImpossible(text: string, timeZone: string): string | undefined {
  return checkTimes(text) ?? checkSlashDates(text, monthFirst(timeZone), timeZone) ?? checkMonthNames(text);
}
