// Shows instants to people in their own IANA time zone (never a fixed offset), and to Caliq in its configured format.
import { DateTime } from 'luxon';
import { MONTH_ABBREVIATIONS } from './names.js';
import { cityOf, instantsOf } from './zone-wall.js';

const toZoned = (at: Date | string, timeZone: string): DateTime =>
  (typeof at === 'string' ? DateTime.fromISO(at, { setZone: false }) : DateTime.fromJSDate(at)).setZone(timeZone);

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
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');
}

/** "Wed 25 Nov" in the given zone: for a date whose time of day does not matter. */
export function formatDayInZone(at: Date | string, timeZone: string): string {
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

/** "3 Dec" in the given zone: when something last happened, in a list. */
export function formatShortDay(at: Date | string, timeZone: string): string {
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('d LLL');
}

/** The zone's short name at that instant ("GMT", "BST", "PST"), for "15:00 GMT". */
export function zoneAbbreviation(at: Date | string, timeZone: string): string {
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ZZZZ');
}

/** Local wall-clock time in Caliq's zone, in a luxon format (default ISO 8601 without offset). */
export function formatForCaliq(at: Date | string, timeZone: string, format = "yyyy-MM-dd'T'HH:mm:ss"): string {
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
