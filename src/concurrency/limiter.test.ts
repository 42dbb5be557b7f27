import { describe, expect, it } from 'vitest';
import { createLimiter, forEachConcurrently } from './limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A task that runs until released, recording when it started. */
function gatedTasks() {
  const started: number[] = [];
  const releases = new Map<number, () => void>();
  const task = (n: number) => async () => {
    started.push(n);
    await new Promise<void>((resolve) => releases.set(n, resolve));
    return n;
  };
  const release = (n: number) => releases.get(n)?.();
  return { started, task, release };
}

describe('createLimiter', () => {
  it('runs at most `limit` tasks at once, first come first served, and reports idle', async () => {
    const limiter = createLimiter(2);
    const { started, task, release } = gatedTasks();
    const results = [1, 2, 3, 4].map((n) => limiter.run(task(n)));
    await tick();
    expect(started).toEqual([1, 2]);
    expect(limiter.size()).toBe(4);
    release(2);
    await tick();
    expect(started).toEqual([1, 2, 3]);
    let idle = false;
    void limiter.idle().then(() => {
      idle = true;
    });
    for (const n of [1, 3]) release(n);
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    expect(idle).toBe(false);
    release(4);
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4]);
    await tick();
    expect(idle).toBe(true);
    expect(limiter.size()).toBe(0);
  });

  it('frees the slot of a task that throws or rejects', async () => {
    const limiter = createLimiter(1);
    await expect(
      limiter.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(limiter.run(async () => Promise.reject(new Error('async')))).rejects.toThrow('async');
    expect(await limiter.run(async () => 'after')).toBe('after');
  });

  it('runs a task now or not at all with tryRun', async () => {
    const limiter = createLimiter(1);
    const { task, release } = gatedTasks();
    const first = limiter.tryRun(task(1));
    expect(first).toBeDefined();
    let ran = false;
    expect(
      limiter.tryRun(async () => {
        ran = true;
      }),
    ).toBeUndefined();
    release(1);
    expect(await first).toBe(1);
    expect(ran).toBe(false);
    expect(limiter.tryRun(async () => 'free again')).toBeDefined();
  });

  it('follows a limit given as a function: more tasks as running ones end once raised, fewer once lowered', async () => {
    let bound = 1;
    const limiter = createLimiter(() => bound);
    const { started, task, release } = gatedTasks();
    for (const n of [1, 2, 3, 4, 5]) void limiter.run(task(n));
    await tick();
    expect(started).toEqual([1]);
    bound = 3;
    release(1);
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    expect(limiter.limit()).toBe(3);
    bound = 1;
    release(2);
    release(3);
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    release(4);
    await tick();
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('forEachConcurrently', () => {
  it('runs every item with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick();
      done.push(n);
      inFlight--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('runs every item even when one fails, then throws the first failure', async () => {
    const done: number[] = [];
    await expect(
      forEachConcurrently([1, 2, 3], 1, async (n) => {
        if (n === 2) throw new Error('two failed');
        done.push(n);
      }),
    ).rejects.toThrow('two failed');
    expect(done).toEqual([1, 3]);
  });
});
