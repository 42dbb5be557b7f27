// The sweep that tells outcomes an instance recorded but did not live to tell (its notice queue is in memory).
import type { Logger } from '../logger.js';
import type { JournalStore } from '../store/index.js';
import type { OutcomeRecorder } from './record-outcome.js';

export type UntoldSweepOptions = {
  journal: JournalStore;
  recorder: Pick<OutcomeRecorder, 'retell' | 'flushToldMarks'>;
  /** Already the delivery module's child logger. */
  logger: Logger;
  now: () => Date;
  /** How long after settling an entry is left to the instance that settled it; well beyond its notice queue's wait. */
  graceMs: number;
  /** Most entries taken per pass. */
  limit: number;
};

/**
 * One pass: claims (for this instance only) the settled entries nobody noted as told within the grace, and tells each
 * through the recorder's notice queue. Returns how many it took. A claimed entry counts as told, so an instance dying
 * mid-sweep may leave one untold; far rarer than every notice queued in a killed process.
 */
export function createUntoldSweep(options: UntoldSweepOptions): () => Promise<number> {
  const { journal, recorder, logger: log } = options;
  return async () => {
    await recorder.flushToldMarks();
    const at = options.now();
    const untold = await journal.claimUntold(new Date(at.getTime() - options.graceMs), at, options.limit);
    for (const entry of untold) {
      log.warn(
        { uniqueId: entry.uniqueId, state: entry.state, settledAt: entry.updatedAt.toISOString() },
        'telling an outcome another instance did not',
      );
      await recorder.retell(entry);
    }
    return untold.length;
  };
}
