// `npm run bench:spread -- a/results.json b/results.json …`: the spread of each targeted ratio over several bench runs
// (lowest, median, highest, and how many runs met the target), as a Markdown table for the README.
import { readFileSync } from 'node:fs';
import { median } from './load/stats.js';
import { renderTable } from './reports/markdown-table.js';
import { describeLimit, meetsLimit, type RatioKey, type RatioLimit } from './reports/ratios.js';

type RunFigures = { date: string; ratios: Record<RatioKey, number>; targets: Record<RatioKey, RatioLimit> };

export function spreadTable(runs: readonly RunFigures[]): string[] {
  const keys = [...new Set(runs.flatMap((run) => Object.keys(run.ratios) as RatioKey[]))];
  const body = keys.map((key) => {
    const values = runs.map((run) => run.ratios[key]).filter((value): value is number => Number.isFinite(value));
    const limit = runs.find((run) => run.targets[key])?.targets[key];
    const met = limit ? values.filter((value) => meetsLimit(value, limit)).length : 0;
    const shown = (value: number) => `${value.toFixed(2)}×`;
    return [
      `\`${key}\``,
      values.length ? shown(Math.min(...values)) : '—',
      values.length ? shown(median(values)) : '—',
      values.length ? shown(Math.max(...values)) : '—',
      limit ? describeLimit(limit) : '—',
      limit ? `${met} of ${runs.length}` : '— (information)',
    ];
  });
  return renderTable(
    ['ratio (bot ÷ bare Bolt; .vsPeer: ÷ peer)', 'lowest', 'median', 'highest', 'target', 'runs that met it'],
    ['left', 'right', 'right', 'right', 'left', 'right'],
    body,
  );
}

function main(): void {
  const files = process.argv.slice(2).filter((arg) => arg !== '--');
  if (files.length === 0) {
    process.stderr.write('usage: npm run bench:spread -- <results.json> <results.json> …\n');
    process.exit(2);
  }
  const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as RunFigures);
  process.stdout.write(`${runs.length} runs: ${runs.map((run) => run.date).join(', ')}\n\n`);
  process.stdout.write(`${spreadTable(runs).join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
