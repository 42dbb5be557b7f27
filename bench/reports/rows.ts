// The results table: every figure of a bench run in its section (paced, saturated, resources), against the targets.

import { ratioOf } from '../load/stats.js';
import type { KindResult } from '../scenarios/latency.js';
import { buildSuggestionRows } from './account-search-rows.js';
import {
  describeLimit,
  FOLLOW_ON_TARGET_MS,
  LOGGED_NOTICE_MARGIN_MS,
  limitOf,
  meetsLimit,
  type RatioKey,
} from './ratios.js';
import type { BenchResults, LatencyRun, Row, Section } from './results-file.js';

const ms = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(1)} ms`;
const mb = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} MB` : 'n/a');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const perSec = (value: number | undefined): string =>
  value !== undefined && Number.isFinite(value) ? `${value.toFixed(0)}/s` : 'n/a';
const none = '—';

/** Failed acks, plus acked requests whose views.open or Caliq delivery never happened. Slow acks are counted apart. */
const errorsOf = (kind: KindResult): number => kind.ackErrors + kind.followOnMissing + kind.caliqNotStored;

type KindRows = {
  section: Section;
  request: 'command' | 'submission';
  label: string;
  bot: KindResult;
  base: KindResult;
};

/** The target columns of a row whose ratio is held to RATIO_TARGETS[key]. */
const ratioTarget = (key: RatioKey, ratio: number): Pick<Row, 'target' | 'met'> => {
  const limit = limitOf(key);
  return { target: describeLimit(limit), met: meetsLimit(ratio, limit) };
};

/** Ack percentiles; the p99 ratio is the target in both latency scenarios. */
function ackRows({ section, request, label, bot, base }: KindRows): Row[] {
  const p99 = ratioOf(bot.ack.p99, base.ack.p99);
  const row = (name: 'p50' | 'p95' | 'max'): Row => ({
    section,
    metric: `${label}: ack ${name}`,
    bot: ms(bot.ack[name]),
    baseline: ms(base.ack[name]),
    ratio: name === 'max' ? none : times(ratioOf(bot.ack[name], base.ack[name])),
    target: none,
  });
  const p99Row: Row = {
    section,
    metric: `${label}: ack p99`,
    bot: ms(bot.ack.p99),
    baseline: ms(base.ack.p99),
    ratio: times(p99),
    ...ratioTarget(`${section}.${request}.ackP99`, p99),
  };
  if (section === 'saturated' && !p99Row.met) {
    const cpu = ratioOf(bot.targetCpuMsPerRequest, base.targetCpuMsPerRequest);
    p99Row.note = `${label} ack p99 ratio at saturation: both processes are CPU-bound, so an ack waits behind a queue whose cost is CPU per request, and the bot spends ${times(cpu)} the baseline's (${ms(bot.targetCpuMsPerRequest)} vs ${ms(base.targetCpuMsPerRequest)}).`;
  }
  return [row('p50'), row('p95'), p99Row, row('max')];
}

function countRows({ section, label, bot, base }: KindRows, evaluated: boolean): Row[] {
  const count = (metric: string, of: (kind: KindResult) => number): Row => ({
    section,
    metric: `${label}: ${metric}`,
    bot: String(of(bot)),
    baseline: String(of(base)),
    ratio: none,
    target: evaluated ? '0' : none,
    ...(evaluated ? { met: of(bot) === 0 } : {}),
  });
  return [
    {
      section,
      metric: `${label}: requests`,
      bot: String(bot.requests),
      baseline: String(base.requests),
      ratio: none,
      target: none,
    },
    count('errors', errorsOf),
    count('acks over 3 s', (kind) => kind.missedDeadline),
  ];
}

/** CPU the target used per request (all its threads), and what the bench process spent driving it (saturated only). */
function cpuRows({ section, label, bot, base }: KindRows, withBench: boolean): Row[] {
  const cpu = (metric: string, of: (kind: KindResult) => number): Row => ({
    section,
    metric: `${label}: ${metric}`,
    bot: ms(of(bot)),
    baseline: ms(of(base)),
    ratio: times(ratioOf(of(bot), of(base))),
    target: none,
  });
  const target = cpu('CPU per request, target process', (kind) => kind.targetCpuMsPerRequest);
  return withBench ? [target, cpu('CPU per request, bench process', (kind) => kind.benchCpuMsPerRequest)] : [target];
}

