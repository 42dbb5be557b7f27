import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createToldMarks } from './told-marks.js';

const NOW = new Date('2026-12-07T10:00:00Z');

function world(fail = false) {
  const writes: string[][] = [];
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const journal = {
    noteOutcomesTold: vi.fn(async (uniqueIds: readonly string[]) => {
      if (fail) throw new Error('database is away');
      writes.push([...uniqueIds]);
    }),
  };
  return { writes, lines, journal, logger };
}

describe('told marks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the marks of one window together, once', async () => {
    vi.useFakeTimers();
    const { writes, journal, logger } = world();
    const marks = createToldMarks({ journal, now: () => NOW, logger, flushMs: 50 });
    marks.note('a');
    marks.note('b');
    await vi.advanceTimersByTimeAsync(49);
    expect(writes).toEqual([]);
    marks.note('c');
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([['a', 'b', 'c']]);
    marks.note('d');
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toEqual([['a', 'b', 'c'], ['d']]);
    expect(journal.noteOutcomesTold).toHaveBeenCalledWith(['d'], NOW);
  });

  it('writes a full batch at once, and flush writes what waits', async () => {
    const { writes, journal, logger } = world();
    const marks = createToldMarks({ journal, now: () => NOW, logger, flushMs: 60_000, maxBatch: 3 });
    for (const id of ['a', 'b', 'c', 'd']) marks.note(id);
    await marks.flush();
    expect(writes).toEqual([['a', 'b', 'c'], ['d']]);
    await marks.flush();
    expect(writes).toHaveLength(2);
  });

  it('names every entry of a batch it could not write, so each may be told again rather than never', async () => {
    const { lines, journal, logger } = world(true);
    const marks = createToldMarks({ journal, now: () => NOW, logger });
    marks.note('a');
    marks.note('b');
    await marks.flush();
    expect(lines.map((line) => [line.uniqueId, line.msg])).toEqual([
      ['a', 'could not note the outcome as told; it may be repeated'],
      ['b', 'could not note the outcome as told; it may be repeated'],
    ]);
  });
});
