// The results table: every figure of a bench run in its section (paced, saturated, resources, search), on the bot,
// the tutorial peer and bare Bolt, against the targets.
import type { KindResult } from '../scenarios/latency.js';
import { buildSuggestionRows } from './account-search-rows.js';
import { FOLLOW_ON_TARGET_MS, LOGGED_NOTICE_MARGIN_MS } from './ratios.js';
import { buildResourceRows } from './resource-rows.js';
import type { BenchResults, LatencyRun, Row, Section } from './results-file.js';
import { compareRow, type Figures, ms, none, perSec, plainRow, ratioTargets } from './row-format.js';

type RunFigures = Omit<BenchResults, 'ratios' | 'targets' | 'rows' | 'notes'>;
type Request = 'command' | 'submission';

/** Failed acks, plus acked requests whose views.open or Caliq delivery never happened. Slow acks are counted apart. */
const errorsOf = (kind: KindResult): number => kind.ackErrors + kind.followOnMissing + kind.caliqNotStored;

const LABELS = { command: 'slash command', submission: 'view submission' } as const;

/** One request kind of one latency run, on every target. */
type KindRows = { section: Section; request: Request; label: string; run: LatencyRun };

/** A figure of one request kind on each target; bare Bolt's only where it has one (`withBaseline`). */
function figures(parts: KindRows, of: (kind: KindResult) => number | undefined, withBaseline = true): Figures {
  const { run, request } = parts;
  const peer = run.peer?.[request];
  return {
    bot: of(run.bot[request]) ?? Number.NaN,
    peer: peer ? (of(peer) ?? Number.NaN) : undefined,
    baseline: withBaseline ? (of(run.baseline[request]) ?? Number.NaN) : undefined,
  };
}

/** Ack percentiles; p99 is held to its ratios where RATIO_TARGETS has them (paced: both; saturated: information). */
function ackRows(parts: KindRows): Row[] {
  const { section, request, label } = parts;
  return (['p50', 'p95', 'p99', 'max'] as const).map((name) => {
    const values = figures(parts, (kind) => kind.ack[name]);
    if (name === 'max')
      return plainRow(section, `${label}: ack max`, {
        bot: ms(values.bot),
        peer: ms(values.peer),
        baseline: ms(values.baseline),
      });
    const target = name === 'p99' ? ratioTargets(`${section}.${request}.ackP99`, values) : undefined;
    return compareRow(section, `${label}: ack ${name}`, values, ms, target);
  });
}

function countRows(parts: KindRows, evaluated: boolean): Row[] {
  const count = (metric: string, of: (kind: KindResult) => number, held: boolean): Row => {
    const values = figures(parts, of);
    const cells = { bot: String(values.bot), peer: String(values.peer ?? none), baseline: String(values.baseline) };
    const target = held ? { target: '0', met: values.bot === 0 } : undefined;
    return plainRow(parts.section, `${parts.label}: ${metric}`, cells, target);
  };
  return [
    count('requests', (kind) => kind.requests, false),
    count('errors', errorsOf, evaluated),
    count('acks over 3 s', (kind) => kind.missedDeadline, evaluated),
  ];
}

/** CPU the target used per request (all its threads), and what the bench process spent driving it (saturated only). */
function cpuRows(parts: KindRows, withBench: boolean): Row[] {
  const { section, request, label } = parts;
  const target = figures(parts, (kind) => kind.targetCpuMsPerRequest);
  const rows = [
    compareRow(
      section,
      `${label}: CPU per request, target process`,
      target,
      ms,
      ratioTargets(`${section}.${request}.cpuPerRequest`, target),
    ),
  ];
  if (withBench) {
    rows.push(
      compareRow(
        section,
        `${label}: CPU per request, bench process`,
        figures(parts, (kind) => kind.benchCpuMsPerRequest),
        ms,
      ),
    );
  }
  return rows;
}

/** An absolute target on the bot's figure (the peer and bare Bolt are shown beside it). */
const atMost = (limitMs: number, value: number, label = `≤ ${limitMs} ms`): Pick<Row, 'target' | 'met'> => ({
  target: label,
  met: value <= limitMs,
});