/** views.open after a command (bot and baseline) and InteractionCreate after a submission (bot only). */
function followOnRows(
  section: Section,
  run: LatencyRun,
  evaluated: boolean,
  percentiles: readonly ('p50' | 'p99')[],
  caliqLatencyMs: number,
) {
  const rows: Row[] = [];
  const target = (value: number | undefined): Pick<Row, 'target' | 'met'> =>
    evaluated
      ? { target: `≤ ${FOLLOW_ON_TARGET_MS} ms`, met: (value ?? Number.NaN) <= FOLLOW_ON_TARGET_MS }
      : { target: none };
  for (const p of percentiles) {
    const open = run.bot.command.followOn?.[p];
    const openBase = run.baseline.command.followOn?.[p];
    rows.push({
      section,
      metric: `command sent → views.open at Slack ${p}`,
      bot: ms(open),
      baseline: ms(openBase),
      ratio: times(ratioOf(open ?? Number.NaN, openBase ?? Number.NaN)),
      ...(p === 'p99' ? target(open) : { target: none }),
    });
  }
  for (const p of percentiles) {
    const caliq = run.bot.submission.followOn?.[p];
    rows.push({
      section,
      metric: `submission acked → InteractionCreate at Caliq ${p}`,
      bot: ms(caliq),
      baseline: none,
      ratio: none,
      ...(p === 'p99' ? target(caliq) : { target: none }),
    });
  }
  const noticeLimitMs = caliqLatencyMs + LOGGED_NOTICE_MARGIN_MS;
  for (const p of percentiles) {
    const notice = run.bot.submission.loggedNotice?.[p];
    rows.push({
      section,
      metric: `submission sent → "✅ Logged" at Slack ${p}`,
      bot: ms(notice),
      baseline: none,
      ratio: none,
      ...(p === 'p99' && evaluated
        ? {
            target: `≤ ${noticeLimitMs} ms (Caliq + ${LOGGED_NOTICE_MARGIN_MS})`,
            met: (notice ?? Number.NaN) <= noticeLimitMs,
          }
        : { target: none }),
    });
  }
  if (evaluated) {
    rows.push({
      section,
      metric: 'submissions Caliq stored without a "✅ Logged" answer',
      bot: String(run.bot.submission.loggedNoticeMissing),
      baseline: none,
      ratio: none,
      target: '0',
      met: run.bot.submission.loggedNoticeMissing === 0,
    });
  }
  return rows;
}

const LABELS = { command: 'slash command', submission: 'view submission' } as const;

/** The latency targets, at an offered rate both targets sustain. */
function buildPacedRows(run: LatencyRun, caliqLatencyMs: number): Row[] {
  const rows: Row[] = [];
  for (const kind of ['command', 'submission'] as const) {
    const parts: KindRows = {
      section: 'paced',
      request: kind,
      label: LABELS[kind],
      bot: run.bot[kind],
      base: run.baseline[kind],
    };
    const { bot, base } = parts;
    rows.push(
      ...ackRows(parts),
      {
        section: 'paced',
        metric: `${LABELS[kind]}: throughput achieved / offered`,
        bot: `${perSec(bot.throughputPerSec)} / ${perSec(bot.offeredPerSec)}`,
        baseline: `${perSec(base.throughputPerSec)} / ${perSec(base.offeredPerSec)}`,
        ratio: times(ratioOf(bot.throughputPerSec, base.throughputPerSec)),
        target: none,
      },
      {
        section: 'paced',
        metric: `${LABELS[kind]}: sends behind schedule`,
        bot: String(bot.behind),
        baseline: String(base.behind),
        ratio: none,
        target: none,
      },
      ...cpuRows(parts, false),
      ...countRows(parts, true),
    );
  }
  return [...rows, ...followOnRows('paced', run, true, ['p50', 'p99'], caliqLatencyMs)];
}

/** Capacity: what each target does when clients never pause. Only the ack ratio is held to a target here. */
function buildSaturatedRows(run: LatencyRun, caliqLatencyMs: number): Row[] {
  const rows: Row[] = [];
  for (const kind of ['command', 'submission'] as const) {
    const parts: KindRows = {
      section: 'saturated',
      request: kind,
      label: LABELS[kind],
      bot: run.bot[kind],
      base: run.baseline[kind],
    };
    const throughput = ratioOf(parts.bot.throughputPerSec, parts.base.throughputPerSec);
    const key: RatioKey = `saturated.${kind}.throughput`;
    rows.push(
      {
        section: 'saturated',
        metric: `${LABELS[kind]}: throughput`,
        bot: perSec(parts.bot.throughputPerSec),
        baseline: perSec(parts.base.throughputPerSec),
        ratio: times(throughput),
        ...(kind === 'submission' ? ratioTarget(key, throughput) : { target: none }),
      },
      ...cpuRows(parts, true),
      ...ackRows(parts),
      ...countRows(parts, false),
    );
  }
  return [...rows, ...followOnRows('saturated', run, false, ['p99'], caliqLatencyMs)];
}

