// What Caliq's answer means for the journal and the user: the entry settled (held until the journal takes it) or
// rescheduled, then the user told.
import type { CaliqIssue, InteractionOutcome } from '../caliq/index.js';
import type { Logger } from '../logger.js';
import type { JournalEntry, JournalStore } from '../store/index.js';
import { type BackoffPolicy, backoffDelay } from '../timing/index.js';
import { createKeepUntilRecorded } from './keep-until-recorded.js';
import { createNoticeQueue } from './notice-queue.js';
import { createToldMarks } from './told-marks.js';
import type { DeliveryNotices, DeliveryObserver, DeliveryOutcome } from './types.js';

export type OutcomeRecorderOptions = {
  journal: JournalStore;
  notices: DeliveryNotices;
  /** Already the delivery module's child logger. */
  logger: Logger;
  now: () => Date;
  onLogged?: (entry: JournalEntry) => Promise<void> | void;
  giveUpAfterMs: number;
  leaseMs: number;
  /** When the next attempt at an entry Caliq did not take is due. */
  backoff: BackoffPolicy;
  /** Between tries of a journal write that records Caliq's answer. */
  recordBackoff: BackoffPolicy;
  noticeConcurrency: number;
  observer?: DeliveryObserver;
  /** Wakes the worker within `delayMs` (a retry was scheduled). */
  schedule: (delayMs: number) => void;
  stopping: AbortSignal;
};

export type OutcomeRecorder = {
  /** Records the answer to a claimed entry and queues the user's notice; returns the entry as recorded. */
  record(claimed: JournalEntry, outcome: InteractionOutcome): Promise<JournalEntry>;
  /**
   * Tells the outcome of an entry settled by an instance that did not live to tell it (a sweep claimed it): the
   * after-logging step again (idempotent) for a logged one, then the same notice through the same queue.
   */
  retell(settled: JournalEntry): Promise<void>;
  /** Writes the told marks of notices already sent, so this instance's own sweep never takes them for untold. */
  flushToldMarks(): Promise<void>;
  /** Resolves once every queued notice has been sent and noted (graceful shutdown). */
  idle(): Promise<void>;
};

/** How a give-up reads in the journal's last error, so a later reader tells "gave up" apart from other failures. */
const GAVE_UP_AFTER = '; gave up after ';
const gaveUpError = (reason: string, attempts: number): string => `${reason}${GAVE_UP_AFTER}${attempts} attempts`;
export const saysGaveUp = (lastError: string | undefined): boolean => lastError?.includes(GAVE_UP_AFTER) ?? false;

const UNAUTHORIZED_LOG_EVERY_MS = 5 * 60_000;

/**
 * The user hears an answer once it is recorded, not as soon as Caliq gives it: the notice's buttons (Retry, Edit and
 * resubmit) and the Home tab act on the journal, so they are right only then; and if the process dies holding the
 * answer, the re-send after the lease brings the one notice instead of a second one. A database blink delays the
 * notice by the blink plus at most one `recordBackoff` step.
 */
