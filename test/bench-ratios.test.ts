// results.json's flat ratios: bot ÷ bare Bolt and bot ÷ tutorial peer (`.vsPeer`), with targets only where one is held.
import { describe, expect, it } from 'vitest';
import { summarizeLatencies } from '../bench/load/stats.js';
import { buildRatioReport, latencyRatios } from '../bench/reports/ratios.js';
import type { LatencyRun } from '../bench/reports/results-file.js';
import type { KindResult } from '../bench/scenarios/latency.js';

const kind = (figures: { p99: number; cpu: number; throughput: number; delivered?: number }): KindResult => ({
  requests: 100,
  seconds: 1,
  throughputPerSec: figures.throughput,
  offeredPerSec: undefined,
  behind: 0,
  ack: { ...summarizeLatencies([1]), p99: figures.p99 },
  ackErrors: 0,
  missedDeadline: 0,
  followOn: undefined,
  followOnMissing: 0,
  loggedNotice: undefined,
  loggedNoticeMissing: 0,
  deliveredAndAnsweredPerSec: figures.delivered,
  caliqNotStored: 0,
  targetCpuMsPerRequest: figures.cpu,
  benchCpuMsPerRequest: 0,
  errorSamples: [],
});

const target = (p99: number, cpu: number, throughput: number, delivered?: number) => ({
  command: kind({ p99, cpu, throughput }),
  submission: kind({ p99, cpu, throughput, delivered }),
});

const run = (peer: boolean): LatencyRun => ({
  clients: 8,
  offeredPerSec: undefined,
  rounds: 1,
  roundSeconds: 1,
  bot: target(12, 3, 1000, 150),
  baseline: target(4, 1, 4000),
  ...(peer ? { peer: target(10, 2, 1500, 1200) } : {}),
});

describe('latencyRatios', () => {
  it('compares the bot with the peer under .vsPeer keys and keeps the retired saturated targets as information', () => {
    const report = buildRatioReport(latencyRatios('paced', run(true)), latencyRatios('saturated', run(true)));
    expect(report.ratios['paced.submission.ackP99']).toBe(3);
    expect(report.ratios['paced.submission.ackP99.vsPeer']).toBe(1.2);
    expect(report.ratios['paced.command.cpuPerRequest.vsPeer']).toBe(1.5);
    expect(report.ratios['saturated.submission.deliveredAndAnswered.vsPeer']).toBe(0.125);
    expect(report.ratios['saturated.submission.throughput']).toBe(0.25);
    expect(report.targets['paced.submission.ackP99.vsPeer']).toEqual({ max: 1 });
    expect(report.targets['saturated.submission.deliveredAndAnswered.vsPeer']).toEqual({ min: 0.9 });
    expect(report.targets['saturated.submission.throughput']).toBeUndefined();
    expect(report.targets['saturated.submission.ackP99']).toBeUndefined();
  });

  it('writes no .vsPeer keys for a run without the peer', () => {
    const ratios = latencyRatios('paced', run(false));
    expect(Object.keys(ratios).some((key) => key.endsWith('.vsPeer'))).toBe(false);
    expect(ratios['paced.command.ackP99']).toBe(3);
  });
});