function buildResourceRows(results: Omit<BenchResults, 'ratios' | 'targets' | 'rows' | 'notes'>): Row[] {
  const { bot, baseline } = results.memory;
  const { startup, drain } = results;
  const section: Section = 'resources';
  const peak = Math.max(bot.peakRssMb, drain.bot.peakRssMb);
  return [
    {
      section,
      metric: 'peak RSS under load',
      bot: mb(bot.peakRssMb),
      baseline: mb(baseline.peakRssMb),
      ratio: times(ratioOf(bot.peakRssMb, baseline.peakRssMb)),
      target: '≤ 200 MB',
      met: bot.peakRssMb <= 200,
    },
    {
      section,
      metric: 'idle RSS after start',
      bot: mb(bot.idleRssMb),
      baseline: mb(baseline.idleRssMb),
      ratio: times(ratioOf(bot.idleRssMb, baseline.idleRssMb)),
      target: '≤ 120 MB',
      met: bot.idleRssMb <= 120,
    },
    {
      section,
      metric: `start-up to ready, median of ${startup.bot.samplesMs.length}`,
      bot: ms(startup.bot.medianMs),
      baseline: ms(startup.baseline.medianMs),
      ratio: none,
      target: none,
    },
    {
      section,
      metric: 'start-up to ready, slowest',
      bot: ms(startup.bot.maxMs),
      baseline: ms(startup.baseline.maxMs),
      ratio: none,
      target: '≤ 2000 ms',
      met: startup.bot.maxMs <= 2000,
    },
    {
      section,
      metric: `drain of ${drain.count} pending: time`,
      bot: drain.bot.timedOut
        ? `stopped after ${(drain.bot.fromSpawnMs / 1000).toFixed(0)} s, ${drain.bot.delivered} delivered`
        : ms(drain.bot.drainMs),
      baseline: `${ms(drain.direct.drainMs)} (direct)`,
      ratio: none,
      target: none,
    },
    {
      section,
      metric: `drain of ${drain.count} pending: rate`,
      bot: perSec(drain.bot.ratePerSec),
      baseline: `${perSec(drain.direct.ratePerSec)} (direct)`,
      ratio: times(drain.ratio),
      target: `${describeLimit(limitOf('drain.interaction.rate'))} (direct)`,
      met: meetsLimit(drain.ratio, limitOf('drain.interaction.rate')) && !drain.bot.timedOut,
    },
    {
      section,
      metric: 'drain: peak RSS',
      bot: mb(drain.bot.peakRssMb),
      baseline: none,
      ratio: none,
      target: '≤ 200 MB',
      met: drain.bot.peakRssMb <= 200,
    },
    {
      section,
      metric: 'drain: failed requests / duplicates',
      bot: `${drain.bot.failedRequests} / ${drain.bot.duplicates}`,
      baseline: `${drain.direct.failedRequests} / ${drain.direct.duplicates} (direct)`,
      ratio: none,
      target: '0 / 0',
      met: drain.bot.failedRequests === 0 && drain.bot.duplicates === 0 && drain.bot.delivered === drain.count,
    },
    {
      section,
      metric: 'peak RSS, latency and drain',
      bot: mb(peak),
      baseline: none,
      ratio: none,
      target: '≤ 200 MB',
      met: peak <= 200,
    },
  ];
}

/** Every figure the issue asks for, with its target where it has one, section by section. */
export function buildRows(results: Omit<BenchResults, 'ratios' | 'targets' | 'rows' | 'notes'>): Row[] {
  return [
    ...buildPacedRows(results.latency.paced, results.options.caliqLatencyMs),
    ...buildSaturatedRows(results.latency.saturated, results.options.caliqLatencyMs),
    ...buildResourceRows(results),
    ...(results.suggestions ? buildSuggestionRows(results.suggestions) : []),
  ];
}
