import { describe, expect, it } from 'vitest';
import { createAdaptiveLimit } from './adaptive-limit.js';

/** A controller on a clock the test moves. */
function controller(options: { max: number; initial?: number; selfBusy?: () => boolean }) {
  let clock = 0;
  const limit = createAdaptiveLimit({ ...options, now: () => clock });
  const ok = (latencyMs = 10) => limit.record({ overloaded: false, latencyMs });
  const overloaded = () => limit.record({ overloaded: true, latencyMs: 1 });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { limit, ok, overloaded, advance };
}

describe('createAdaptiveLimit', () => {
  it('starts at the floor and grows by one per quick answer until the ceiling', () => {
    const { limit, ok } = controller({ max: 8 });
    expect(limit.limit()).toBe(1);
    ok();
    expect(limit.limit()).toBe(2);
    for (let n = 0; n < 20; n++) ok();
    expect(limit.limit()).toBe(8);
  });

  it('halves on overload, once per round trip, and never below the floor', () => {
    const { limit, ok, overloaded, advance } = controller({ max: 32, initial: 16 });
    ok();
    expect(limit.limit()).toBe(17);
    overloaded();
    overloaded();
    expect(limit.limit()).toBe(8);
    advance(10);
    overloaded();
    expect(limit.limit()).toBe(4);
    for (let n = 0; n < 10; n++) {
      advance(10);
      overloaded();
    }
    expect(limit.limit()).toBe(1);
  });

  it('after an overload grows by one per round trip, and at a quarter of that near where the server refused', () => {
    const { limit, ok, overloaded } = controller({ max: 32, initial: 8 });
    ok();
    overloaded();
    expect(limit.limit()).toBe(4);
    // Four quick answers make one round trip at four in flight: one more.
    for (let n = 0; n < 5; n++) ok();
    expect(limit.limit()).toBe(5);
    let answers = 0;
    const growTo = (target: number) => {
      answers = 0;
      while (limit.limit() < target) {
        ok();
        answers++;
      }
      return answers;
    };
    growTo(8);
    // Refused at 9: within one of it (8 to 10) a step takes four round trips instead of one; past it, one again.
    expect(growTo(9)).toBeGreaterThanOrEqual(28);
    expect(growTo(10)).toBeGreaterThanOrEqual(32);
    expect(growTo(11)).toBeLessThanOrEqual(11);
  });

  it('backs off when answers slow down well beyond the recent unqueued time', () => {
    const { limit, ok, advance } = controller({ max: 32, initial: 20 });
    for (let n = 0; n < 20; n++) ok(40);
    const before = limit.limit();
    for (let n = 0; n < 10; n++) {
      advance(200);
      ok(200);
    }
    expect(limit.limit()).toBeLessThan(before * 0.9);
  });

  it('does not take small jitter on a fast server for queueing', () => {
    const { limit, ok } = controller({ max: 32, initial: 4 });
    for (let n = 0; n < 200; n++) ok(n % 2 === 0 ? 2 : 15);
    expect(limit.limit()).toBe(32);
  });

  it('does not take answers read late by its own busy event loop for a slowing server, but still halves on 503s', () => {
    let busy = true;
    const { limit, ok, overloaded, advance } = controller({ max: 32, initial: 20, selfBusy: () => busy });
    for (let n = 0; n < 20; n++) ok(40);
    const before = limit.limit();
    for (let n = 0; n < 10; n++) {
      advance(200);
      ok(200);
    }
    expect(limit.limit()).toBeGreaterThanOrEqual(before);
    busy = false;
    advance(200);
    ok(200);
    expect(limit.limit()).toBeLessThan(before);
    busy = true;
    const cut = limit.limit();
    advance(1000);
    overloaded();
    expect(limit.limit()).toBe(Math.floor(cut / 2));
  });
});
