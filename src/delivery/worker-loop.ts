// The delivery worker's timer: one pass at a time, woken early when needed, asleep until the next due entry.
import type { Logger } from '../logger.js';

export type WorkerLoop = {
  start(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
  /** Run a pass within `delayMs` (never later than a sooner wake-up already set). */
  schedule(delayMs: number): void;
};

export type WorkerLoopOptions = {
  /** One pass; resolves with how much it did (a pass that did something is followed at once by another). */
  runPass: () => Promise<number>;
  /** Milliseconds until the next known due item, or undefined when none is known. */
  msUntilNextDue: () => Promise<number | undefined>;
  /** The loop looks at least this often (other processes may add items). */
  pollIntervalMs: number;
  logger: Logger;
};

export function createWorkerLoop(options: WorkerLoopOptions): WorkerLoop {
  const { pollIntervalMs, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let timerFiresAt = Number.POSITIVE_INFINITY;
  let running: Promise<number> | undefined;
  let stopped = true;

  function schedule(delayMs: number): void {
    if (stopped) return;
    const wait = Math.max(0, Math.min(delayMs, pollIntervalMs));
    const fireAt = performance.now() + wait;
    if (timer && timerFiresAt <= fireAt) return;
    if (timer) clearTimeout(timer);
    timerFiresAt = fireAt;
    timer = setTimeout(tick, wait);
    timer.unref?.();
  }

  async function tick(): Promise<void> {
    timer = undefined;
    if (stopped || running) return;
    let done = 0;
    running = options.runPass();
    try {
      done = await running;
    } catch (error) {
      logger.error({ err: error }, 'delivery worker pass failed');
    } finally {
      running = undefined;
    }
    if (done > 0) return schedule(0);
    let nextDueMs: number | undefined;
    try {
      nextDueMs = await options.msUntilNextDue();
    } catch (error) {
      logger.error({ err: error }, 'could not read when the next entry is due');
    }
    schedule(nextDueMs ?? pollIntervalMs);
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
    schedule,
  };
}