export function createOutcomeRecorder(options: OutcomeRecorderOptions): OutcomeRecorder {
  const { journal, logger: log, now } = options;
  const userNotices = options.notices;
  const notices = createNoticeQueue(options.noticeConcurrency);
  const keepUntilRecorded = createKeepUntilRecorded({
    journal,
    leaseMs: options.leaseMs,
    now,
    backoff: options.recordBackoff,
    logger: log,
    stopping: options.stopping,
  });
  const toldMarks = createToldMarks({ journal, now, logger: log });
  const count = (counted: DeliveryOutcome) => options.observer?.outcome(counted);
  let lastUnauthorizedLogAt = Number.NEGATIVE_INFINITY;

  /**
   * Queues a notice: the lane goes on to the next entry while Slack is called. A final one (the outcome) is noted as
   * told once sent; until then a sweep on any instance tells it if this process dies.
   */
  function tell(what: string, entry: JournalEntry, send: () => Promise<void>, final = false): void {
    notices.push(entry.uniqueId, async () => {
      try {
        await send();
      } catch (error) {
        log.error({ err: error, uniqueId: entry.uniqueId, notice: what }, 'could not tell the user');
        return;
      }
      // If this write fails the sweep may tell the outcome again later: repeated, never lost.
      if (final) toldMarks.note(entry.uniqueId);
    });
  }

  async function afterLogging(entry: JournalEntry): Promise<void> {
    if (!options.onLogged) return;
    try {
      await options.onLogged(entry);
    } catch (error) {
      log.error({ err: error, uniqueId: entry.uniqueId }, 'after-logging step failed');
    }
  }

  /** Marks that a notice is said, so it is said once; if that write fails the notice may be said again, never lost. */
  async function noteNotice(entry: JournalEntry, which: 'delay' | 'give-up', at: Date): Promise<void> {
    try {
      if (which === 'delay') await journal.noteDelayNotice(entry.uniqueId, at);
      else await journal.noteGiveUpNotice(entry.uniqueId, at);
    } catch (error) {
      log.warn(
        { err: error, uniqueId: entry.uniqueId, notice: which },
        'could not note the notice; it may be repeated',
      );
    }
  }

  async function logged(claimed: JournalEntry, warnings: CaliqIssue[], at: Date): Promise<JournalEntry> {
    const { uniqueId } = claimed;
    const entry = await keepUntilRecorded(claimed, 'logged', () => journal.markLogged(uniqueId, at));
    count('logged');
    log.info({ uniqueId, attempts: entry.attempts }, 'interaction logged in Caliq');
    await afterLogging(entry);
    // Issues that come with OK:true (e.g. Caliq saying it already had this UniqueID) are shown, not hidden.
    const late = claimed.delayNoticeAt !== undefined;
    tell('logged', entry, () => userNotices.logged(entry, { late, warnings }), true);
    return entry;
  }

  async function rejected(claimed: JournalEntry, issues: CaliqIssue[], at: Date): Promise<JournalEntry> {
    const { uniqueId } = claimed;
    const entry = await keepUntilRecorded(claimed, 'rejected', () => journal.markRejected(uniqueId, issues, at));
    count('rejected');
    log.info({ uniqueId, issues: issues.length }, 'Caliq rejected the interaction');
    tell('rejected', entry, () => userNotices.rejected(entry), true);
    return entry;
  }

  async function failed(claimed: JournalEntry, reason: string, at: Date): Promise<JournalEntry> {
    const { uniqueId } = claimed;
    const entry = await keepUntilRecorded(claimed, 'failed', () => journal.markFailed(uniqueId, reason, at));
    count('failed');
    log.warn({ uniqueId, reason }, 'interaction failed');
    tell('failed', entry, () => userNotices.failed(entry, reason), true);
    return entry;
  }

  /**
   * Keeps the entry pending until a later attempt. Undefined when the journal could not take it: the entry then keeps
   * its lease and is tried again once that runs out, which is what this would have arranged anyway, only sooner.
   */
  async function scheduleRetry(entry: JournalEntry, reason: string, at: Date): Promise<JournalEntry | undefined> {
    const { uniqueId, attempts } = entry;
    const delay = backoffDelay(attempts, options.backoff);
    let pending: JournalEntry;
    try {
      pending = await journal.markRetry(uniqueId, reason, new Date(at.getTime() + delay), at);
    } catch (error) {
      log.warn({ err: error, uniqueId, attempts }, 'could not schedule the next attempt; it comes when the lease ends');
      return undefined;
    }
    log.info({ uniqueId, attempts, retryInMs: delay }, 'will retry');
    options.schedule(delay);
    return pending;
  }

  async function unauthorized(claimed: JournalEntry, at: Date): Promise<JournalEntry> {
    count('unauthorized');
    if (at.getTime() - lastUnauthorizedLogAt >= UNAUTHORIZED_LOG_EVERY_MS) {
      lastUnauthorizedLogAt = at.getTime();
      log.error(
        { uniqueId: claimed.uniqueId },
        'Caliq refused the API key (401): check CALIQ_API_KEY; entries stay pending',
      );
    }
    const pending = await scheduleRetry(claimed, 'Caliq refused the bot’s API key (401)', at);
    if (!pending) return claimed;
    if (pending.delayNoticeAt) return pending;
    await noteNotice(pending, 'delay', at);
    tell('misconfigured', pending, () => userNotices.misconfigured(pending));
    return { ...pending, delayNoticeAt: at };
  }

  async function unavailable(claimed: JournalEntry, cause: string, at: Date): Promise<JournalEntry> {
    const reason = `Caliq unavailable (${cause})`;
    // Counted from when the user was told it is waiting (cleared by a resubmit), not from creation.
    const waitingSince = claimed.delayNoticeAt ?? at;
    if (at.getTime() - waitingSince.getTime() >= options.giveUpAfterMs) {
      const { uniqueId, attempts } = claimed;
      const error = gaveUpError(reason, attempts);
      const gaveUp = await keepUntilRecorded(claimed, 'gave up', () => journal.markFailed(uniqueId, error, at));
      count('gave_up');
      log.warn({ uniqueId, attempts }, 'gave up delivering the interaction');
      if (gaveUp.giveUpNoticeAt) return gaveUp;
      await noteNotice(gaveUp, 'give-up', at);
      tell('gave up', gaveUp, () => userNotices.gaveUp(gaveUp), true);
      return { ...gaveUp, giveUpNoticeAt: at };
    }
    const pending = await scheduleRetry(claimed, reason, at);
    count('unavailable');
    if (!pending) return claimed;
    if (pending.delayNoticeAt) return pending;
    await noteNotice(pending, 'delay', at);
    tell('saved for later', pending, () => userNotices.savedForLater(pending));
    return { ...pending, delayNoticeAt: at };
  }

  return {
    async record(claimed, outcome) {
      const at = now();
      switch (outcome.status) {
        case 'logged':
          return logged(claimed, outcome.issues, at);
        case 'rejected':
          return rejected(claimed, outcome.issues, at);
        case 'bad_request':
          return failed(
            claimed,
            `Caliq could not read the request (400)${outcome.message ? `: ${outcome.message}` : ''}`,
            at,
          );
        case 'unexpected_response':
          return failed(
            claimed,
            `Caliq answered in a way the bot does not understand (${outcome.problem}); it may or may not have been logged`,
            at,
          );
        case 'unauthorized':
          return unauthorized(claimed, at);
        case 'unavailable':
          return unavailable(claimed, outcome.reason, at);
      }
    },
    async retell(settled) {
      switch (settled.state) {
        case 'logged':
          await afterLogging(settled);
          // Caliq's warnings are not journaled; the user hears it is logged.
          tell('logged', settled, () =>
            userNotices.logged(settled, { late: settled.delayNoticeAt !== undefined, warnings: [] }),
          );
          return;
        case 'rejected':
          tell('rejected', settled, () => userNotices.rejected(settled));
          return;
        case 'failed':
          if (saysGaveUp(settled.lastError)) tell('gave up', settled, () => userNotices.gaveUp(settled));
          else tell('failed', settled, () => userNotices.failed(settled, settled.lastError ?? 'unknown'));
          return;
        case 'pending':
          return;
      }
    },
    flushToldMarks: () => toldMarks.flush(),
    idle: async () => {
      await notices.idle();
      await toldMarks.flush();
    },
  };
}
