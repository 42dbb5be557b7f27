// The wall-clock fields of an instant in an IANA zone, read with one cached Intl formatter per zone. Every delivery
// writes Caliq's local time and the user's "✅ Logged" line; luxon's zone and format work per call cost about as much
// as the rest of a delivery's formatting together, so the few fixed formats on that path are built from these fields.

export type WallClock = {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  /** 0 (Sunday) – 6 */
  weekday: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** What the formatter writes, e.g. "Tue, 12/8/2026, 02:41:07"; read with one match, a third of formatToParts' cost. */
const FORMATTED = /^([A-Z][a-z]{2}), (\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/** The fields of `at` on the zone's clock; throws a RangeError for a zone Intl does not know. */
export function wallClockOf(at: Date, timeZone: string): WallClock {
  const formatter = formatterFor(timeZone);
  const match = FORMATTED.exec(formatter.format(at));
  const weekday = match ? WEEKDAY_INDEX[match[1] as string] : undefined;
  if (!match || weekday === undefined) return wallClockFromParts(formatter, at);
  return {
    year: Number(match[4]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[5]),
    minute: Number(match[6]),
    second: Number(match[7]),
    weekday,
  };
}

/** The same fields part by part: for what the one pattern does not cover (a year before 1000, another ICU's spelling). */
export function wallClockFromParts(formatter: Intl.DateTimeFormat, at: Date): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const part of formatter.formatToParts(at)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        wall[part.type] = Number(part.value);
        break;
      case 'weekday':
        wall.weekday = WEEKDAY_INDEX[part.value] ?? 0;
        break;
    }
  }
  return wall;
}

/** British English short names as ICU spells them (what luxon's `ccc` and `LLL` give in en-GB, e.g. "Sept"). */
const britishNames = (options: Intl.DateTimeFormatOptions, dates: Date[]): string[] => {
  const formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  return dates.map((date) => formatter.format(date));
};
/** "Sun" … "Sat". */
export const SHORT_WEEKDAYS = britishNames(
  { weekday: 'short' },
  Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2023, 0, 1 + day))),
);
/** "Jan" … "Dec" ("Sept" with today's ICU). */
export const SHORT_MONTHS = britishNames(
  { month: 'short' },
  Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2023, month, 15))),
);

export const pad2 = (value: number): string => String(value).padStart(2, '0');
