// Sends user notices beside delivery, a few at a time, so a slow Slack call never holds up the next Caliq attempt.

export type NoticeQueue = {
  /**
   * Queues a notice; it starts when fewer than `concurrency` are running and after the previous notice with the same
   * key has finished (one entry's notices keep their order). A failing task never stops the queue.
   */
  push(key: string, task: () => Promise<void>): void;
  /** Resolves once every queued notice has finished (graceful shutdown). */
  idle(): Promise<void>;
  size(): number;
};

export function createNoticeQueue(concurrency: number): NoticeQueue {
  const waiting: Array<() => Promise<void>> = [];
  const lastByKey = new Map<string, Promise<void>>();
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const pump = (): void => {
    while (running < concurrency && waiting.length > 0) {
      const task = waiting.shift();
      if (!task) break;
      running++;
      void task()
        .catch(() => undefined)
        .finally(() => {
          running--;
          pump();
        });
    }
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  return {
    push(key, task) {
      const previous = lastByKey.get(key);
      const finished = new Promise<void>((resolve) => {
        waiting.push(async () => {
          try {
            await previous;
            await task();
          } finally {
            if (lastByKey.get(key) === finished) lastByKey.delete(key);
            resolve();
          }
        });
      });
      lastByKey.set(key, finished);
      pump();
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    size: () => running + waiting.length,
  };
}
