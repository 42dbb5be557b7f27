// Shows instants to people in their own IANA time zone (never a fixed offset), and to Caliq in its configured format.
import { DateTime } from 'luxon';
import { MONTH_ABBREVIATIONS } from './names.js';
import { pad2, SHORT_MONTHS, SHORT_WEEKDAYS, type WallClock, wallClockOf } from './wall-clock.js';
import { cityOf, instantsOf } from './zone-wall.js';

const toZoned = (at: Date | string, timeZone: string): DateTime =>
  (typeof at === 'string' ? DateTime.fromISO(at, { setZone: false }) : DateTime.fromJSDate(at)).setZone(timeZone);

/** An ISO string naming its offset (or Z) is one instant whatever the machine's zone; others are left to luxon. */
const ABSOLUTE_ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The wall clock of `at` in the zone through the cached Intl path, or undefined where luxon must answer instead (a
 * string without an offset, an invalid instant, a zone Intl does not know), so output never differs from luxon's.
 */
function fastWall(at: Date | string, timeZone: string): WallClock | undefined {
  const instant = typeof at === 'string' ? (ABSOLUTE_ISO.test(at) ? new Date(at) : undefined) : at;
  if (!instant || Number.isNaN(instant.getTime())) return undefined;
  try {
    return wallClockOf(instant, timeZone);
  } catch {
    return undefined;
  }
}

const dayMonth = (wall: WallClock): string => `${wall.day} ${SHORT_MONTHS[wall.month - 1]}`;
const weekdayDate = (wall: WallClock): string => `${SHORT_WEEKDAYS[wall.weekday]} ${dayMonth(wall)} ${wall.year}`;

/**
 * The phrase the bot writes into a form's date field ("25 Nov 2026 15:04"), which `parseWhen` reads back to the same
 * minute in that zone whatever its day/month order. In an hour the clocks repeat, both occurrences carry their offset
 * ("25 Oct 2026 01:30 UTC+01:00"), because `parseWhen` refuses a bare wall-clock time that happens twice.
 */
export function formatWhenPhrase(at: Date, timeZone: string): string {
  const wall = DateTime.fromJSDate(at).setZone(timeZone).startOf('minute');
  const phrase = `${wall.day} ${MONTH_ABBREVIATIONS[wall.month - 1]} ${wall.toFormat('yyyy HH:mm')}`;
  const repeated = instantsOf(wall, timeZone).length > 1;
  return repeated ? `${phrase} UTC${wall.toFormat('ZZ')}` : phrase;
}

/** "Wed 25 Nov 2026, 15:00" in the given zone. */
export function formatInZone(at: Date | string, timeZone: string): string {
  const wall = fastWall(at, timeZone);
  if (wall) return `${weekdayDate(wall)}, ${pad2(wall.hour)}:${pad2(wall.minute)}`;
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');
}

/** "Wed 25 Nov" in the given zone: for a date whose time of day does not matter. */
export function formatDayInZone(at: Date | string, timeZone: string): string {
  const wall = fastWall(at, timeZone);
  if (wall) return weekdayDate(wall);
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

/** "3 Dec" in the given zone: when something last happened, in a list. */
export function formatShortDay(at: Date | string, timeZone: string): string {
  const wall = fastWall(at, timeZone);
  if (wall) return dayMonth(wall);
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('d LLL');
}

/** The zone's short name at that instant ("GMT", "BST", "PST"), for "15:00 GMT". */
export function zoneAbbreviation(at: Date | string, timeZone: string): string {
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ZZZZ');
}

const CALIQ_ISO = "yyyy-MM-dd'T'HH:mm:ss";

/** Local wall-clock time in Caliq's zone, in a luxon format (default ISO 8601 without offset). */
export function formatForCaliq(at: Date | string, timeZone: string, format = CALIQ_ISO): string {
  const wall = format === CALIQ_ISO ? fastWall(at, timeZone) : undefined;
  if (wall) {
    const date = `${String(wall.year).padStart(4, '0')}-${pad2(wall.month)}-${pad2(wall.day)}`;
    return `${date}T${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}`;
  }
  return toZoned(at, timeZone).toFormat(format);
}

/**
 * A follow-up time as the form shows it. In the reader's own zone: "Tue 9 Dec 2026, 10:00 your time". In another
 * person's zone, saying whose and converting: "Tue 9 Dec 2026, 10:00 in Carol's time (Tokyo) = Mon 8 Dec, 20:00 yours"
 * (the day is repeated only when it differs).
 */
export function formatForTwoZones(
  at: Date,
  zones: { theirs: string; yours: string; theirName?: string | undefined },
): string {
  const theirs = formatInZone(at, zones.theirs);
  if (zones.theirs === zones.yours) return `${theirs} your time`;
  const whose = zones.theirName ? `${zones.theirName}'s` : 'their';
  const there = toZoned(at, zones.theirs);
  const here = toZoned(at, zones.yours).setLocale('en-GB');
  const yours = here.toISODate() === there.toISODate() ? here.toFormat('HH:mm') : here.toFormat('ccc d LLL, HH:mm');
  return `${theirs} in ${whose} time (${cityOf(zones.theirs)}) = ${yours} yours`;
}
