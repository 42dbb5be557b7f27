// Turns one bench run into a table of metrics against the targets, written as results.md and results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DrainResult } from './drain-scenario.js';
import type { KindResult, TargetLatencyResult } from './latency-scenario.js';
import type { BenchOptions } from './options.js';
import { ratioOf } from './stats.js';

export type MachineInfo = {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews every figure. */
  loadAverage: { atStart: number; atEnd: number };
};

export type StartupResult = { samplesMs: number[]; medianMs: number; maxMs: number; idleRssMb: number[] };

export type TargetRun = TargetLatencyResult & { idleRssMb: number; peakRssMb: number };

export type BenchResults = {
  date: string;
  durationSeconds: number;
  machine: MachineInfo;
  options: BenchOptions;
  botCommand: string;
  startup: { bot: StartupResult; baseline: StartupResult };
  latency: { bot: TargetRun; baseline: TargetRun };
  drain: DrainResult;
  rows: Row[];
  notes: string[];
};

/** One line of the table; `met` is undefined for figures without a target. */
export type Row = { metric: string; bot: string; baseline: string; ratio: string; target: string; met?: boolean };

export function readMachineInfo(loadAtStart: number): MachineInfo {
  return {
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? Number.NaN },
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

const ms = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(1)} ms`;
const mb = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} MB` : 'n/a');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const perSec = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)}/s` : 'n/a');
const none = '—';

/** Failed acks, plus acked requests whose views.open or Caliq delivery never happened. Slow acks are counted apart. */
const errorsOf = (kind: KindResult): number => kind.ackErrors + kind.followOnMissing + kind.caliqNotStored;

/** Every figure the issue asks for, with its target where it has one. */
export function buildRows(results: Omit<BenchResults, 'rows' | 'notes'>): Row[] {
  const { bot, baseline } = results.latency;
  const rows: Row[] = [];
  for (const kind of ['command', 'submission'] as const) {
    const b = bot[kind];
    const base = baseline[kind];
    const label = kind === 'command' ? 'slash command' : 'view submission';
    const p50 = ratioOf(b.ack.p50, base.ack.p50);
    const p99 = ratioOf(b.ack.p99, base.ack.p99);
    rows.push(
      { metric: `${label}: ack p50`, bot: ms(b.ack.p50), baseline: ms(base.ack.p50), ratio: times(p50), target: none },
      {
        metric: `${label}: ack p95`,
        bot: ms(b.ack.p95),
        baseline: ms(base.ack.p95),
        ratio: times(ratioOf(b.ack.p95, base.ack.p95)),
        target: none,
      },
      {
        metric: `${label}: ack p99`,
        bot: ms(b.ack.p99),
        baseline: ms(base.ack.p99),
        ratio: times(p99),
        target: 'ratio ≤ 1.25',
        met: p99 <= 1.25,
      },
      { metric: `${label}: ack max`, bot: ms(b.ack.max), baseline: ms(base.ack.max), ratio: none, target: none },
      {
        metric: `${label}: throughput`,
        bot: perSec(b.throughputPerSec),
        baseline: perSec(base.throughputPerSec),
        ratio: times(ratioOf(b.throughputPerSec, base.throughputPerSec)),
        target: none,
      },
      {
        metric: `${label}: CPU per request, target process`,
        bot: ms(b.targetCpuMsPerRequest),
        baseline: ms(base.targetCpuMsPerRequest),
        ratio: times(ratioOf(b.targetCpuMsPerRequest, base.targetCpuMsPerRequest)),
        target: none,
      },
      {
        metric: `${label}: CPU per request, bench process`,
        bot: ms(b.benchCpuMsPerRequest),
        baseline: ms(base.benchCpuMsPerRequest),
        ratio: times(ratioOf(b.benchCpuMsPerRequest, base.benchCpuMsPerRequest)),
        target: none,
      },
      {
        metric: `${label}: requests`,
        bot: String(b.requests),
        baseline: String(base.requests),
        ratio: none,
        target: none,
      },
      {
        metric: `${label}: errors`,
        bot: String(errorsOf(b)),
        baseline: String(errorsOf(base)),
        ratio: none,
        target: '0',
        met: errorsOf(b) === 0,
      },
      {
        metric: `${label}: acks over 3 s`,
        bot: String(b.missedDeadline),
        baseline: String(base.missedDeadline),
        ratio: none,
        target: '0',
        met: b.missedDeadline === 0,
      },
    );
  }
  const open = bot.command.followOn;
  const openBase = baseline.command.followOn;
  rows.push(
    {
      metric: 'command sent → views.open at Slack p50',
      bot: ms(open?.p50),
      baseline: ms(openBase?.p50),
      ratio: times(ratioOf(open?.p50 ?? Number.NaN, openBase?.p50 ?? Number.NaN)),
      target: none,
    },
    {
      metric: 'command sent → views.open at Slack p99',
      bot: ms(open?.p99),
      baseline: ms(openBase?.p99),
      ratio: times(ratioOf(open?.p99 ?? Number.NaN, openBase?.p99 ?? Number.NaN)),
      target: '≤ 50 ms',
      met: (open?.p99 ?? Number.NaN) <= 50,
    },
  );
  const caliq = bot.submission.followOn;
  rows.push(
    {
      metric: 'submission acked → InteractionCreate at Caliq p50',
      bot: ms(caliq?.p50),
      baseline: none,
      ratio: none,
      target: none,
    },
    {
      metric: 'submission acked → InteractionCreate at Caliq p99',
      bot: ms(caliq?.p99),
      baseline: none,
      ratio: none,
      target: '≤ 50 ms',
      met: (caliq?.p99 ?? Number.NaN) <= 50,
    },
  );
  const peak = Math.max(bot.peakRssMb, results.drain.bot.peakRssMb);
  rows.push(
    {
      metric: 'peak RSS under load',
      bot: mb(bot.peakRssMb),
      baseline: mb(baseline.peakRssMb),
      ratio: times(ratioOf(bot.peakRssMb, baseline.peakRssMb)),
      target: '≤ 200 MB',
      met: bot.peakRssMb <= 200,
    },
    {
      metric: 'idle RSS after start',
      bot: mb(bot.idleRssMb),
      baseline: mb(baseline.idleRssMb),
      ratio: times(ratioOf(bot.idleRssMb, baseline.idleRssMb)),
      target: '≤ 120 MB',
      met: bot.idleRssMb <= 120,
    },
    {
      metric: `start-up to ready, median of ${results.startup.bot.samplesMs.length}`,
      bot: ms(results.startup.bot.medianMs),
      baseline: ms(results.startup.baseline.medianMs),
      ratio: none,
      target: none,
    },
    {
      metric: 'start-up to ready, slowest',
      bot: ms(results.startup.bot.maxMs),
      baseline: ms(results.startup.baseline.maxMs),
      ratio: none,
      target: '≤ 2000 ms',
      met: results.startup.bot.maxMs <= 2000,
    },
  );
  const drain = results.drain;
  rows.push(
    {
      metric: `drain of ${drain.count} pending: time`,
      bot: drain.bot.timedOut
        ? `stopped after ${(drain.bot.fromSpawnMs / 1000).toFixed(0)} s, ${drain.bot.delivered} delivered`
        : ms(drain.bot.drainMs),
      baseline: `${ms(drain.direct.drainMs)} (direct)`,
      ratio: none,
      target: none,
    },
    {
      metric: `drain of ${drain.count} pending: rate`,
      bot: perSec(drain.bot.ratePerSec),
      baseline: `${perSec(drain.direct.ratePerSec)} (direct)`,
      ratio: times(drain.ratio),
      target: '≥ 0.80× direct',
      met: drain.ratio >= 0.8 && !drain.bot.timedOut,
    },
    {
      metric: 'drain: peak RSS',
      bot: mb(drain.bot.peakRssMb),
      baseline: none,
      ratio: none,
      target: '≤ 200 MB',
      met: drain.bot.peakRssMb <= 200,
    },
    {
      metric: 'drain: failed requests / duplicates',
      bot: `${drain.bot.failedRequests} / ${drain.bot.duplicates}`,
      baseline: `${drain.direct.failedRequests} / ${drain.direct.duplicates} (direct)`,
      ratio: none,
      target: '0 / 0',
      met: drain.bot.failedRequests === 0 && drain.bot.duplicates === 0 && drain.bot.delivered === drain.count,
    },
    {
      metric: 'peak RSS, both scenarios',
      bot: mb(peak),
      baseline: none,
      ratio: none,
      target: '≤ 200 MB',
      met: peak <= 200,
    },
  );
  return rows;
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

type Align = 'left' | 'right' | 'center';

/** A Markdown table padded the way Biome formats one, so the generated file passes `npm run lint` unchanged. */
export function renderTable(header: readonly string[], align: readonly Align[], body: readonly string[][]): string[] {
  const rows = [header, ...body].map((cells) => cells.map(escapeCell));
  const widths = header.map((_, column) => Math.max(3, ...rows.map((cells) => (cells[column] ?? '').length)));
  const pad = (text: string, column: number): string => {
    const width = widths[column] ?? text.length;
    if (align[column] === 'right') return text.padStart(width);
    if (align[column] === 'center') {
      const left = Math.floor((width - text.length) / 2);
      return `${' '.repeat(left)}${text}`.padEnd(width);
    }
    return text.padEnd(width);
  };
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => pad(cell, column)).join(' | ')} |`;
  const rule = widths.map((width, column) => {
    if (align[column] === 'right') return `${'-'.repeat(width - 1)}:`;
    if (align[column] === 'center') return `:${'-'.repeat(width - 2)}:`;
    return '-'.repeat(width);
  });
  const [first, ...rest] = rows;
  return [line(first ?? []), line(rule), ...rest.map(line)];
}

