// A cached piece of Caliq reference data: served stale rather than not at all, refreshed in the background, one load at a time.
import type { Logger } from 'pino';

export type ReferenceCacheOptions<T> = {
  name: string;
  load: () => Promise<T>;
  ttlMs: number;
  logger: Logger;
  now?: () => number;
};

export type ReferenceCache<T> = {
  /** The cached value even if stale (starting a background refresh then), or undefined before the first load. */
  current(): T | undefined;
  /** Fresh value; stale → the stale one now and a background refresh; none → waits for a load (rejects if it fails). */
  get(): Promise<T>;
  /** Loads now (joining a load in flight); keeps the old value and logs if it fails. */
  refresh(): Promise<void>;
  /** Milliseconds since the value was loaded, or undefined when there is none. */
  ageMs(): number | undefined;
};

export function createReferenceCache<T>(options: ReferenceCacheOptions<T>): ReferenceCache<T> {
  const now = options.now ?? Date.now;
  const logger = options.logger.child({ cache: options.name });
  let entry: { value: T; loadedAt: number } | undefined;
  let inFlight: Promise<T> | undefined;
  let lastFailureAt: number | undefined;

  /** The one load in flight; every caller shares it. */
  function load(): Promise<T> {
    if (inFlight) return inFlight;
    const started = now();
    inFlight = options
      .load()
      .then(
        (value) => {
          entry = { value, loadedAt: now() };
          lastFailureAt = undefined;
          logger.debug({ durationMs: now() - started }, 'reference data loaded');
          return value;
        },
        (error: unknown) => {
          lastFailureAt = now();
          if (entry)
            logger.warn(
              { err: error, ageMs: now() - entry.loadedAt },
              'reference data refresh failed; keeping the stale value',
            );
          else logger.warn({ err: error }, 'reference data load failed; no value yet');
          throw error;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  const isStale = (): boolean => entry === undefined || now() - entry.loadedAt >= options.ttlMs;

  /** Background loads wait a TTL (at most a minute) after a failure, so a Caliq outage is not hammered on every read. */
  function loadInBackground(): void {
    if (inFlight) return;
    if (lastFailureAt !== undefined && now() - lastFailureAt < Math.min(options.ttlMs, 60_000)) return;
    load().catch(() => undefined);
  }

  return {
    current() {
      if (isStale()) loadInBackground();
      return entry?.value;
    },
    async get() {
      if (entry === undefined) return load();
      if (isStale()) loadInBackground();
      return entry.value;
    },
    async refresh() {
      await load().catch(() => undefined);
    },
    ageMs() {
      return entry === undefined ? undefined : now() - entry.loadedAt;
    },
  };
}
