// Exponential backoff with jitter and a cap: how long to wait before trying again (a Caliq call, a delivery, a write).

export type BackoffPolicy = { baseMs: number; maxMs: number; random?: () => number };

/**
 * Delay before attempt number `attempt + 1` (attempt counts from 1): base·2^(attempt-1), capped, with "equal jitter"
 * (half fixed, half random) so a crowd of entries spreads out after an outage yet never retries at once.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const random = policy.random ?? Math.random;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
