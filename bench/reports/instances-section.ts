// The "several instances" section of results.md: two PostgreSQL instances against one SQLite instance.
import type { InstancesResult } from '../scenarios/instances.js';
import type { KindResult } from '../scenarios/latency.js';
import { renderTable } from './markdown-table.js';

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

function kindRows(label: string, sqlite: KindResult, postgres: KindResult): string[][] {
  return [
    [
      `${label}: throughput (req/s)`,
      fixed(sqlite.throughputPerSec),
      fixed(postgres.throughputPerSec),
      ratio(postgres.throughputPerSec / sqlite.throughputPerSec),
    ],
    [
      `${label}: ack p50 / p99 (ms)`,
      `${fixed(sqlite.ack.p50)} / ${fixed(sqlite.ack.p99)}`,
      `${fixed(postgres.ack.p50)} / ${fixed(postgres.ack.p99)}`,
      `${ratio(postgres.ack.p99 / sqlite.ack.p99)} (p99)`,
    ],
    [
      `${label}: bot CPU per request (ms, all instances)`,
      fixed(sqlite.targetCpuMsPerRequest, 2),
      fixed(postgres.targetCpuMsPerRequest, 2),
      ratio(postgres.targetCpuMsPerRequest / sqlite.targetCpuMsPerRequest),
    ],
    [
      `${label}: ack errors / acks over 3 s / follow-on missing`,
      `${sqlite.ackErrors} / ${sqlite.missedDeadline} / ${sqlite.followOnMissing}`,
      `${postgres.ackErrors} / ${postgres.missedDeadline} / ${postgres.followOnMissing}`,
      '',
    ],
  ];
}

export function renderInstancesSection(result: InstancesResult | undefined, skipped: string | undefined): string[] {
  if (!result) {
    return ['## Several instances (PostgreSQL)', '', `Not run: ${skipped ?? 'disabled'}.`, ''];
  }
  const { drain } = result;
  return [
    '## Several instances (PostgreSQL)',
    '',
    `Saturated load (${result.clients} closed-loop clients, ${result.rounds} rounds × ${result.roundSeconds} s per kind), each target behind the same round-robin balancer in the bench process: one bot on SQLite, and two bots on one PostgreSQL database (${result.databaseUrl}). All share this machine's cores, so the goal is "no slower than one instance".`,
    '',
    // Padded as Biome formats Markdown, so the generated file passes `npm run lint` unchanged.
    ...renderTable(
      ['Metric', 'SQLite × 1', 'PostgreSQL × 2', 'Ratio'],
      ['left', 'right', 'right', 'right'],
      [
        ...kindRows('submission', result.sqlite.submission, result.postgres.submission),
        ...kindRows('command', result.sqlite.command, result.postgres.command),
      ],
    ),
    '',
    `Drain of ${drain.count} journaled entries by two PostgreSQL instances (${drain.concurrencyPerInstance} lanes each) against the simulator's direct capacity (${drain.concurrencyPerInstance * 2} lanes): direct ${fixed(drain.direct.ratePerSec)}/s, two instances ${fixed(drain.instances.ratePerSec)}/s, ratio ${ratio(drain.ratio)} (target ≥ 0.9×${drain.ratio >= 0.9 ? ', met' : ', MISSED'}); ${drain.instances.delivered} delivered, ${drain.instances.duplicates} duplicates, ${drain.instances.failedRequests} failed requests${drain.instances.timedOut ? ', TIMED OUT' : ''}; CPU per instance ${drain.instances.cpuMsByInstance.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' and ')}; entries by attempts ${JSON.stringify(drain.instances.attempts)}.`,
    '',
  ];
}
