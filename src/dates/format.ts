// Shows instants to people in their own IANA time zone (never a fixed offset), and to Caliq in its configured format.
import { DateTime } from 'luxon';

const toZoned = (at: Date | string, timeZone: string): DateTime =>
  (typeof at === 'string' ? DateTime.fromISO(at, { setZone: false }) : DateTime.fromJSDate(at)).setZone(timeZone);

/** "Wed 25 Nov 2026, 15:00" in the given zone. */
export function formatInZone(at: Date | string, timeZone: string): string {
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');
}

/** "Wed 25 Nov" in the given zone: for a date whose time of day does not matter. */
export function formatDayInZone(at: Date | string, timeZone: string): string {
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

/** The zone's short name at that instant ("GMT", "BST", "PST"), for "15:00 GMT". */
export function zoneAbbreviation(at: Date | string, timeZone: string): string {
  return toZoned(at, timeZone).setLocale('en-GB').toFormat('ZZZZ');
}

/** Local wall-clock time in Caliq's zone, in a luxon format (default ISO 8601 without offset). */
export function formatForCaliq(at: Date | string, timeZone: string, format = "yyyy-MM-dd'T'HH:mm:ss"): string {
  return toZoned(at, timeZone).toFormat(format);
}
