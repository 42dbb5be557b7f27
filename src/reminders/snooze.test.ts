// Tests snooze times in real IANA zones, including the days the clocks change in New York and London.
import { describe, expect, it } from 'vitest';
import { snoozeUntil } from './snooze.js';

const utc = (iso: string): Date => new Date(iso);

describe('snoozeUntil', () => {
  it('adds one elapsed hour, even across the spring-forward gap', () => {
    // 01:30 EST + 1h is 03:30 EDT: the clock skips 02:00-03:00 that night.
    expect(snoozeUntil('1h', utc('2026-03-08T06:30:00Z'), 'America/New_York')).toEqual(utc('2026-03-08T07:30:00Z'));
  });

  it('comes back at 09:00 tomorrow in New York across both DST changes', () => {
    // Saturday 20:00 EST → Sunday 09:00 EDT (13:00Z, not 14:00Z).
    expect(snoozeUntil('tomorrow', utc('2026-03-08T01:00:00Z'), 'America/New_York')).toEqual(
      utc('2026-03-08T13:00:00Z'),
    );
    // Saturday 20:00 EDT → Sunday 09:00 EST (14:00Z).
    expect(snoozeUntil('tomorrow', utc('2026-11-01T00:00:00Z'), 'America/New_York')).toEqual(
      utc('2026-11-01T14:00:00Z'),
    );
  });

  it("uses the zone's calendar day, not UTC's", () => {
    // 23:30 on Saturday 7 March in New York is already Sunday in UTC; tomorrow is still Sunday 8 March there.
    expect(snoozeUntil('tomorrow', utc('2026-03-08T04:30:00Z'), 'America/New_York')).toEqual(
      utc('2026-03-08T13:00:00Z'),
    );
    // 00:30 BST on Tuesday is still Monday in UTC; tomorrow is Wednesday 09:00 BST.
    expect(snoozeUntil('tomorrow', utc('2026-06-01T23:30:00Z'), 'Europe/London')).toEqual(utc('2026-06-03T08:00:00Z'));
  });

  it('comes back at 09:00 tomorrow in London across both DST changes', () => {
    // Saturday 12:00 GMT → Sunday 09:00 BST (08:00Z).
    expect(snoozeUntil('tomorrow', utc('2026-03-28T12:00:00Z'), 'Europe/London')).toEqual(utc('2026-03-29T08:00:00Z'));
    // Saturday 13:00 BST → Sunday 09:00 GMT (09:00Z).
    expect(snoozeUntil('tomorrow', utc('2026-10-24T12:00:00Z'), 'Europe/London')).toEqual(utc('2026-10-25T09:00:00Z'));
  });

  it('comes back next week on Monday at 09:00 local, across DST changes', () => {
    // Wednesday 4 March 10:00 EST → Monday 9 March 09:00 EDT.
    expect(snoozeUntil('next_week', utc('2026-03-04T15:00:00Z'), 'America/New_York')).toEqual(
      utc('2026-03-09T13:00:00Z'),
    );
    // Thursday 22 October 13:00 BST → Monday 26 October 09:00 GMT.
    expect(snoozeUntil('next_week', utc('2026-10-22T12:00:00Z'), 'Europe/London')).toEqual(utc('2026-10-26T09:00:00Z'));
  });

  it('goes from Sunday to the next day and from Monday to a week later', () => {
    expect(snoozeUntil('next_week', utc('2026-10-25T18:00:00Z'), 'Europe/London')).toEqual(utc('2026-10-26T09:00:00Z'));
    expect(snoozeUntil('next_week', utc('2026-10-26T08:00:00Z'), 'Europe/London')).toEqual(utc('2026-11-02T09:00:00Z'));
  });

  it('refuses an unknown time zone', () => {
    expect(() => snoozeUntil('tomorrow', utc('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
