// The resources table of results.md: memory under load and at idle, start-up, and the drain after an outage.
import { describeLimit, limitOf, meetsLimit } from './ratios.js';
import type { BenchResults, Row, Section } from './results-file.js';
import { compareRow, mb, ms, none, perSec, plainRow, times } from './row-format.js';

type RunFigures = Omit<BenchResults, 'ratios' | 'targets' | 'rows' | 'notes'>;

const section: Section = 'resources';
const atMostMb = (limit: number, value: number) => ({ target: `≤ ${limit} MB`, met: value <= limit });

/** Peak RSS under the latency load and idle RSS after start, on every target; the limits hold the bot. */
function memoryRows({ memory }: RunFigures): Row[] {
  const rows = [
    { metric: 'peak RSS under load', field: 'peakRssMb', limitMb: 200 },
    { metric: 'idle RSS after start', field: 'idleRssMb', limitMb: 120 },
  ] as const;
  return rows.map(({ metric, field, limitMb }) => {
    const figures = { bot: memory.bot[field], peer: memory.peer?.[field], baseline: memory.baseline[field] };
    return compareRow(section, metric, figures, mb, atMostMb(limitMb, figures.bot));
  });
}

function startupRows({ startup }: RunFigures): Row[] {
  return [
    plainRow(section, `start-up to ready, median of ${startup.bot.samplesMs.length}`, {
      bot: ms(startup.bot.medianMs),
      baseline: ms(startup.baseline.medianMs),
    }),
    plainRow(
      section,
      'start-up to ready, slowest',
      { bot: ms(startup.bot.maxMs), baseline: ms(startup.baseline.maxMs) },
      { target: '≤ 2000 ms', met: startup.bot.maxMs <= 2000 },
    ),
  ];
}

/** The bot's drain against the simulator's direct capacity, shown in the bare Bolt column as "(direct)". */
function drainRows({ drain, memory }: RunFigures): Row[] {
  const limit = limitOf('drain.interaction.rate');
  const peak = Math.max(memory.bot.peakRssMb, drain.bot.peakRssMb);
  const time = drain.bot.timedOut
    ? `stopped after ${(drain.bot.fromSpawnMs / 1000).toFixed(0)} s, ${drain.bot.delivered} delivered`
    : ms(drain.bot.drainMs);
  return [
    plainRow(section, `drain of ${drain.count} pending: time`, {
      bot: time,
      baseline: `${ms(drain.direct.drainMs)} (direct)`,
    }),
    {
      ...plainRow(
        section,
        `drain of ${drain.count} pending: rate`,
        { bot: perSec(drain.bot.ratePerSec), baseline: `${perSec(drain.direct.ratePerSec)} (direct)` },
        {
          target: `${describeLimit(limit)} (direct)`,
          met: meetsLimit(drain.ratio, limit) && !drain.bot.timedOut,
        },
      ),
      ratio: times(drain.ratio),
    },
    plainRow(section, 'drain: peak RSS', { bot: mb(drain.bot.peakRssMb) }, atMostMb(200, drain.bot.peakRssMb)),
    plainRow(
      section,
      'drain: failed requests / duplicates',
      {
        bot: `${drain.bot.failedRequests} / ${drain.bot.duplicates}`,
        baseline: `${drain.direct.failedRequests} / ${drain.direct.duplicates} (direct)`,
      },
      {
        target: '0 / 0',
        met: drain.bot.failedRequests === 0 && drain.bot.duplicates === 0 && drain.bot.delivered === drain.count,
      },
    ),
    plainRow(section, 'peak RSS, latency and drain', { bot: mb(peak), peer: none }, atMostMb(200, peak)),
  ];
}

export function buildResourceRows(results: RunFigures): Row[] {
  return [...memoryRows(results), ...startupRows(results), ...drainRows(results)];
}
