import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt with half of each delay random', () => {
    expect(backoffDelay(1, { ...policy, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...policy, random: () => 1 })).toBe(1000);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(2000);
    expect(backoffDelay(3, { ...policy, random: () => 1 })).toBe(4000);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (const attempt of [7, 8, 50, 10_000]) {
      expect(backoffDelay(attempt, { ...policy, random: () => 1 })).toBe(60_000);
      expect(backoffDelay(attempt, { ...policy, random: () => 0 })).toBe(30_000);
    }
  });

  it('spreads a crowd of entries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, policy)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