/** views.open after a command (every target); InteractionCreate and "✅ Logged" after a submission (bot and peer). */
function followOnRows(
  section: Section,
  run: LatencyRun,
  evaluated: boolean,
  percentiles: readonly ('p50' | 'p99')[],
  caliqLatencyMs: number,
) {
  const command: KindRows = { section, request: 'command', label: LABELS.command, run };
  const submission: KindRows = { section, request: 'submission', label: LABELS.submission, run };
  const held = (p: string, value: number, limitMs: number, label?: string) =>
    evaluated && p === 'p99' ? atMost(limitMs, value, label) : undefined;
  const noticeLimitMs = caliqLatencyMs + LOGGED_NOTICE_MARGIN_MS;
  const rows: Row[] = [];
  for (const p of percentiles) {
    const open = figures(command, (kind) => kind.followOn?.[p]);
    rows.push(
      compareRow(section, `command sent → views.open at Slack ${p}`, open, ms, held(p, open.bot, FOLLOW_ON_TARGET_MS)),
    );
  }
  for (const p of percentiles) {
    const caliq = figures(submission, (kind) => kind.followOn?.[p], false);
    rows.push(
      compareRow(
        section,
        `submission acked → InteractionCreate at Caliq ${p}`,
        caliq,
        ms,
        held(p, caliq.bot, FOLLOW_ON_TARGET_MS),
      ),
    );
  }
  for (const p of percentiles) {
    const notice = figures(submission, (kind) => kind.loggedNotice?.[p], false);
    const label = `≤ ${noticeLimitMs} ms (Caliq + ${LOGGED_NOTICE_MARGIN_MS})`;
    rows.push(
      compareRow(
        section,
        `submission sent → "✅ Logged" at Slack ${p}`,
        notice,
        ms,
        held(p, notice.bot, noticeLimitMs, label),
      ),
    );
  }
  if (evaluated) {
    const missing = figures(submission, (kind) => kind.loggedNoticeMissing, false);
    const cells = { bot: String(missing.bot), peer: String(missing.peer ?? none) };
    rows.push(
      plainRow(section, 'submissions Caliq stored without a "✅ Logged" answer', cells, {
        target: '0',
        met: missing.bot === 0,
      }),
    );
  }
  return rows;
}

/** The latency targets, at an offered rate every target sustains. */
function buildPacedRows(run: LatencyRun, caliqLatencyMs: number): Row[] {
  const rows: Row[] = [];
  for (const request of ['command', 'submission'] as const) {
    const parts: KindRows = { section: 'paced', request, label: LABELS[request], run };
    const achieved = (kind: KindResult | undefined) =>
      kind ? `${perSec(kind.throughputPerSec)} / ${perSec(kind.offeredPerSec)}` : none;
    const behind = figures(parts, (kind) => kind.behind);
    rows.push(
      ...ackRows(parts),
      plainRow('paced', `${parts.label}: throughput achieved / offered`, {
        bot: achieved(run.bot[request]),
        peer: achieved(run.peer?.[request]),
        baseline: achieved(run.baseline[request]),
      }),
      plainRow('paced', `${parts.label}: sends behind schedule`, {
        bot: String(behind.bot),
        peer: String(behind.peer ?? none),
        baseline: String(behind.baseline),
      }),
      ...cpuRows(parts, false),
      ...countRows(parts, true),
    );
  }
  return [...rows, ...followOnRows('paced', run, true, ['p50', 'p99'], caliqLatencyMs)];
}

/**
 * Capacity: what each target does when clients never pause. Held to a target: submissions delivered to Caliq and
 * answered per second against the peer; the ratios against bare Bolt are information.
 */
function buildSaturatedRows(run: LatencyRun, caliqLatencyMs: number): Row[] {
  const rows: Row[] = [];
  for (const request of ['command', 'submission'] as const) {
    const parts: KindRows = { section: 'saturated', request, label: LABELS[request], run };
    rows.push(
      compareRow(
        'saturated',
        `${parts.label}: throughput (acks per second)`,
        figures(parts, (kind) => kind.throughputPerSec),
        perSec,
      ),
    );
    if (request === 'submission') {
      const delivered = figures(parts, (kind) => kind.deliveredAndAnsweredPerSec, false);
      const target = ratioTargets('saturated.submission.deliveredAndAnswered', delivered);
      rows.push(
        compareRow(
          'saturated',
          `${parts.label}: delivered to Caliq and answered "✅ Logged" per second`,
          delivered,
          perSec,
          target,
        ),
      );
    }
    rows.push(...cpuRows(parts, true), ...ackRows(parts), ...countRows(parts, false));
  }
  return [...rows, ...followOnRows('saturated', run, false, ['p99'], caliqLatencyMs)];
}

/** Every figure the issue asks for, with its target where it has one, section by section. */
export function buildRows(results: RunFigures): Row[] {
  return [
    ...buildPacedRows(results.latency.paced, results.options.caliqLatencyMs),
    ...buildSaturatedRows(results.latency.saturated, results.options.caliqLatencyMs),
    ...buildResourceRows(results),
    ...(results.suggestions ? buildSuggestionRows(results.suggestions) : []),
  ];
}
