// Gets every journaled interaction to Caliq exactly once: journal first, then send, retry with backoff, tell the user.
import type { CaliqClient, CaliqIssue, InteractionOutcome } from '../caliq/index.js';
import type { Logger } from '../logger.js';
import type { JournalEntry, JournalStore, NewJournalEntry } from '../store/index.js';
import { type BackoffPolicy, backoffDelay } from './backoff.js';
import { createNoticeQueue } from './notice-queue.js';
import { createWorkerLoop } from './worker-loop.js';

/** What the user must hear about an entry; implemented over Slack elsewhere so this module stays Slack-free. */
export type DeliveryNotices = {
  /** Caliq took it. `late` when the user had been told it was waiting. */
  logged(entry: JournalEntry, info: { late: boolean; warnings: CaliqIssue[] }): Promise<void>;
  rejected(entry: JournalEntry): Promise<void>;
  /** Caliq is unavailable: saved, will be sent. Said once per entry. */
  savedForLater(entry: JournalEntry): Promise<void>;
  /** Caliq refused the bot's key: not the user's fault; saved. Said once per entry. */
  misconfigured(entry: JournalEntry): Promise<void>;
  /** 400 or an answer the bot cannot read: the user can retry or edit. */
  failed(entry: JournalEntry, reason: string): Promise<void>;
  /** Still undelivered after the give-up time. */
  gaveUp(entry: JournalEntry): Promise<void>;
};

/** How an attempt ended, for counting: `unavailable` will be retried, `gave_up` will not, `failed` is a 400 or worse. */
export type DeliveryOutcome = 'logged' | 'rejected' | 'unauthorized' | 'unavailable' | 'gave_up' | 'failed';

/** Told of what the service does, e.g. for metrics; must not throw. */
export type DeliveryObserver = { journaled(): void; outcome(outcome: DeliveryOutcome): void };

export type SubmitResult =
  | { status: 'sent'; entry: JournalEntry; outcome: InteractionOutcome['status'] }
  | { status: 'already_logged'; entry: JournalEntry }
  | { status: 'in_progress'; entry: JournalEntry }
  /** New entry that the background worker claimed first; it will tell the user. */
  | { status: 'queued'; entry: JournalEntry };

export type DeliveryServiceOptions = {
  journal: JournalStore;
  caliq: CaliqClient;
  notices: DeliveryNotices;
  logger: Logger;
  now?: () => Date;
  /** Called after Caliq accepted an entry (reminders are created here). Errors are logged, never lost silently. */
  onLogged?: (entry: JournalEntry) => Promise<void> | void;
  giveUpAfterMs: number;
  /** How long one attempt may hold an entry; must exceed the client's timeout × attempts. */
  leaseMs: number;
  backoff: BackoffPolicy;
  concurrency: number;
  /** The worker looks for due entries at least this often (other processes may add some). */
  pollIntervalMs?: number;
  /** How many user notices are sent at once (default 4). */
  noticeConcurrency?: number;
  /**
   * How many first attempts may run at once straight after submissions (default 32). Under overload the rest wait in
   * the journal for the worker, so memory stays bounded instead of queueing unbounded work in the process.
   */
  maxImmediateAttempts?: number;
  observer?: DeliveryObserver;
};

/** An interaction written to the journal (or found there under its UniqueID), not yet sent. */
export type Accepted = { inserted: boolean; stored: JournalEntry; submitted: NewJournalEntry };

export type DeliveryService = {
  /**
   * Journals a new interaction (or finds the existing entry for its UniqueID). Listeners await it before acknowledging
   * Slack, so once the modal closes the interaction survives a crash.
   */
  accept(entry: NewJournalEntry): Promise<Accepted>;
  /** The first attempt for an accepted entry (or the right answer for a repeat). */
  send(accepted: Accepted): Promise<SubmitResult>;
  /**
   * "Retry" from a message: a failed or rejected entry is sent again unchanged; a pending one is tried now.
   * `replyTo` is where the button was pressed, so the outcome is told there rather than at the original submission.
   */
  retry(uniqueId: string, replyTo?: NewJournalEntry['replyTo']): Promise<SubmitResult | undefined>;
  /** One pass of the background worker: attempts every due entry. Returns how many were attempted. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  /** Wake the worker (a new entry became due sooner). */
  nudge(): void;
};

const UNAUTHORIZED_LOG_EVERY_MS = 5 * 60_000;

