// Notes final notices as told in batches: one journal write for every notice sent within a short window, instead of
// one write (and one fsync, or one round trip to PostgreSQL) per notice.
import type { Logger } from '../logger.js';
import type { JournalStore } from '../store/index.js';

export type ToldMarks = {
  /** Notes that the entry's outcome was told; written within `flushMs`. */
  note(uniqueId: string): void;
  /** Writes everything noted so far (graceful shutdown waits for it). */
  flush(): Promise<void>;
};

export type ToldMarksOptions = {
  journal: Pick<JournalStore, 'noteOutcomesTold'>;
  now: () => Date;
  logger: Logger;
  /**
   * How long a mark may wait for others (default 50 ms). If the process dies in that window the untold sweep tells
   * the outcome again after its grace: said twice, never lost.
   */
  flushMs?: number;
  /** A batch this large is written at once (default 500). */
  maxBatch?: number;
};

export function createToldMarks(options: ToldMarksOptions): ToldMarks {
  const { journal, now, logger: log } = options;
  const flushMs = options.flushMs ?? 50;
  const maxBatch = options.maxBatch ?? 500;
  let waiting: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: string[]): Promise<void> {
    try {
      await journal.noteOutcomesTold(batch, now());
    } catch (error) {
      // Each entry is named, so its log line can be found by its UniqueID like every other line about it.
      for (const uniqueId of batch) {
        log.warn({ err: error, uniqueId }, 'could not note the outcome as told; it may be repeated');
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      // One write at a time, in order: a later batch never overtakes an earlier one.
      writing = writing.then(() => write(batch));
    }
    return writing;
  }

  return {
    note(uniqueId) {
      waiting.push(uniqueId);
      if (waiting.length >= maxBatch) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref?.();
      }
    },
    flush,
  };
}
