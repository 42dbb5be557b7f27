// Property: every phrase the bot writes for an instant reads back to that minute, for random instants in every zone.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInZone, formatWhenPhrase } from './format.js';
import { parseWhen } from './parse-when.js';

const ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Sydney', 'America/Los_Angeles'];
const SEED = 0x18_2026;
const RANDOM_INSTANTS = 250;
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2030, 0, 1);

/** mulberry32: a small seeded PRNG, so a failure is reproducible from SEED alone. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Instants within two hours of each zone's clock changes, where the wall clock skips or repeats. */
function nearChanges(random: () => number): Date[] {
  const found: Date[] = [];
  for (const zone of ZONES) {
    for (let at = FROM; at < TO; at += 3_600_000 * 6) {
      const before = DateTime.fromMillis(at, { zone }).offset;
      const after = DateTime.fromMillis(at + 3_600_000 * 6, { zone }).offset;
      if (before === after) continue;
      for (let i = 0; i < 4; i++) found.push(new Date(at + Math.floor(random() * 3_600_000 * 6)));
    }
  }
  return found;
}

const random = mulberry32(SEED);
const INSTANTS = [
  ...Array.from({ length: RANDOM_INSTANTS }, () => new Date(FROM + Math.floor(random() * (TO - FROM)))),
  ...nearChanges(random),
];
const PAST_NOW = new Date(TO + 86_400_000);
const FUTURE_NOW = new Date(FROM - 86_400_000);
const minuteOf = (at: Date): string => new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString();

describe(`round trip of the bot's own phrases (seed ${SEED}, ${INSTANTS.length} instants)`, () => {
  it('includes instants near every clock change', () => {
    expect(INSTANTS.length).toBeGreaterThan(RANDOM_INSTANTS + 100);
  });

  for (const timeZone of ZONES) {
    it(`formatWhenPhrase reads back to the same minute in ${timeZone}, as a past time and as a follow-up`, () => {
      for (const at of INSTANTS) {
        const phrase = formatWhenPhrase(at, timeZone);
        for (const [bias, now] of [
          ['past', PAST_NOW],
          ['future', FUTURE_NOW],
        ] as const) {
          const parsed = parseWhen(phrase, { timeZone, now, bias });
          const label = `${phrase} in ${timeZone} (${bias}) for ${at.toISOString()}`;
          expect(parsed.ok ? parsed.at.toISOString() : parsed.reason, label).toBe(minuteOf(at));
        }
      }
    });

    it(`formatInZone reads back to the same minute in ${timeZone}, or is refused in a repeated hour, never misread`, () => {
      let refused = 0;
      for (const at of INSTANTS) {
        const phrase = formatInZone(at, timeZone);
        const parsed = parseWhen(phrase, { timeZone, now: PAST_NOW, bias: 'past' });
        const label = `${phrase} in ${timeZone} for ${at.toISOString()}`;
        if (parsed.ok) {
          expect(parsed.at.toISOString(), label).toBe(minuteOf(at));
        } else {
          // Only a wall-clock time that happens twice may be refused, and then as ambiguous.
          expect(parsed.problem, `${label}: ${parsed.reason}`).toBe('ambiguous');
          expect(parsed.reason, label).toContain('happens twice');
          refused += 1;
        }
      }
      // Zones with daylight saving have repeated hours among the instants near their changes; the others have none.
      const hasChanges =
        DateTime.fromISO('2026-01-15', { zone: timeZone }).offset !==
        DateTime.fromISO('2026-07-15', { zone: timeZone }).offset;
      if (hasChanges) expect(refused).toBeGreaterThan(0);
      else expect(refused).toBe(0);
      expect(refused).toBeLessThan(INSTANTS.length / 10);
    });
  }
});
