// Holds Caliq's answer until the journal has taken it: the write is retried with backoff and the entry's lease renewed
// meanwhile, so a database blink never lets another attempt re-send an interaction Caliq has already answered.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import type { JournalEntry, JournalStore } from '../store/index.js';
import { RecordNotFoundError } from '../store/index.js';
import { type BackoffPolicy, backoffDelay } from '../timing/index.js';

/** Caliq answered, but the process stopped before the journal could record it. */
export class OutcomeNotRecordedError extends Error {
  readonly uniqueId: string;

  constructor(uniqueId: string, outcome: string, cause: unknown) {
    super(`Caliq's answer (${outcome}) for ${uniqueId} was not recorded in the journal before shutdown`, { cause });
    this.name = 'OutcomeNotRecordedError';
    this.uniqueId = uniqueId;
  }
}

export type KeepUntilRecordedOptions = {
  journal: JournalStore;
  /** The length of a claim's lease; it is renewed once half of it is left. */
  leaseMs: number;
  now: () => Date;
  /** Waits between tries of the write. */
  backoff: BackoffPolicy;
  logger: Logger;
  /** Aborted at shutdown: the write gets one more try, then the answer is let go (the lease's expiry re-sends it). */
  stopping: AbortSignal;
};

/**
 * Runs `write` (which records `outcome` for the `claimed` entry) until it succeeds. Gives up only on shutdown (with an
 * OutcomeNotRecordedError) or when the entry no longer exists (the RecordNotFoundError is thrown on).
 */
export type KeepUntilRecorded = <T>(claimed: JournalEntry, outcome: string, write: () => Promise<T>) => Promise<T>;

export function createKeepUntilRecorded(options: KeepUntilRecordedOptions): KeepUntilRecorded {
  const { journal, leaseMs, now, logger, stopping } = options;

  /** The lease's new end, the old one while the database is away, or Infinity once another claim took the entry. */
  async function renewWhenHalfGone(claimed: JournalEntry, leaseUntil: number): Promise<number> {
    const at = now();
    if (leaseUntil - at.getTime() > leaseMs / 2) return leaseUntil;
    const renewedUntil = at.getTime() + leaseMs;
    try {
      if (await journal.renewLease(claimed.uniqueId, claimed.attempts, new Date(renewedUntil), at)) {
        logger.info({ uniqueId: claimed.uniqueId, leaseUntil: new Date(renewedUntil) }, 'lease renewed');
        return renewedUntil;
      }
      // Recording still settles the entry (whoever records first wins); Caliq dedupes the other send by UniqueID.
      logger.warn({ uniqueId: claimed.uniqueId }, 'the entry was claimed again while Caliq’s answer was held');
      return Number.POSITIVE_INFINITY;
    } catch {
      // The database is still away; the write's own failure is logged, and the next round tries the lease again.
      return leaseUntil;
    }
  }

  return async (claimed, outcome, write) => {
    const { uniqueId } = claimed;
    let leaseUntil = claimed.leaseUntil?.getTime() ?? now().getTime() + leaseMs;
    for (let failures = 0; ; ) {
      try {
        const written = await write();
        if (failures > 0) logger.info({ uniqueId, outcome, failures }, 'recorded Caliq’s answer after retrying');
        return written;
      } catch (error) {
        failures++;
        if (error instanceof RecordNotFoundError) throw error;
        if (stopping.aborted) {
          logger.error(
            { err: error, uniqueId, outcome, failures },
            'Caliq answered but the journal could not record it before shutdown; the entry stays pending and is sent again (same UniqueID) when its lease runs out',
          );
          throw new OutcomeNotRecordedError(uniqueId, outcome, error);
        }
        const retryInMs = backoffDelay(failures, options.backoff);
        logger.warn(
          { err: error, uniqueId, outcome, failures, retryInMs },
          'could not record Caliq’s answer; holding it and trying again',
        );
        leaseUntil = await renewWhenHalfGone(claimed, leaseUntil);
        await sleep(retryInMs, undefined, { signal: stopping }).catch(() => undefined);
      }
    }
  };
}