export function createDeliveryService(options: DeliveryServiceOptions): DeliveryService {
  const { journal, caliq } = options;
  const userNotices = options.notices;
  const notices = createNoticeQueue(options.noticeConcurrency ?? 4);
  /** First attempts running right after a submission; beyond the limit entries wait in the journal for the worker. */
  let immediateInFlight = 0;
  const maxImmediate = options.maxImmediateAttempts ?? 32;
  const log = options.logger.child({ module: 'delivery' });
  const now = options.now ?? (() => new Date());
  let lastUnauthorizedLogAt = -Infinity;
  const loop = createWorkerLoop({
    runPass: () => runOnce(),
    msUntilNextDue: async () => {
      const nextDue = await journal.nextDueAt();
      return nextDue ? nextDue.getTime() - now().getTime() : undefined;
    },
    pollIntervalMs: options.pollIntervalMs ?? 15_000,
    logger: log,
  });
  const schedule = (delayMs: number) => loop.schedule(delayMs);

  /** Queues a notice: the lane goes on to the next entry while Slack is called. */
  function tell(what: string, entry: JournalEntry, send: () => Promise<void>): void {
    notices.push(entry.uniqueId, async () => {
      try {
        await send();
      } catch (error) {
        log.error({ err: error, uniqueId: entry.uniqueId, notice: what }, 'could not tell the user');
      }
    });
  }

  /** One attempt if the entry can be claimed: how it went and the entry as recorded afterwards; undefined if taken. */
  async function attempt(
    uniqueId: string,
  ): Promise<{ outcome: InteractionOutcome['status']; entry: JournalEntry } | undefined> {
    const start = now();
    const claimed = await journal.claim(uniqueId, start, new Date(start.getTime() + options.leaseMs));
    if (!claimed) return undefined;
    const outcome = await caliq.createInteraction(claimed.interaction);
    return { outcome: outcome.status, entry: await record(claimed, outcome) };
  }

  /** Writes the outcome and queues the user's notice; returns the entry as written. */
  async function record(entry: JournalEntry, outcome: InteractionOutcome): Promise<JournalEntry> {
    const at = now();
    const { uniqueId } = entry;
    const count = (counted: DeliveryOutcome) => options.observer?.outcome(counted);
    switch (outcome.status) {
      case 'logged': {
        const logged = await journal.markLogged(uniqueId, at);
        count('logged');
        log.info({ uniqueId, attempts: logged.attempts }, 'interaction logged in Caliq');
        if (options.onLogged) {
          try {
            await options.onLogged(logged);
          } catch (error) {
            log.error({ err: error, uniqueId }, 'after-logging step failed');
          }
        }
        // Issues that come with OK:true (e.g. Caliq saying it already had this UniqueID) are shown, not hidden.
        tell('logged', logged, () =>
          userNotices.logged(logged, { late: entry.delayNoticeAt !== undefined, warnings: outcome.issues }),
        );
        return logged;
      }
      case 'rejected': {
        const rejected = await journal.markRejected(uniqueId, outcome.issues, at);
        count('rejected');
        log.info({ uniqueId, issues: outcome.issues.length }, 'Caliq rejected the interaction');
        tell('rejected', rejected, () => userNotices.rejected(rejected));
        return rejected;
      }
      case 'bad_request':
      case 'unexpected_response': {
        const reason =
          outcome.status === 'bad_request'
            ? `Caliq could not read the request (400)${outcome.message ? `: ${outcome.message}` : ''}`
            : `Caliq answered in a way the bot does not understand (${outcome.problem}); it may or may not have been logged`;
        const failed = await journal.markFailed(uniqueId, reason, at);
        count('failed');
        log.warn({ uniqueId, outcome: outcome.status }, 'interaction failed');
        tell('failed', failed, () => userNotices.failed(failed, reason));
        return failed;
      }
      case 'unauthorized': {
        count('unauthorized');
        if (at.getTime() - lastUnauthorizedLogAt >= UNAUTHORIZED_LOG_EVERY_MS) {
          lastUnauthorizedLogAt = at.getTime();
          log.error({ uniqueId }, 'Caliq refused the API key (401): check CALIQ_API_KEY; entries stay pending');
        }
        const pending = await scheduleRetry(entry, 'Caliq refused the bot’s API key (401)', at);
        if (!pending.delayNoticeAt) {
          await journal.noteDelayNotice(uniqueId, at);
          tell('misconfigured', pending, () => userNotices.misconfigured(pending));
          return { ...pending, delayNoticeAt: at };
        }
        return pending;
      }
      case 'unavailable': {
        const reason = `Caliq unavailable (${outcome.reason})`;
        // Counted from when the user was told it is waiting (cleared by a resubmit), not from creation.
        const waitingSince = entry.delayNoticeAt ?? at;
        if (at.getTime() - waitingSince.getTime() >= options.giveUpAfterMs) {
          const failed = await journal.markFailed(uniqueId, `${reason}; gave up after ${entry.attempts} attempts`, at);
          count('gave_up');
          log.warn({ uniqueId, attempts: entry.attempts }, 'gave up delivering the interaction');
          if (!failed.giveUpNoticeAt) {
            await journal.noteGiveUpNotice(uniqueId, at);
            tell('gave up', failed, () => userNotices.gaveUp(failed));
            return { ...failed, giveUpNoticeAt: at };
          }
          return failed;
        }
        const pending = await scheduleRetry(entry, reason, at);
        count('unavailable');
        if (!pending.delayNoticeAt) {
          await journal.noteDelayNotice(uniqueId, at);
          tell('saved for later', pending, () => userNotices.savedForLater(pending));
          return { ...pending, delayNoticeAt: at };
        }
        return pending;
      }
    }
  }

  async function scheduleRetry(entry: JournalEntry, reason: string, at: Date): Promise<JournalEntry> {
    const delay = backoffDelay(entry.attempts, options.backoff);
    const pending = await journal.markRetry(entry.uniqueId, reason, new Date(at.getTime() + delay), at);
    log.info({ uniqueId: entry.uniqueId, attempts: entry.attempts, retryInMs: delay }, 'will retry');
    schedule(delay);
    return pending;
  }

  async function submitExisting(
    existing: JournalEntry,
    change?: Pick<NewJournalEntry, 'interaction' | 'draft' | 'replyTo'>,
  ) {
    if (existing.state === 'logged') return { status: 'already_logged', entry: existing } as const;
    if (existing.state === 'pending') {
      const attempted = await attempt(existing.uniqueId);
      if (attempted === undefined) return { status: 'in_progress', entry: existing } as const;
      return { status: 'sent', ...attempted } as const;
    }
    const resubmitted = await journal.resubmit(
      existing.uniqueId,
      change ?? { interaction: existing.interaction, draft: existing.draft, replyTo: existing.replyTo },
      now(),
    );
    if (!resubmitted) return { status: 'in_progress', entry: existing } as const;
    const attempted = await attempt(existing.uniqueId);
    if (attempted === undefined) return { status: 'in_progress', entry: resubmitted } as const;
    return { status: 'sent', ...attempted } as const;
  }

  async function accept(entry: NewJournalEntry): Promise<Accepted> {
    const { inserted, entry: stored } = await journal.insert(entry, now());
    if (inserted) options.observer?.journaled();
    return { inserted, stored, submitted: entry };
  }

  async function send(accepted: Accepted): Promise<SubmitResult> {
    const { inserted, stored, submitted } = accepted;
    if (!inserted) {
      return submitExisting(stored, {
        interaction: submitted.interaction,
        draft: submitted.draft,
        replyTo: submitted.replyTo,
      });
    }
    if (immediateInFlight >= maxImmediate) {
      schedule(0);
      return { status: 'queued', entry: stored };
    }
    immediateInFlight++;
    let attempted: Awaited<ReturnType<typeof attempt>>;
    try {
      attempted = await attempt(stored.uniqueId);
    } finally {
      immediateInFlight--;
    }
    if (attempted === undefined) return { status: 'queued', entry: stored };
    return { status: 'sent', ...attempted };
  }

  async function retry(uniqueId: string, replyTo?: NewJournalEntry['replyTo']): Promise<SubmitResult | undefined> {
    const existing = await journal.get(uniqueId);
    if (!existing) return undefined;
    return submitExisting(
      existing,
      replyTo ? { interaction: existing.interaction, draft: existing.draft, replyTo } : undefined,
    );
  }

  async function runOnce(): Promise<number> {
    // A large batch, so lanes rarely wait for the slowest of a batch before the next one is read.
    const due = await journal.listDue(now(), Math.max(options.concurrency * 32, 64));
    let next = 0;
    let attempted = 0;
    const lane = async () => {
      while (next < due.length) {
        const entry = due[next++];
        if (!entry) break;
        try {
          if ((await attempt(entry.uniqueId)) !== undefined) attempted++;
        } catch (error) {
          log.error({ err: error, uniqueId: entry.uniqueId }, 'delivery attempt crashed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, due.length) }, lane));
    return attempted;
  }

  return {
    accept,
    send,
    retry,
    runOnce,
    start: () => loop.start(),
    async stop() {
      await loop.stop();
      await notices.idle();
    },
    nudge() {
      schedule(0);
    },
  };
}
