// The figures a machine reads: flat `ratios` (`{scenario}.{request}.{metric}` for bot ÷ bare Bolt, with `.vsPeer` for
// bot ÷ tutorial peer) and the `targets` of those held to one.

import { ratioOf } from '../load/stats.js';
import type { KindResult, LatencyRun } from '../scenarios/latency.js';

/** The limit a ratio must meet: at most `max` (latency, CPU) or at least `min` (throughput). */
export type RatioLimit = { max: number } | { min: number };

/** `{scenario}.{request}.{metric}`, e.g. `paced.submission.ackP99`, or `paced.submission.ackP99.vsPeer`. */
export type RatioKey = `${string}.${string}.${string}`;

/** The targets; a scenario added to the bench adds its keys here, and its ratios through `latencyRatios`. */
export const RATIO_TARGETS: Readonly<Record<RatioKey, RatioLimit>> = {
  'paced.command.ackP99': { max: 1.25 },
  'paced.submission.ackP99': { max: 1.25 },
  // Against the tutorial peer (issue 21): what a team would run instead, at the paced rate and at saturation.
  'paced.command.ackP99.vsPeer': { max: 1 },
  'paced.submission.ackP99.vsPeer': { max: 1 },
  'paced.command.cpuPerRequest.vsPeer': { max: 1 },
  'paced.submission.cpuPerRequest.vsPeer': { max: 1 },
  'saturated.submission.deliveredAndAnswered.vsPeer': { min: 0.9 },
  'drain.interaction.rate': { min: 0.8 },
  // Two instances on PostgreSQL against one on SQLite (throughput), and their drain against the simulator's capacity.
  'instances.submission.throughput': { min: 1 },
  'instances.drain.rate': { min: 0.9 },
};

/**
 * Ratios written to `ratios` without a target: the saturated ones against bare Bolt were targets until the tutorial
 * peer gave a fairer yardstick (issue 21), and stay as information.
 */
export const INFORMATION_RATIOS: ReadonlySet<RatioKey> = new Set<RatioKey>([
  'saturated.command.ackP99',
  'saturated.submission.ackP99',
  'saturated.submission.throughput',
]);

/** Absolute targets (not ratios) shown in results.md. */
export const FOLLOW_ON_TARGET_MS = 50;
/** "✅ Logged" may take Caliq's own latency plus this. */
export const LOGGED_NOTICE_MARGIN_MS = 50;

/** Whether a ratio meets its limit; NaN (a figure missing) never does. */
export function meetsLimit(value: number, limit: RatioLimit): boolean {
  if (!Number.isFinite(value)) return false;
  return 'max' in limit ? value <= limit.max : value >= limit.min;
}

export function describeLimit(limit: RatioLimit): string {
  return 'max' in limit ? `ratio ≤ ${limit.max}` : `ratio ≥ ${limit.min}`;
}

/** The limit for a key; a key without one is a defect in the bench, not a silent pass. */
export function limitOf(key: RatioKey): RatioLimit {
  const limit = RATIO_TARGETS[key];
  if (!limit) throw new Error(`bench: no target for ratio ${key}`);
  return limit;
}

/** The figure each latency metric is read from; NaN where a target has none (bare Bolt never calls Caliq). */
const KIND_METRICS: Record<string, (kind: KindResult) => number> = {
  ackP99: (kind) => kind.ack.p99,
  throughput: (kind) => kind.throughputPerSec,
  cpuPerRequest: (kind) => kind.targetCpuMsPerRequest,
  deliveredAndAnswered: (kind) => kind.deliveredAndAnsweredPerSec ?? Number.NaN,
};

const isReported = (key: RatioKey): boolean => RATIO_TARGETS[key] !== undefined || INFORMATION_RATIOS.has(key);

/** Every reported ratio one latency scenario yields, against bare Bolt and (when the run had it) the peer. */
export function latencyRatios(scenario: string, run: LatencyRun): Partial<Record<RatioKey, number>> {
  const ratios: Partial<Record<RatioKey, number>> = {};
  for (const request of ['command', 'submission'] as const) {
    for (const [metric, of] of Object.entries(KIND_METRICS)) {
      const key: RatioKey = `${scenario}.${request}.${metric}`;
      const bot = of(run.bot[request]);
      if (isReported(key)) ratios[key] = ratioOf(bot, of(run.baseline[request]));
      const peer = run.peer?.[request];
      if (peer && isReported(`${key}.vsPeer`)) ratios[`${key}.vsPeer`] = ratioOf(bot, of(peer));
    }
  }
  return ratios;
}

export type RatioReport = {
  ratios: Partial<Record<RatioKey, number>>;
  targets: Partial<Record<RatioKey, RatioLimit>>;
};

/** Merges the ratios of every scenario of a run into the flat objects written to results.json. */
export function buildRatioReport(...parts: Partial<Record<RatioKey, number>>[]): RatioReport {
  const ratios: Partial<Record<RatioKey, number>> = Object.assign({}, ...parts);
  const targets: Partial<Record<RatioKey, RatioLimit>> = {};
  for (const key of Object.keys(ratios) as RatioKey[]) {
    if (!INFORMATION_RATIOS.has(key)) targets[key] = limitOf(key);
  }
  return { ratios, targets };
}
