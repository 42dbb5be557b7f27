// Sends user notices beside delivery, a few at a time, so a slow Slack call never holds up the next Caliq attempt.
import { createLimiter } from '../concurrency/index.js';

export type NoticeQueue = {
  /**
   * Queues a notice; it starts after the previous notice with the same key has finished (one entry's notices keep
   * their order) and when fewer than `concurrency` are running. A failing task never stops the queue.
   */
  push(key: string, task: () => Promise<void>): void;
  /** Resolves once every queued notice has finished (graceful shutdown). */
  idle(): Promise<void>;
  size(): number;
};

export function createNoticeQueue(concurrency: number): NoticeQueue {
  const limiter = createLimiter(concurrency);
  const lastByKey = new Map<string, Promise<void>>();
  let pending = 0;
  let idleWaiters: Array<() => void> = [];

  return {
    push(key, task) {
      pending++;
      // A notice waiting for its key's previous one holds no slot, so it never blocks other entries' notices.
      const previous = lastByKey.get(key) ?? Promise.resolve();
      const finished: Promise<void> = previous
        .then(() => limiter.run(task))
        .catch(() => undefined)
        .finally(() => {
          if (lastByKey.get(key) === finished) lastByKey.delete(key);
          pending--;
          if (pending === 0) {
            for (const resolve of idleWaiters) resolve();
            idleWaiters = [];
          }
        });
      lastByKey.set(key, finished);
    },
    idle() {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    size: () => pending,
  };
}
