// Runs async tasks at most N at a time: the one way the bot bounds work in flight (deliveries, notices, reminders).

export type Limiter = {
  /** Runs `task` once fewer than `limit` tasks are running (first come, first served); settles as the task does. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Runs `task` only if a slot is free now; undefined (and the task not run) when every slot is taken. */
  tryRun<T>(task: () => Promise<T>): Promise<T> | undefined;
  /** Resolves once nothing runs or waits (graceful shutdown). */
  idle(): Promise<void>;
  /** Tasks running plus tasks waiting for a slot. */
  size(): number;
  /** The current bound. */
  limit(): number;
};

/**
 * `limit` is a number, or a function read whenever a task is offered or ends (e.g. an AdaptiveLimit's `limit`): a
 * raised bound starts waiting tasks as running ones end; a lowered one lets running tasks finish.
 */
export function createLimiter(limit: number | (() => number)): Limiter {
  const bound = typeof limit === 'number' ? () => limit : limit;
  const current = () => Math.max(1, Math.floor(bound()));
  let running = 0;
  const waiting: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];

  function release(): void {
    running--;
    pump();
  }

  function pump(): void {
    while (running < current() && waiting.length > 0) {
      running++;
      waiting.shift()?.();
    }
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  function start<T>(task: () => Promise<T>): Promise<T> {
    let result: Promise<T>;
    try {
      result = task();
    } catch (error) {
      result = Promise.reject(error);
    }
    return result.finally(release);
  }

  return {
    run(task) {
      if (running < current() && waiting.length === 0) {
        running++;
        return start(task);
      }
      return new Promise<void>((resolve) => waiting.push(resolve)).then(() => start(task));
    },
    tryRun(task) {
      if (running >= current() || waiting.length > 0) return undefined;
      running++;
      return start(task);
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    size: () => running + waiting.length,
    limit: current,
  };
}

/**
 * Runs `task` for every item, at most `limit` at once (a number, or a shared Limiter). Every task runs even when some
 * fail; the first failure is thrown once all have finished.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number | Limiter,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const limiter = typeof limit === 'number' ? createLimiter(limit) : limit;
  const results = await Promise.allSettled(items.map((item) => limiter.run(() => task(item))));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}
