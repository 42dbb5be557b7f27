// The shape of one bench run and how it is written: results.md (a table per scenario) and results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../options.js';
import type { SuggestionResult } from '../scenarios/account-search.js';
import type { DrainResult } from '../scenarios/drain.js';
import type { InstancesResult } from '../scenarios/instances.js';
import type { LatencyRun } from '../scenarios/latency.js';
import type { StartupResult } from '../scenarios/startup.js';
import { renderInstancesSection } from './instances-section.js';
import { renderTable } from './markdown-table.js';
import type { RatioReport } from './ratios.js';

export type MachineInfo = {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews every figure. */
  loadAverage: { atStart: number; atEnd: number };
};

export type { LatencyRun } from '../scenarios/latency.js';

/** Idle RSS before any load; peak RSS (high-water mark) after both latency scenarios. */
export type MemoryResult = { idleRssMb: number; peakRssMb: number };

export type BenchResults = {
  date: string;
  durationSeconds: number;
  machine: MachineInfo;
  options: BenchOptions;
  botCommand: string;
  startup: { bot: StartupResult; baseline: StartupResult };
  latency: { paced: LatencyRun; saturated: LatencyRun };
  memory: { bot: MemoryResult; baseline: MemoryResult; peer?: MemoryResult };
  drain: DrainResult;
  /** Two instances on PostgreSQL against one on SQLite; undefined when skipped (`instancesSkipped` says why). */
  instances?: InstancesResult;
  instancesSkipped?: string;
  /** Account search; absent in results from before the scenario existed. */
  suggestions?: SuggestionResult;
  /**
   * Flat bot ÷ bare Bolt (`paced.submission.ackP99` …) and bot ÷ tutorial peer (`….vsPeer`) figures, for scripts
   * and CI: every one with a target, and a few kept as information without one.
   */
  ratios: RatioReport['ratios'];
  /** The limit each targeted key of `ratios` must meet: `{ max }` or `{ min }`. */
  targets: RatioReport['targets'];
  rows: Row[];
  notes: string[];
};

export type Section = 'paced' | 'saturated' | 'resources' | 'search';

/**
 * One line of a table: the bot, the tutorial peer and bare Bolt (`baseline`), bot ÷ peer (`vsPeer`) and bot ÷ bare
 * Bolt (`ratio`); `met` is undefined for figures without a target; `note` explains a miss in one line.
 */
export type Row = {
  section: Section;
  metric: string;
  bot: string;
  peer: string;
  baseline: string;
  vsPeer: string;
  ratio: string;
  target: string;
  met?: boolean;
  note?: string;
};

/** The heading of each table, with the load that produced it. */
export function describeSection(section: Section, latency: BenchResults['latency']): string {
  if (section === 'paced') {
    return `Paced (${latency.paced.offeredPerSec ?? Number.NaN}/s offered, ${latency.paced.clients} clients): the issue's latency targets`;
  }
  if (section === 'saturated') {
    return `Saturated (${latency.saturated.clients} closed-loop clients, no think time): capacity`;
  }
  if (section === 'search')
    return 'Account search: block_suggestion at a paced rate, answered from the in-memory index';
  return 'Memory, start-up and drain';
}

export const SECTIONS: readonly Section[] = ['paced', 'saturated', 'resources', 'search'];

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

function renderSection(results: BenchResults, section: Section): string[] {
  const rows = results.rows.filter((row) => row.section === section);
  const table = renderTable(
    ['metric', 'bot', 'tutorial peer', 'bare Bolt', 'bot ÷ peer', 'bot ÷ bare Bolt', 'target', 'met?'],
    ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'center'],
    rows.map((row) => [
      row.metric,
      row.bot,
      row.peer,
      row.baseline,
      row.vsPeer,
      row.ratio,
      row.target,
      row.met === undefined ? '' : row.met ? 'yes' : '**no**',
    ]),
  );
  const notes = rows.flatMap((row) => (row.note ? [`Why missed: ${row.note}`] : []));
  return [`## ${describeSection(section, results.latency)}`, '', ...table, '', ...notes.flatMap((note) => [note, ''])];
}

function describeLoad(options: BenchOptions): string[] {
  const intervalMs = (options.clients * 1000) / options.pacedRate;
  const quick = options.quick ? ' (**--quick smoke run**: numbers are not representative)' : '';
  return [
    `- Paced load: ${options.clients} keep-alive clients per target; each sends one request, waits for its ack, then waits for its next slot (every ${intervalMs.toFixed(0)} ms from a random phase), i.e. ${options.pacedRate}/s offered; ${options.pacedRounds} rounds × ${options.pacedRoundSeconds} s of commands then ${options.pacedRoundSeconds} s of submissions per target, the targets taking turns (order reversed each round)${quick}`,
    `- Saturated load: ${options.clients} closed-loop keep-alive clients per target, each sending the next request the instant the previous one is acked; ${options.rounds} rounds × ${options.roundSeconds} s of commands then ${options.roundSeconds} s of submissions per target, the targets taking turns (order reversed each round)${quick}`,
  ];
}

export function renderMarkdown(results: BenchResults): string {
  const { machine, options } = results;
  const missed = results.rows
    .filter((row) => row.met === false)
    .map((row) => {
      const against = [
        row.vsPeer === '—' ? '' : `${row.vsPeer} of the peer (${row.peer})`,
        row.ratio === '—' ? '' : `${row.ratio} of bare Bolt (${row.baseline})`,
      ].filter(Boolean);
      const value = row.target.startsWith('÷') ? `bot ${row.bot}: ${against.join(', ')}` : row.bot;
      return `- ${row.section === 'resources' ? '' : `${row.section}: `}${row.metric}: ${value} (target ${row.target})`;
    });
  return [
    '# caliq-slack benchmark results',
    '',
    `Generated by \`npm run bench\` on ${results.date} in ${results.durationSeconds.toFixed(0)} s. Every figure below comes from that run.`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; 1-minute load average ${machine.loadAverage.atStart.toFixed(2)} at the start, ${machine.loadAverage.atEnd.toFixed(2)} at the end`,
    `- Bot: \`${results.botCommand}\` (HTTP mode)`,
    '- Tutorial peer: a Bolt app written the way Slack\'s Bolt tutorials write one (`bench/targets/tutorial-peer-app.ts`, same @slack/bolt): acks the command and opens a static modal; on submission checks the required fields, reads the user\'s zone (users.info, cached per user), parses the date with chrono-node, acks, then sends InteractionCreate and posts "✅ Logged" to the response_url with fetch; no journal, no retries',
    '- Bare Bolt: a Bolt app (`bench/targets/bare-bolt-app.ts`, same @slack/bolt) that acks, opens a static modal, acks submissions: the floor of an ack',
    ...describeLoad(options),
    `- Caliq simulator with ${options.caliqLatencyMs} ms added latency; fake Slack Web API answers at once. Both run in the bench process, which also drives the load.`,
    '',
    ...SECTIONS.filter((section) => results.rows.some((row) => row.section === section)).flatMap((section) =>
      renderSection(results, section),
    ),
    ...renderInstancesSection(results.instances, results.instancesSkipped),
    '## Targets',
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
