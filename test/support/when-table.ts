// Runs tables of typed dates through parseWhen in London, New York, Tokyo and for a user with no zone of their own.
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { parseWhen } from '../../src/dates/parse-when.js';

/**
 * The zones of the table. A user Slack has no zone for is read in CALIQ_TIME_ZONE (the people directory's fallback);
 * here that setting is UTC, so the column differs from London and shows the fallback is really used as given.
 */
export const ZONES = {
  London: 'Europe/London',
  NewYork: 'America/New_York',
  Tokyo: 'Asia/Tokyo',
  NoZone: 'UTC',
} as const;
export type ZoneKey = keyof typeof ZONES;
const ZONE_KEYS = Object.keys(ZONES) as ZoneKey[];

/**
 * What a phrase must become: the wall clock in the reading zone ("2026-11-24 15:00"), an exact instant
 * ("2026-11-25T14:04Z"), or a refusal ("!leftover I read "10:00" but not …": the problem, then words the answer must
 * contain). A trailing " ~midday" / " ~09:00" / " ~now" also requires that the time was assumed, and says which.
 */
export type Expected = string;

export type Row = {
  text: string;
  bias: 'past' | 'future';
  /** One expectation for every zone, or one per zone (all four, or `other` for the rest). */
  expect: Expected | (Partial<Record<ZoneKey, Expected>> & { other?: Expected });
  /** The wall clock of "now" in each zone; default Wed 25 Nov 2026 11:00 there. */
  now?: string;
};

export const DEFAULT_NOW = '2026-11-25 11:00';

function expectationFor(row: Row, zone: ZoneKey): Expected {
  if (typeof row.expect === 'string') return row.expect;
  const found = row.expect[zone] ?? row.expect.other;
  if (found === undefined) throw new Error(`row ${JSON.stringify(row.text)} has no expectation for ${zone}`);
  return found;
}

function check(row: Row, zone: ZoneKey): void {
  const timeZone = ZONES[zone];
  const now = DateTime.fromFormat(row.now ?? DEFAULT_NOW, 'yyyy-MM-dd HH:mm', { zone: timeZone }).toJSDate();
  const result = parseWhen(row.text, { timeZone, now, bias: row.bias });
  const expected = expectationFor(row, zone);
  const label = `${JSON.stringify(row.text)} (${row.bias}) in ${timeZone}`;

  if (expected.startsWith('!')) {
    const [, problem = '', words = ''] = /^!(\w+)\s*(.*)$/.exec(expected) ?? [];
    expect(result.ok ? `read as ${result.at.toISOString()}` : result.problem, label).toBe(problem);
    if (!result.ok) expect(result.reason, label).toContain(words);
    return;
  }
  const [moment = '', assumed] = expected.split(' ~');
  const instant = moment.endsWith('Z')
    ? DateTime.fromISO(moment, { zone: 'UTC' })
    : DateTime.fromFormat(moment, 'yyyy-MM-dd HH:mm', { zone: timeZone });
  if (!instant.isValid) throw new Error(`bad expectation ${expected} for ${label}`);
  expect(result.ok ? result.at.toISOString() : `refused: ${result.reason}`, label).toBe(instant.toUTC().toISO());
  if (result.ok) expect(result.assumedTime, `${label}: the time assumed`).toBe(assumed);
}

/** One test per row, asserting all four zones (so a failure names the phrase and zone). */
export function runTable(rows: readonly Row[]): void {
  for (const row of rows) {
    it(`${JSON.stringify(row.text)} (${row.bias})`, () => {
      for (const zone of ZONE_KEYS) check(row, zone);
    });
  }
}

/** Phrases × zones, for the count the issue asks for. */
export const countCases = (rows: readonly Row[]): number => rows.length * ZONE_KEYS.length;
