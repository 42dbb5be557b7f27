// Gets every journaled interaction to Caliq exactly once: journal first, then send, retry with backoff, tell the user.
import type { CaliqClient, InteractionOutcome } from '../caliq/index.js';
import { type AdaptiveLimit, createAdaptiveLimit, createLimiter, forEachConcurrently } from '../concurrency/index.js';
import type { Logger } from '../logger.js';
import type { JournalEntry, JournalStore, NewJournalEntry } from '../store/index.js';
import type { BackoffPolicy } from '../timing/index.js';
import { createPollLoop } from '../timing/index.js';
import { createOutcomeRecorder } from './record-outcome.js';
import { createUntoldSweep } from './tell-untold.js';
import type { DeliveryNotices, DeliveryObserver } from './types.js';

export type SubmitResult =
  | { status: 'sent'; entry: JournalEntry; outcome: InteractionOutcome['status'] }
  | { status: 'already_logged'; entry: JournalEntry }
  | { status: 'in_progress'; entry: JournalEntry }
  /**
   * New entry left to the background worker, which will tell the user: no lane was free (its claim was given back),
   * or its claim from the insert was too old to trust.
   */
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
  /**
   * Most attempts in flight (first attempts and the worker's). It starts at one and adapts to how Caliq answers (more while answers stay
   * quick, fewer on 503s, timeouts and slowing answers), never beyond this.
   */
  concurrency: number;
  /**
   * The adaptive bound to follow, when the Caliq client feeds it every attempt (observeDeliveryAttempts as its
   * onAttempt), which is sooner and finer than each call's end. Without it the service makes one within
   * `concurrency` and feeds it the end of each call.
   */
  capacity?: AdaptiveLimit;
  /**
   * Between tries of the journal write that records Caliq's answer while the database is away (default 100 ms
   * doubling to 2 s): the answer is held, never re-asked, until the journal takes it.
   */
  recordBackoff?: BackoffPolicy;
  /** The worker looks for due entries at least this often (other processes may add some). */
  pollIntervalMs?: number;
  /**
   * How many user notices are sent at once (default: as many as Caliq calls may be in flight, at least 32; every
   * delivered entry has one, and fewer lanes for them than for Caliq made "✅ Logged" lag under load).
   */
  noticeConcurrency?: number;
  observer?: DeliveryObserver;
  /**
   * How long a settled entry's outcome is left to the instance that recorded it before any worker's pass tells it
   * instead (that instance died with the notice queued). Default 60 s, far beyond what the notice queue needs.
   */
  untoldGraceMs?: number;
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
  /**
   * One pass of the background worker: attempts every due entry, then tells outcomes left untold past the grace.
   * Returns how many were attempted.
   */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  /** Wake the worker (a new entry became due sooner). */
  nudge(): void;
};

