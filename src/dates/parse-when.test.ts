// Checks that typed dates land on the right instant in the user's zone, across DST changes and with past/future bias.
import { describe, expect, it } from 'vitest';
import { chooseChrono, type ParsedWhen, parseWhen } from './parse-when.js';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
/** Wed 25 Nov 2026, 11:00 in London (GMT, so UTC too). */
const WED_1100 = new Date('2026-11-25T11:00:00Z');

function at(result: ParsedWhen): string {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.at.toISOString();
}

const past = (text: string, now = WED_1100, timeZone = LONDON) => parseWhen(text, { timeZone, now, bias: 'past' });
const future = (text: string, now = WED_1100, timeZone = LONDON) => parseWhen(text, { timeZone, now, bias: 'future' });

describe('parseWhen: now and nonsense', () => {
  it.each(['', '   ', 'now', 'Now', 'just now'])('reads %j as now', (text) => {
    const result = past(text);
    expect(result).toMatchObject({ ok: true, timeGiven: true });
    expect(at(result)).toBe(WED_1100.toISOString());
  });

  it('explains nonsense with examples', () => {
    const result = past('blah');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(
        'I couldn\'t read "blah" as a date. Try "yesterday 3pm", "25/11 14:30", "24 Dec 10:00" or "next Friday 10:00".',
      );
    }
  });

  it('refuses an unknown time zone in plain words', () => {
    const result = past('yesterday', WED_1100, 'Mars/Olympus');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('Mars/Olympus');
  });

  it('refuses extra words, naming the part it read and the part it did not', () => {
    expect(past('yesterday at the office')).toMatchObject({
      ok: false,
      problem: 'leftover',
      reason: expect.stringContaining('I read "yesterday" but not "at the office"'),
    });
  });

  it('gives examples in month/day order for America/* zones', () => {
    const result = past('blah', WED_1100, NEW_YORK);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('"11/25 14:30"') });
  });
});

describe('parseWhen: times of day', () => {
  it('reads "yesterday 3pm" in the user zone', () => {
    expect(at(past('yesterday 3pm', WED_1100, NEW_YORK))).toBe('2026-11-24T20:00:00.000Z');
    expect(past('yesterday 3pm')).toMatchObject({ ok: true, timeGiven: true, matchedText: 'yesterday 3pm' });
  });

  it('past: a bare time still to come today means yesterday', () => {
    expect(at(past('3pm'))).toBe('2026-11-24T15:00:00.000Z');
  });

  it('past: a bare time already gone today means today', () => {
    expect(at(past('10am'))).toBe('2026-11-25T10:00:00.000Z');
  });

  it('past: a bare time within five minutes counts as today', () => {
    expect(at(past('11:04'))).toBe('2026-11-25T11:04:00.000Z');
  });

  it('future: a bare time already gone today means tomorrow', () => {
    expect(at(future('10am'))).toBe('2026-11-26T10:00:00.000Z');
  });

  it('reads relative times as exact distances', () => {
    expect(at(past('2 hours ago'))).toBe('2026-11-25T09:00:00.000Z');
    expect(at(future('in 30 minutes'))).toBe('2026-11-25T11:30:00.000Z');
  });

  it('treats "this morning" as a time given', () => {
    expect(past('this morning')).toMatchObject({ ok: true, timeGiven: true });
  });

  it('honours a zone named in the text', () => {
    expect(at(past('10am EST'))).toBe('2026-11-25T15:00:00.000Z');
  });
});

describe('parseWhen: days without a time', () => {
  it('past: today means now', () => {
    expect(at(past('today'))).toBe(WED_1100.toISOString());
  });

  it('past: another day means midday there', () => {
    expect(at(past('yesterday', WED_1100, NEW_YORK))).toBe('2026-11-24T17:00:00.000Z');
  });

  it('future: a day means 09:00 there', () => {
    expect(at(future('tomorrow', WED_1100, NEW_YORK))).toBe('2026-11-26T14:00:00.000Z');
  });

  it('uses defaultHour when given', () => {
    const result = parseWhen('tomorrow', { timeZone: LONDON, now: WED_1100, bias: 'future', defaultHour: 14 });
    expect(at(result)).toBe('2026-11-26T14:00:00.000Z');
  });
});

describe('parseWhen: weekday names and bias', () => {
  it('past: "Friday" on a Wednesday is last Friday', () => {
    expect(at(past('Friday'))).toBe('2026-11-20T12:00:00.000Z');
  });

  it('past: "Monday" on a Wednesday is this Monday', () => {
    expect(at(past('Monday 10:00'))).toBe('2026-11-23T10:00:00.000Z');
  });

  it('past: "Wednesday 3pm" before 3pm on a Wednesday is a week ago', () => {
    expect(at(past('Wednesday 3pm'))).toBe('2026-11-18T15:00:00.000Z');
  });

  it('past: "next Friday" is left in the future for the caller to refuse', () => {
    expect(at(past('next Friday'))).toBe('2026-12-04T12:00:00.000Z');
  });

  it('future: "Friday" on a Wednesday is this Friday at 09:00', () => {
    expect(at(future('Friday'))).toBe('2026-11-27T09:00:00.000Z');
  });

  it('future: "Monday" on a Wednesday is next Monday', () => {
    expect(at(future('Monday'))).toBe('2026-11-30T09:00:00.000Z');
  });

  it('future: "Wednesday" on a Wednesday after 09:00 is a week later', () => {
    expect(at(future('Wednesday'))).toBe('2026-12-02T09:00:00.000Z');
  });

  it('future: "last Monday" still means the one before, so the caller can refuse it', () => {
    expect(at(future('last Monday'))).toBe('2026-11-23T09:00:00.000Z');
  });

  it('past: "last Friday" is the one before', () => {
    expect(at(past('last Friday 4pm'))).toBe('2026-11-20T16:00:00.000Z');
  });

  it('future: "next Friday 10:00" keeps the time', () => {
    expect(future('next Friday 10:00')).toMatchObject({ ok: true, timeGiven: true });
    expect(at(future('next Friday 10:00'))).toBe('2026-12-04T10:00:00.000Z');
  });
});

