// A background loop that runs one pass at a time: at once while there is more to do, else asleep until the next
// known due time or the poll interval, woken early on request. Both the delivery worker and the reminders run on it.
import type { Logger } from 'pino';

export type PollLoop = {
  /** Runs a pass at once, then keeps going until stopped. */
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
  /** Runs a pass within `delayMs` (never later than a sooner wake-up already set); during a pass, right after it. */
  schedule(delayMs: number): void;
};

export type PollLoopOptions = {
  /** One pass; resolves true when more may be waiting, so the next pass starts at once. */
  runPass: () => Promise<boolean>;
  /** When the next known item falls due, or undefined when none is known. */
  nextDueAt: () => Promise<Date | undefined>;
  now: () => Date;
  /** The loop looks at least this often (other processes may add items). */
  pollIntervalMs: number;
  logger: Logger;
};

/** setTimeout fires at once for delays above this (about 24.8 days), so no sleep may be longer. */
const MAX_TIMER_MS = 2_147_483_647;
/** Shortest sleep when an item is already due but the pass did nothing, so clock jitter never spins the loop. */
const MIN_SLEEP_MS = 50;

/** How long the loop sleeps: until the next due item or the poll interval, whichever is sooner, within bounds. */
export function computeSleepMs(options: {
  now: Date;
  nextDueAt: Date | undefined;
  pollIntervalMs: number;
  /** The last pass said more may be waiting: go again at once. */
  backlog: boolean;
}): number {
  if (options.backlog) return 0;
  const poll = Math.min(Math.max(options.pollIntervalMs, MIN_SLEEP_MS), MAX_TIMER_MS);
  if (!options.nextDueAt) return poll;
  const untilDue = options.nextDueAt.getTime() - options.now.getTime();
  return Math.min(poll, Math.max(untilDue, MIN_SLEEP_MS));
}

export function createPollLoop(options: PollLoopOptions): PollLoop {
  const { pollIntervalMs, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let timerFiresAt = Number.POSITIVE_INFINITY;
  /** True from a pass's start until its next wake-up is set; `current` settles when the pass is over. */
  let passing = false;
  let current: Promise<void> | undefined;
  /** The soonest wake-up asked for during a pass, in ms from when it was asked. */
  let askedDuringPass: number | undefined;
  let stopped = true;

  function setTimer(delayMs: number): void {
    const wait = Math.min(Math.max(0, delayMs), MAX_TIMER_MS);
    const fireAt = performance.now() + wait;
    if (timer && timerFiresAt <= fireAt) return;
    if (timer) clearTimeout(timer);
    timerFiresAt = fireAt;
    timer = setTimeout(runPass, wait);
    timer.unref?.();
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    const wait = Math.min(delayMs, pollIntervalMs);
    if (passing) askedDuringPass = Math.min(askedDuringPass ?? wait, wait);
    else setTimer(wait);
  }

  async function pass(): Promise<void> {
    let more = false;
    try {
      more = await options.runPass();
    } catch (error) {
      logger.error({ err: error }, 'poll pass failed');
    }
    let nextDueAt: Date | undefined;
    if (!more && !stopped) {
      try {
        nextDueAt = await options.nextDueAt();
      } catch (error) {
        logger.error({ err: error }, 'could not read when the next item is due');
      }
    }
    passing = false;
    const asked = askedDuringPass;
    askedDuringPass = undefined;
    if (stopped) return;
    const sleepMs = computeSleepMs({ now: options.now(), nextDueAt, pollIntervalMs, backlog: more });
    setTimer(Math.min(sleepMs, asked ?? sleepMs));
  }

  function runPass(): void {
    timer = undefined;
    timerFiresAt = Number.POSITIVE_INFINITY;
    if (stopped || passing) return;
    passing = true;
    current = pass();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      runPass();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      timerFiresAt = Number.POSITIVE_INFINITY;
      await current;
    },
    schedule,
  };
}
