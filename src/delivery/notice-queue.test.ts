import { describe, expect, it } from 'vitest';
import { createNoticeQueue } from './notice-queue.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createNoticeQueue', () => {
  it('runs at most `concurrency` tasks at once, in order, and reports idle', async () => {
    const queue = createNoticeQueue(2);
    const started: number[] = [];
    const release: Array<() => void> = [];
    for (const n of [1, 2, 3, 4]) {
      queue.push(`k${n}`, async () => {
        started.push(n);
        await new Promise<void>((resolve) => release.push(resolve));
      });
    }
    await tick();
    expect(started).toEqual([1, 2]);
    expect(queue.size()).toBe(4);
    release.shift()?.();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    let idle = false;
    void queue.idle().then(() => {
      idle = true;
    });
    while (release.length > 0) {
      release.shift()?.();
      await tick();
    }
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    expect(idle).toBe(true);
    expect(queue.size()).toBe(0);
  });

  it('keeps one key’s tasks in order even when slots are free', async () => {
    const queue = createNoticeQueue(4);
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    queue.push('entry-1', async () => {
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      order.push('saved');
    });
    queue.push('entry-1', async () => {
      order.push('logged');
    });
    queue.push('entry-2', async () => {
      order.push('other');
    });
    await tick();
    expect(order).toEqual(['other']);
    releaseFirst();
    await queue.idle();
    expect(order).toEqual(['other', 'saved', 'logged']);
  });

  it('keeps going after a task fails', async () => {
    const queue = createNoticeQueue(1);
    const ran: string[] = [];
    queue.push('a', async () => {
      throw new Error('slack down');
    });
    queue.push('a', async () => {
      ran.push('second');
    });
    await queue.idle();
    expect(ran).toEqual(['second']);
  });
});