export function createDeliveryService(options: DeliveryServiceOptions): DeliveryService {
  const { journal, caliq } = options;
  /**
   * Every attempt in flight, first attempts straight after a submission and the worker's alike, bounded by what Caliq
   * has lately shown it can take. A first attempt that finds no free lane leaves its entry to the worker, so memory
   * stays bounded under overload instead of queueing work in the process.
   */
  const capacity = options.capacity ?? createAdaptiveLimit({ max: options.concurrency });
  const feedsCapacity = options.capacity === undefined;
  const lanes = createLimiter(() => capacity.limit());
  let lastLimit = capacity.limit();
  const log = options.logger.child({ module: 'delivery' });
  const now = options.now ?? (() => new Date());
  const stopping = new AbortController();
  const loop = createPollLoop({
    // A pass that attempted something is followed at once by another: more may have fallen due meanwhile.
    runPass: async () => (await runOnce()) > 0,
    nextDueAt: () => journal.nextDueAt(),
    now,
    pollIntervalMs: options.pollIntervalMs ?? 15_000,
    logger: log,
  });
  const schedule = (delayMs: number) => loop.schedule(delayMs);
  const recorder = createOutcomeRecorder({
    journal,
    notices: options.notices,
    logger: log,
    now,
    ...(options.onLogged ? { onLogged: options.onLogged } : {}),
    giveUpAfterMs: options.giveUpAfterMs,
    leaseMs: options.leaseMs,
    backoff: options.backoff,
    recordBackoff: options.recordBackoff ?? { baseMs: 100, maxMs: 2_000 },
    noticeConcurrency: options.noticeConcurrency ?? Math.max(32, options.concurrency),
    ...(options.observer ? { observer: options.observer } : {}),
    schedule,
    stopping: stopping.signal,
  });
  const sweepUntold = createUntoldSweep({
    journal,
    recorder,
    logger: log,
    now,
    graceMs: options.untoldGraceMs ?? 60_000,
    limit: Math.max(options.concurrency * 32, 64),
  });

  /** Takes the entry for one attempt under a fresh lease; undefined when another attempt holds it or it is settled. */
  function claim(uniqueId: string): Promise<JournalEntry | undefined> {
    const start = now();
    return journal.claim(uniqueId, start, new Date(start.getTime() + options.leaseMs));
  }

  /** Sends a claimed entry and records the answer: how it went and the entry as recorded afterwards. */
  async function sendClaimed(
    claimed: JournalEntry,
  ): Promise<{ outcome: InteractionOutcome['status']; entry: JournalEntry }> {
    const started = performance.now();
    const outcome = await caliq.createInteraction(claimed.interaction);
    adapt(outcome, performance.now() - started);
    return { outcome: outcome.status, entry: await recorder.record(claimed, outcome) };
  }

  /** Every answer (first attempts too) tells how much Caliq can take, unless the client reports each attempt. */
  function adapt(outcome: InteractionOutcome, latencyMs: number): void {
    if (feedsCapacity) capacity.record({ overloaded: outcome.status === 'unavailable', latencyMs });
    const limit = capacity.limit();
    if (limit === lastLimit) return;
    lastLimit = limit;
    log.debug(
      { concurrency: limit, outcome: outcome.status, latencyMs: Math.round(latencyMs) },
      'delivery concurrency',
    );
  }

  /** One attempt if the entry can be claimed; undefined if taken. */
  async function attempt(
    uniqueId: string,
  ): Promise<{ outcome: InteractionOutcome['status']; entry: JournalEntry } | undefined> {
    const claimed = await claim(uniqueId);
    return claimed ? sendClaimed(claimed) : undefined;
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
    // Written already claimed for the first attempt that follows the ack: one journal write fewer per submission. If
    // the process dies before that attempt, the lease runs out and any worker sends the entry.
    const at = now();
    const claim = { leaseUntil: new Date(at.getTime() + options.leaseMs) };
    const { inserted, entry: stored } = await journal.insert(entry, at, claim);
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
    // A claim taken at insert is trusted only well within its lease: past that, another worker may have taken it over.
    const claimLeftMs = (stored.leaseUntil?.getTime() ?? 0) - now().getTime();
    if (claimLeftMs < options.leaseMs / 2) {
      schedule(Math.max(0, claimLeftMs));
      return { status: 'queued', entry: stored };
    }
    const first = lanes.tryRun(async (): Promise<SubmitResult> => ({ status: 'sent', ...(await sendClaimed(stored)) }));
    if (first) return first;
    // No lane free: the claim taken at insert is given back, so the worker sends the entry as soon as it can.
    try {
      await journal.release(stored.uniqueId, stored.attempts, now());
    } catch (error) {
      log.warn(
        { err: error, uniqueId: stored.uniqueId },
        'could not give back a new entry; it is sent once its lease ends',
      );
    }
    schedule(0);
    return { status: 'queued', entry: stored };
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
    let attempted = 0;
    await forEachConcurrently(due, lanes, async (entry) => {
      try {
        if ((await attempt(entry.uniqueId)) !== undefined) attempted++;
      } catch (error) {
        log.error({ err: error, uniqueId: entry.uniqueId }, 'delivery attempt crashed');
      }
    });
    try {
      await sweepUntold();
    } catch (error) {
      log.warn({ err: error }, 'could not look for outcomes left untold; the next pass looks again');
    }
    return attempted;
  }

  return {
    accept,
    send,
    retry,
    runOnce,
    start: () => loop.start(),
    async stop() {
      // Answers held for a journal that is away get one more try, then are let go (their lease re-sends them).
      stopping.abort();
      await loop.stop();
      await recorder.idle();
    },
    nudge() {
      schedule(0);
    },
  };
}
