// How a figure reads in a results row, and the rows that compare one figure across the bot, the peer and bare Bolt.
import { ratioOf } from '../load/stats.js';
import { meetsLimit, RATIO_TARGETS, type RatioKey } from './ratios.js';
import type { Row, Section } from './results-file.js';

export const none = '—';

/** Undefined: the target has no such figure (—); NaN: it should have one and the run did not get it (n/a). */
const shown =
  (format: (value: number) => string) =>
  (value: number | undefined): string =>
    value === undefined ? none : Number.isFinite(value) ? format(value) : 'n/a';

export const ms = shown((value) => `${value.toFixed(1)} ms`);
export const mb = shown((value) => `${value.toFixed(1)} MB`);
export const times = shown((value) => `${value.toFixed(2)}×`);
export const perSec = shown((value) => `${value.toFixed(0)}/s`);

/** One figure on each target; `peer` is undefined in results from before the peer, `baseline` where bare Bolt has none. */
export type Figures = { bot: number; peer: number | undefined; baseline: number | undefined };

const ratioTo = (bot: number, other: number | undefined): number | undefined =>
  other === undefined ? undefined : ratioOf(bot, other);

/** The target columns of a ratio key: its limit against bare Bolt and its `.vsPeer` limit, where either exists. */
export function ratioTargets(key: RatioKey, figures: Figures): Pick<Row, 'target' | 'met'> {
  const checks = [
    { key, label: '÷ bare Bolt', value: ratioTo(figures.bot, figures.baseline) },
    { key: `${key}.vsPeer` as RatioKey, label: '÷ peer', value: ratioTo(figures.bot, figures.peer) },
  ];
  const held = checks.flatMap((check) => {
    const limit = RATIO_TARGETS[check.key];
    return limit && check.value !== undefined ? [{ ...check, limit, value: check.value }] : [];
  });
  if (held.length === 0) return { target: none };
  return {
    target: held
      .map(({ label, limit }) => ('max' in limit ? `${label} ≤ ${limit.max}` : `${label} ≥ ${limit.min}`))
      .join('; '),
    met: held.every(({ value, limit }) => meetsLimit(value, limit)),
  };
}

/** A row of one figure on every target with both ratios (bot ÷ peer, bot ÷ bare Bolt). */
export function compareRow(
  section: Section,
  metric: string,
  figures: Figures,
  format: (value: number | undefined) => string,
  target: Pick<Row, 'target' | 'met'> = { target: none },
): Row {
  return {
    section,
    metric,
    bot: format(figures.bot),
    peer: format(figures.peer),
    baseline: format(figures.baseline),
    vsPeer: times(ratioTo(figures.bot, figures.peer)),
    ratio: times(ratioTo(figures.bot, figures.baseline)),
    ...target,
  };
}

/** A row of figures already written out, without ratios. */
export function plainRow(
  section: Section,
  metric: string,
  cells: { bot: string; peer?: string; baseline?: string },
  target: Pick<Row, 'target' | 'met'> = { target: none },
): Row {
  const { bot, peer = none, baseline = none } = cells;
  return { section, metric, bot, peer, baseline, vsPeer: none, ratio: none, ...target };
}
