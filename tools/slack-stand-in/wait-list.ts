// Event-based waiting for test fakes: a promise that settles the moment a matching item is recorded, no polling.

type Waiter<T> = { matches: (item: T) => boolean; resolve: (item: T) => void; timer: NodeJS.Timeout };

export type WaitList<T> = {
  /** Resolves with the first already-recorded item that matches, or the next one to be recorded. */
  waitFor(matches: (item: T) => boolean, timeoutMs: number, describeTimeout: () => string): Promise<T>;
  /** Records an item and settles every waiter it satisfies. */
  record(item: T): void;
  readonly items: T[];
  clear(): void;
};

export const createWaitList = <T>(): WaitList<T> => {
  const items: T[] = [];
  const waiters = new Set<Waiter<T>>();
  return {
    items,
    waitFor(matches, timeoutMs, describeTimeout) {
      const found = items.find(matches);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter<T> = {
          matches,
          resolve,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(describeTimeout()));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    record(item) {
      items.push(item);
      for (const waiter of waiters) {
        if (!waiter.matches(item)) continue;
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        waiter.resolve(item);
      }
    },
    clear() {
      items.length = 0;
    },
  };
};
