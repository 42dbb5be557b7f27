// Small in-memory helpers for the people directory: a cache whose entries go stale, and one request in flight per key.

export type CacheHit<V> = { value: V; fresh: boolean };

export type TtlCache<V> = {
  /** The entry, stale or fresh; stale entries are kept so a synchronous reader still has an answer. */
  get(key: string): CacheHit<V> | undefined;
  set(key: string, value: V, ttlMs: number): void;
};

export function createTtlCache<V>(now: () => number): TtlCache<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      return entry === undefined ? undefined : { value: entry.value, fresh: now() < entry.expiresAt };
    },
    set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
  };
}

/** Wraps an async function so concurrent calls with the same key share one call (and one Slack request). */
export function createSingleFlight<V>(run: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const inFlight = new Map<string, Promise<V>>();
  return (key) => {
    const pending = inFlight.get(key);
    if (pending !== undefined) return pending;
    const started = Promise.resolve()
      .then(() => run(key))
      .finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