describe('parseWhen: day/month order', () => {
  it('picks US order for America/* zones and GB order elsewhere', () => {
    expect(chooseChrono(NEW_YORK)).not.toBe(chooseChrono(LONDON));
    expect(chooseChrono('Europe/Paris')).toBe(chooseChrono(LONDON));
  });

  it('reads 25/11 as 25 November in London', () => {
    expect(at(past('25/11 14:30'))).toBe('2026-11-25T14:30:00.000Z');
  });

  it('reads 11/24 as 24 November in New York', () => {
    expect(at(past('11/24 9:30am', WED_1100, NEW_YORK))).toBe('2026-11-24T14:30:00.000Z');
  });

  it('reads 3/11 differently in the two orders', () => {
    expect(at(past('3/11 10:00'))).toBe('2026-11-03T10:00:00.000Z');
    expect(at(past('3/11 10:00', WED_1100, NEW_YORK))).toBe('2026-03-11T14:00:00.000Z');
  });

  it('past: a day and month never lands in next year', () => {
    // chrono alone picks the nearest 12 January, which is in 2027.
    expect(at(past('12/1'))).toBe('2026-01-12T12:00:00.000Z');
  });

  it('reads an absolute date with the year', () => {
    expect(at(past('25 Nov 2025 15:04'))).toBe('2025-11-25T15:04:00.000Z');
  });
});

describe('parseWhen: daylight-saving changes', () => {
  // London springs forward on Sun 29 Mar 2026 (01:00 GMT → 02:00 BST).
  const londonMonday = new Date('2026-03-30T09:00:00Z'); // 10:00 BST
  // New York springs forward on Sun 8 Mar 2026 (02:00 EST → 03:00 EDT).
  const newYorkMonday = new Date('2026-03-09T14:00:00Z'); // 10:00 EDT

  it('London: "yesterday 3pm" on the Monday after is 15:00 BST', () => {
    expect(at(past('yesterday 3pm', londonMonday))).toBe('2026-03-29T14:00:00.000Z');
  });

  it('London: "Saturday 3pm" on the Monday after is 15:00 GMT', () => {
    expect(at(past('Saturday 3pm', londonMonday))).toBe('2026-03-28T15:00:00.000Z');
  });

  it('London: "yesterday 3pm" on the Sunday of the change is 15:00 GMT the day before', () => {
    expect(at(past('yesterday 3pm', new Date('2026-03-29T09:00:00Z')))).toBe('2026-03-28T15:00:00.000Z');
  });

  it('New York: "yesterday 3pm" on the Monday after is 15:00 EDT', () => {
    expect(at(past('yesterday 3pm', newYorkMonday, NEW_YORK))).toBe('2026-03-08T19:00:00.000Z');
  });

  it('New York: "Saturday 3pm" on the Monday after is 15:00 EST', () => {
    expect(at(past('Saturday 3pm', newYorkMonday, NEW_YORK))).toBe('2026-03-07T20:00:00.000Z');
  });

  it('New York: a follow-up "next Friday" after fall-back is 09:00 EST', () => {
    // Wed 28 Oct 2026 is EDT; clocks go back on Sun 1 Nov.
    expect(at(future('next Friday', new Date('2026-10-28T15:00:00Z'), NEW_YORK))).toBe('2026-11-06T14:00:00.000Z');
  });

  it('New York: a follow-up "next Friday" after spring-forward is 09:00 EDT', () => {
    expect(at(future('next Friday', new Date('2026-03-05T15:00:00Z'), NEW_YORK))).toBe('2026-03-13T13:00:00.000Z');
  });

  it('London: "2 hours ago" across the change is two real hours', () => {
    // 03:30 BST on the Sunday = 02:30 UTC; two hours earlier is 00:30 UTC (00:30 GMT).
    expect(at(past('2 hours ago', new Date('2026-03-29T02:30:00Z')))).toBe('2026-03-29T00:30:00.000Z');
  });

  it('London: a time skipped by the change is refused, with the same moment on the new clock as the example', () => {
    expect(past('29/3/2026 1:30', londonMonday)).toMatchObject({
      ok: false,
      problem: 'impossible',
      reason: expect.stringContaining("There's no 01:30 on Sun 29 Mar 2026 in London"),
    });
    expect(at(past('29 Mar 2026 02:30', londonMonday))).toBe('2026-03-29T01:30:00.000Z');
  });
});