export function renderMarkdown(results: BenchResults): string {
  const { machine, options } = results;
  const table = renderTable(
    ['metric', 'bot', 'baseline', 'ratio', 'target', 'met?'],
    ['left', 'right', 'right', 'right', 'left', 'center'],
    results.rows.map((row) => [
      row.metric,
      row.bot,
      row.baseline,
      row.ratio,
      row.target,
      row.met === undefined ? '' : row.met ? 'yes' : '**no**',
    ]),
  );
  const missed = results.rows
    .filter((row) => row.met === false)
    .map((row) => `- ${row.metric}: ${row.bot} (target ${row.target})`);
  return [
    '# caliq-slack benchmark results',
    '',
    `Generated by \`npm run bench\` on ${results.date} in ${results.durationSeconds.toFixed(0)} s. Every figure below comes from that run.`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; 1-minute load average ${machine.loadAverage.atStart.toFixed(2)} at the start, ${machine.loadAverage.atEnd.toFixed(2)} at the end`,
    `- Bot: \`${results.botCommand}\` (HTTP mode); baseline: bare Bolt app (\`bench/baseline-app.ts\`, same @slack/bolt) that acks, opens a static modal, acks submissions`,
    `- Load: ${options.clients} concurrent keep-alive clients per target, ${options.rounds} rounds × ${options.roundSeconds} s of commands then ${options.roundSeconds} s of submissions per target, targets alternating each round${options.quick ? ' (**--quick smoke run**: numbers are not representative)' : ''}`,
    `- Caliq simulator with ${options.caliqLatencyMs} ms added latency; fake Slack Web API answers at once. Both run in the bench process, which also drives the load.`,
    '',
    ...table,
    '',
    missed.length === 0 ? 'All targets met.' : `Targets missed:\n\n${missed.join('\n')}`,
    '',
    '## How it was measured',
    '',
    ...results.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}

export function writeResults(outDir: string, results: BenchResults): { markdownPath: string; jsonPath: string } {
  mkdirSync(outDir, { recursive: true });
  const markdownPath = join(outDir, 'results.md');
  const jsonPath = join(outDir, 'results.json');
  writeFileSync(markdownPath, renderMarkdown(results));
  writeFileSync(
    jsonPath,
    `${JSON.stringify(results, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`,
  );
  return { markdownPath, jsonPath };
}
