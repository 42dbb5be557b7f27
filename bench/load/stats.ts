// Percentiles and summaries of latency samples, computed the same way for the bot and the baseline.

export type LatencySummary = {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

/** Nearest-rank percentile (p in 0..100) of an ascending array; NaN when empty. */
export function percentileOf(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    p50: percentileOf(sorted, 50),
    p95: percentileOf(sorted, 95),
    p99: percentileOf(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** bot / baseline, or NaN when either side has no figure. */
export function ratioOf(value: number, reference: number): number {
  return Number.isFinite(value) && Number.isFinite(reference) && reference > 0 ? value / reference : Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentileOf(
    [...values].sort((a, b) => a - b),
    50,
  );
}
