// The README's spread table: lowest, median and highest of each ratio over several bench runs, and how many met it.
import { describe, expect, it } from 'vitest';
import { spreadTable } from '../bench/spread.js';

const run = (date: string, paced: number, throughput: number) => ({
  date,
  ratios: { 'paced.submission.ackP99': paced, 'saturated.submission.throughput': throughput },
  targets: { 'paced.submission.ackP99': { max: 1.25 }, 'saturated.submission.throughput': { min: 0.8 } },
});

describe('spreadTable', () => {
  it('gives each ratio its lowest, median and highest value and counts the runs that met its target', () => {
    const table = spreadTable([run('a', 1.1, 0.2), run('b', 3, 0.9), run('c', 1.2, 0.3)]);
    const cells = (line: string | undefined) => (line ?? '').split('|').map((cell) => cell.trim());
    expect(cells(table[2])).toEqual([
      '',
      '`paced.submission.ackP99`',
      '1.10×',
      '1.20×',
      '3.00×',
      'ratio ≤ 1.25',
      '2 of 3',
      '',
    ]);
    expect(cells(table[3])).toEqual([
      '',
      '`saturated.submission.throughput`',
      '0.20×',
      '0.30×',
      '0.90×',
      'ratio ≥ 0.8',
      '1 of 3',
      '',
    ]);
  });

  it('shows a dash where no run has the figure', () => {
    const table = spreadTable([{ ...run('a', 1, 1), ratios: { 'paced.submission.ackP99': Number.NaN } as never }]);
    expect(table[2]).toContain('—');
    expect(table[2]).toContain('0 of 1');
  });

  it('marks a ratio kept without a target as information rather than as met by no run', () => {
    const informational = {
      date: 'a',
      ratios: { 'saturated.submission.throughput': 0.3, 'paced.submission.ackP99.vsPeer': 0.9 },
      targets: { 'paced.submission.ackP99.vsPeer': { max: 1 } },
    };
    const table = spreadTable([informational as never]);
    expect(table[2]).toContain('— (information)');
    expect(table[3]).toContain('1 of 1');
  });
});
