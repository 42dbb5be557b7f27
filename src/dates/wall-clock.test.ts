import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatDayInZone, formatForCaliq, formatInZone, formatShortDay } from './format.js';
import { formatterFor, wallClockFromParts, wallClockOf } from './wall-clock.js';

const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
];

/** The luxon formats these functions used before the cached Intl path: the reference they must match exactly. */
const luxon = (at: Date | string, zone: string) =>
  (typeof at === 'string' ? DateTime.fromISO(at, { setZone: false }) : DateTime.fromJSDate(at)).setZone(zone);
const reference = {
  inZone: (at: Date | string, zone: string) => luxon(at, zone).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm'),
  day: (at: Date | string, zone: string) => luxon(at, zone).setLocale('en-GB').toFormat('ccc d LLL yyyy'),
  short: (at: Date | string, zone: string) => luxon(at, zone).setLocale('en-GB').toFormat('d LLL'),
  caliq: (at: Date | string, zone: string) => luxon(at, zone).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
};

/** A small seeded generator, so a failure names an instant that can be tried again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Random instants 1990–2040, plus the minutes around every clock change of each zone in 2026. */
function instants(): Date[] {
  const random = seeded(20261207);
  const from = Date.UTC(1990, 0, 1);
  const to = Date.UTC(2040, 0, 1);
  const found = Array.from({ length: 400 }, () => new Date(from + Math.floor((random() * (to - from)) / 1000) * 1000));
  for (const zone of ZONES) {
    let previous = DateTime.fromISO('2026-01-01T00:00:00Z').setZone(zone).offset;
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 3_600_000) {
      const offset = DateTime.fromMillis(at).setZone(zone).offset;
      if (offset !== previous) for (let m = -90; m <= 90; m += 15) found.push(new Date(at + m * 60_000));
      previous = offset;
    }
  }
  return found;
}

describe('formatting through the cached Intl path', () => {
  const all = instants();

  it('gives exactly what luxon gave, in every zone, for Dates and ISO strings with Z or an offset', () => {
    let compared = 0;
    for (const zone of ZONES) {
      for (const at of all) {
        for (const input of [at, at.toISOString(), DateTime.fromJSDate(at).setZone('Asia/Kolkata').toISO() ?? '']) {
          expect(formatInZone(input, zone), `${String(input)} in ${zone}`).toBe(reference.inZone(input, zone));
          expect(formatDayInZone(input, zone)).toBe(reference.day(input, zone));
          expect(formatShortDay(input, zone)).toBe(reference.short(input, zone));
          expect(formatForCaliq(input, zone)).toBe(reference.caliq(input, zone));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(ZONES.length * 400 * 3);
  });

  it('leaves to luxon what the fast path cannot read the same way', () => {
    // No offset: luxon reads it on the machine's clock; a custom Caliq format; a zone Intl does not know.
    expect(formatInZone('2026-12-07T10:00:00', 'Asia/Tokyo')).toBe(
      reference.inZone('2026-12-07T10:00:00', 'Asia/Tokyo'),
    );
    expect(formatForCaliq(new Date('2026-12-07T10:00:00Z'), 'Europe/London', 'dd/MM/yyyy HH:mm')).toBe(
      '07/12/2026 10:00',
    );
    expect(formatInZone(new Date('2026-12-07T10:00:00Z'), 'Not/AZone')).toBe(
      reference.inZone(new Date('2026-12-07T10:00:00Z'), 'Not/AZone'),
    );
  });

  it('reads midnight as hour 0, not 24', () => {
    expect(wallClockOf(new Date('2026-12-07T00:00:30Z'), 'UTC')).toEqual({
      year: 2026,
      month: 12,
      day: 7,
      hour: 0,
      minute: 0,
      second: 30,
      weekday: 1,
    });
  });

  it('reads the formatted text as the formatter’s parts say, and falls back to the parts where the text differs', () => {
    for (const zone of ZONES) {
      for (const at of all) expect(wallClockOf(at, zone)).toEqual(wallClockFromParts(formatterFor(zone), at));
    }
    // Year 812 is written "812", which the one pattern leaves to the parts.
    const early = new Date(Date.UTC(812, 5, 1, 12, 0, 0));
    expect(wallClockOf(early, 'UTC')).toMatchObject({ year: 812, month: 6, day: 1, hour: 12 });
  });
});
