// How many calls to keep in flight to a server whose capacity is unknown: AIMD over its answers, within a ceiling.

export type AdaptiveLimitOptions = {
  /** The ceiling: never more in flight than this. */
  max: number;
  /** The floor (default 1). */
  min?: number;
  /** Where it starts (default the floor); it doubles each round trip until the first sign of overload. */
  initial?: number;
  /** Answers slower than this many times the server's recent unqueued time count as queueing there (default 2). */
  latencyTolerance?: number;
  /**
   * True while this process's own event loop is the bottleneck: answers then look slow because they wait to be read,
   * not because the server queues them, so slowing answers do not cut the limit (503s and timeouts still do).
   */
  selfBusy?: () => boolean;
  now?: () => number;
};

export type AdaptiveLimit = {
  /** The current bound, a whole number within [min, max]. */
  limit(): number;
  /**
   * One call's end: `overloaded` for a 503, a timeout or a lost connection (the server could not take it), else how
   * long the answer took.
   */
  record(sample: { overloaded: boolean; latencyMs: number }): void;
};

/** Recent answer times kept to find the fastest, i.e. the server's time without queueing. */
const LATENCY_WINDOW = 50;
/** Weight of the newest answer in the smoothed latency. */
const SMOOTHING = 0.2;
/** Slower answers count as queueing only beyond this margin too: event-loop jitter is not the server queueing. */
const QUEUEING_MARGIN_MS = 20;

/**
 * Additive increase (one more per round trip, after a slow start that doubles; a quarter of that within one of where
 * the server last refused, so it probes there rarely), multiplicative decrease: halved on overload, ×0.9 when answers
 * slow down beyond the tolerance. At most one decrease per round trip, because the calls already in flight when the
 * server first struggled report the same struggle.
 */
export function createAdaptiveLimit(options: AdaptiveLimitOptions): AdaptiveLimit {
  const max = Math.max(1, Math.floor(options.max));
  const min = Math.min(max, Math.max(1, Math.floor(options.min ?? 1)));
  const tolerance = options.latencyTolerance ?? 2;
  const now = options.now ?? (() => performance.now());
  let current = Math.min(max, Math.max(min, options.initial ?? min));
  let slowStart = true;
  /** The limit at the last overload: growth slows near it, since the server refused about there. */
  let overloadedAt = Number.POSITIVE_INFINITY;
  let lastDecreaseAt = Number.NEGATIVE_INFINITY;
  const recent: number[] = [];
  let smoothed: number | undefined;

  function decrease(factor: number, overloaded: boolean): void {
    const at = now();
    if (at - lastDecreaseAt < (smoothed ?? 0)) return;
    lastDecreaseAt = at;
    slowStart = false;
    if (overloaded) overloadedAt = current;
    current = Math.max(min, current * factor);
  }

  function increase(): void {
    // Past the last overload the server has shown more room, so growth is brisk again.
    const nearOverload = current + 1 >= overloadedAt && current < overloadedAt + 1;
    const step = slowStart ? 1 : nearOverload ? 1 / (4 * current) : 1 / current;
    current = Math.min(max, current + step);
  }

  return {
    limit: () => Math.floor(current),
    record({ overloaded, latencyMs }) {
      if (overloaded) {
        decrease(0.5, true);
        return;
      }
      recent.push(latencyMs);
      if (recent.length > LATENCY_WINDOW) recent.shift();
      smoothed = smoothed === undefined ? latencyMs : smoothed + SMOOTHING * (latencyMs - smoothed);
      // The server's time without queueing: a low percentile of recent answers, so one lucky answer does not set it.
      const unqueued = [...recent].sort((a, b) => a - b)[Math.floor(recent.length / 10)] ?? latencyMs;
      const slowing = smoothed > unqueued * tolerance && smoothed - unqueued > QUEUEING_MARGIN_MS;
      if (slowing && !options.selfBusy?.()) decrease(0.9, false);
      else increase();
    },
  };
}
