// Feeds what every InteractionCreate attempt met into the delivery's adaptive concurrency, as the client makes them.
import type { AttemptObserver, AttemptOutcome } from '../caliq/index.js';
import type { AdaptiveLimit } from '../concurrency/index.js';

/** Answers that say Caliq could not take the call (its own retries follow, so the worker hears of them only later). */
const OVERLOADED: ReadonlySet<AttemptOutcome> = new Set(['unavailable', 'timeout', 'network']);

/**
 * An observer for the Caliq client's `onAttempt`: each attempt, retries included, is a sample for `capacity`, so a 503
 * narrows delivery at once rather than after the client has spent its retries on it.
 */
export function observeDeliveryAttempts(capacity: AdaptiveLimit): AttemptObserver {
  return ({ endpoint, outcome, durationMs }) => {
    if (endpoint !== 'InteractionCreate') return;
    capacity.record({ overloaded: OVERLOADED.has(outcome), latencyMs: durationMs });
  };
}
