import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import { computeSleepMs, createPollLoop, type PollLoopOptions } from './poll-loop.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (ms: number) => new Date(T0.getTime() + ms);

afterEach(() => {
  vi.useRealTimers();
});

describe('computeSleepMs', () => {
  const base = { now: T0, pollIntervalMs: MINUTE, backlog: false };

  it('sleeps the poll interval when nothing is due sooner, even 200 days ahead', () => {
    expect(computeSleepMs({ ...base, nextDueAt: undefined })).toBe(MINUTE);
    expect(computeSleepMs({ ...base, nextDueAt: at(200 * DAY) })).toBe(MINUTE);
    expect(computeSleepMs({ ...base, pollIntervalMs: 200 * DAY, nextDueAt: undefined })).toBe(2_147_483_647);
  });

  it('sleeps until the next due time, never less than a floor, and not at all with a backlog', () => {
    expect(computeSleepMs({ ...base, nextDueAt: at(10_000) })).toBe(10_000);
    expect(computeSleepMs({ ...base, nextDueAt: at(-10_000) })).toBe(50);
    expect(computeSleepMs({ ...base, nextDueAt: at(10_000), backlog: true })).toBe(0);
  });
});

describe('createPollLoop', () => {
  /** A loop over a fake clock whose passes are recorded; `more` and `nextDueAt` say what each pass reports. */
  function startLoop(overrides: Partial<PollLoopOptions> = {}) {
    // Date is faked too, so the loop's clock and its timers move together.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
    const passes: number[] = [];
    const errors: string[] = [];
    const state = { more: [] as boolean[], nextDueAt: undefined as Date | undefined };
    const destination = new Writable({
      write(chunk, _encoding, done) {
        const line = JSON.parse(String(chunk)) as { level: number; msg: string };
        if (line.level >= 50) errors.push(line.msg);
        done();
      },
    });
    const loop = createPollLoop({
      runPass: async () => {
        passes.push(Date.now() - T0.getTime());
        return state.more.shift() ?? false;
      },
      nextDueAt: async () => state.nextDueAt,
      now: () => new Date(),
      pollIntervalMs: MINUTE,
      logger: createLogger({ destination }),
      ...overrides,
    });
    const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
    return { loop, passes, errors, state, advance };
  }

  it('runs a pass at start, again at once while there is more, then sleeps until the next due time', async () => {
    const { loop, passes, state, advance } = startLoop();
    state.more = [true, true];
    state.nextDueAt = at(10_000);
    loop.start();
    // Fake timers may run a zero-delay timer set during a tick 1 ms later; "at once" is within 2 ms here.
    await advance(2);
    expect(passes).toHaveLength(3);
    expect(Math.max(...passes)).toBeLessThanOrEqual(2);
    await advance(10_000 - 2 - 1);
    expect(passes).toHaveLength(3);
    await advance(1);
    expect(passes[3]).toBe(10_000);
    await loop.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('polls at the interval when nothing is known to be due, and wakes early when scheduled', async () => {
    const { loop, passes, advance } = startLoop();
    loop.start();
    await advance(MINUTE);
    expect(passes).toEqual([0, MINUTE]);
    loop.schedule(5_000);
    loop.schedule(20_000);
    await advance(5_000);
    expect(passes).toEqual([0, MINUTE, MINUTE + 5_000]);
    await loop.stop();
  });

  it('runs again right after a pass during which a wake-up was asked for', async () => {
    let release: () => void = () => undefined;
    const passes: number[] = [];
    const { loop, advance } = startLoop({
      runPass: async () => {
        passes.push(passes.length);
        if (passes.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return false;
      },
    });
    loop.start();
    await advance(0);
    loop.schedule(0);
    expect(passes).toEqual([0]);
    release();
    await advance(0);
    expect(passes).toEqual([0, 1]);
    await loop.stop();
  });

  it('keeps running after a failed pass or a failed due-time read, and says so', async () => {
    let broken = true;
    const { loop, passes, errors, advance } = startLoop({
      nextDueAt: async () => {
        if (broken) throw new Error('database is locked');
        return undefined;
      },
    });
    loop.start();
    await advance(0);
    expect(errors).toEqual(['could not read when the next item is due']);
    broken = false;
    await advance(MINUTE);
    expect(passes).toEqual([0, MINUTE]);
    await loop.stop();

    const failing = startLoop({
      runPass: async () => {
        throw new Error('boom');
      },
    });
    failing.loop.start();
    await failing.advance(MINUTE);
    expect(failing.errors).toEqual(['poll pass failed', 'poll pass failed']);
    await failing.loop.stop();
  });

  it('waits for the pass in progress when stopped, and runs nothing after', async () => {
    let release: () => void = () => undefined;
    let passes = 0;
    const { loop, advance } = startLoop({
      runPass: async () => {
        passes++;
        await new Promise<void>((resolve) => (release = resolve));
        return true;
      },
    });
    loop.start();
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await advance(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    loop.schedule(0);
    await advance(MINUTE);
    expect(passes).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
