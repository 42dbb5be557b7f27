// English month and weekday names, fixed here rather than taken from ICU, whose abbreviations change ("Sep" → "Sept").

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "Jan" … "Dec": what the bot writes, and what chrono reads back. */
export const MONTH_ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3));

/** Sunday first, as chrono numbers weekdays (0-6) and luxon's weekday % 7 does. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A month name or abbreviation as people type it ("Dec", "Dec.", "Sept", "december"), for regular expressions. */
export const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
