// The interpretation lines under the date fields: the instant, whose zone it is read in, and the time assumed if none was typed.
import { describe, expect, it } from 'vitest';
import { computeModalHints, type HintInput } from './modal-hints.js';

/** Wed 2 Dec 2026, 11:00 UTC: 06:00 in New York, 20:00 in Tokyo. */
const NOW = new Date('2026-12-02T11:00:00Z');

function hints(overrides: Partial<HintInput>) {
  return computeModalHints({
    draft: {},
    now: NOW,
    userTimeZone: 'America/New_York',
    followUpTimeZone: 'America/New_York',
    followUpLookup: undefined,
    mappingContact: 'ops',
    ...overrides,
  });
}

describe('computeModalHints: the follow-up line', () => {
  it("names Carol's zone and converts to yours when the two differ", () => {
    const result = hints({
      draft: { followUpWhen: 'Wed 9 Dec 10:00' },
      followUpTimeZone: 'Asia/Tokyo',
      followUpName: 'Carol',
    });
    expect(result.followUpWhen).toBe("→ Wed 9 Dec 2026, 10:00 in Carol's time (Tokyo) = Tue 8 Dec, 20:00 yours");
  });

  it('gives only the time on your side when the day is the same', () => {
    const result = hints({
      draft: { followUpWhen: '9 Dec 10:00' },
      userTimeZone: 'Europe/London',
      followUpTimeZone: 'Europe/Paris',
      followUpName: 'Carol',
    });
    expect(result.followUpWhen).toBe("→ Wed 9 Dec 2026, 10:00 in Carol's time (Paris) = 09:00 yours");
  });

  it('says "their time" when the name is not known', () => {
    const result = hints({ draft: { followUpWhen: '9 Dec 10:00' }, followUpTimeZone: 'Asia/Tokyo' });
    expect(result.followUpWhen).toBe('→ Wed 9 Dec 2026, 10:00 in their time (Tokyo) = Tue 8 Dec, 20:00 yours');
  });

  it('in your own zone says "your time" and the 09:00 used for a day without a time', () => {
    expect(hints({ draft: { followUpWhen: 'Friday' } }).followUpWhen).toBe(
      '→ Fri 4 Dec 2026, 09:00 your time. No time given, so 09:00.',
    );
  });

  it('shows a refusal with the part it read and the part it did not', () => {
    const result = hints({ draft: { followUpWhen: 'Dec 24 10:00 or so' } });
    expect(result.followUpWhen).toMatch(/^⚠ I read "Dec 24 10:00" but not "or so", so I won't guess\./);
  });
});

describe('computeModalHints: the When line', () => {
  it('says midday is used for a past day without a time', () => {
    expect(hints({ draft: { when: 'yesterday' } }).when).toBe(
      '→ Tue 1 Dec 2026, 12:00 (your time). No time given, so midday.',
    );
  });

  it('says the current time is used for today without a time', () => {
    expect(hints({ draft: { when: 'today' } }).when).toBe(
      '→ Wed 2 Dec 2026, 06:00 (your time). No time given, so now.',
    );
  });

  it('refuses an impossible time instead of rounding it', () => {
    expect(hints({ draft: { when: 'yesterday 25:00' } }).when).toBe(
      "⚠ There's no 25:00: hours go up to 23 (for midnight write 00:00 and the next day).",
    );
  });
});
