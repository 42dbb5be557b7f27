// The reminder delivery loop: claims due reminders from the store and hands each to `deliver` at most once.
import { forEachConcurrently } from '../concurrency/index.js';
import type { Logger } from '../logger.js';
import type { Reminder, ReminderStore } from '../store/index.js';
import { createPollLoop } from '../timing/index.js';
import { ReminderNotDeliveredError } from './errors.js';

export type DeliverReminder = (
  reminder: Reminder,
  /** `retry`: an earlier send of this claim may have reached Slack, so look for that DM before sending again. */
  info: { late: boolean; retry?: boolean },
) => Promise<{ conversationId: string; ts: string }>;

export type ReminderSchedulerOptions = {
  store: ReminderStore;
  /** Sends the DM. Throw ReminderNotDeliveredError only when Slack certainly did not get it. */
  deliver: DeliverReminder;
  now: () => Date;
  /** Names this process in `claimed_by`, so a reminder stuck in `sending` shows who took it. */
  owner: string;
  logger: Logger;
  /** Longest sleep between runs; new reminders created elsewhere are found within this time. */
  pollIntervalMs: number;
  /** Sent more than this after its due time counts as late (default 5 minutes). */
  lateAfterMs?: number;
  /** Most reminders claimed per run (default 20). */
  batchSize?: number;
  /** Wait before retrying a reminder that did not reach Slack (default 1 minute). */
  retryDelayMs?: number;
  /** Deliveries in flight at once (default 4), to stay well inside Slack's rate limits. */
  concurrency?: number;
  /**
   * A send claimed this long ago and not completed is taken over and retried (after `deliver` checks Slack for it);
   * default 2 minutes, well past the longest send (each Slack call is bounded to 10 s with 3 retries).
   */
  reclaimAfterMs?: number;
};

export type ReminderScheduler = {
  /** One pass: claim what is due, deliver it, record the outcome. Resolves to how many were sent. */
  runOnce(): Promise<number>;
  /** Runs once now (sending whatever fell due while the bot was down), then keeps running until stopped. */
  start(): void;
  /** Stops the loop and waits for a run in progress to finish. */
  stop(): Promise<void>;
  /** Runs soon, e.g. after a reminder due sooner than the loop's next wake-up was created. */
  nudge(): void;
};

/** A send that has not completed after this long is not still in progress. */
const STUCK_AFTER_MS = 10 * 60_000;
const RECLAIM_AFTER_MS = 2 * 60_000;

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { store, deliver, now, owner, pollIntervalMs } = options;
  const logger = options.logger.child({ module: 'reminder-scheduler' });
  const lateAfterMs = options.lateAfterMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 20;
  const retryDelayMs = options.retryDelayMs ?? 60_000;
  const concurrency = options.concurrency ?? 4;
  const reclaimAfterMs = options.reclaimAfterMs ?? RECLAIM_AFTER_MS;

  let lastClaimed = 0;
  let started = false;
  const loop = createPollLoop({
    runPass: async () => {
      const sent = await runOnce();
      if (sent > 0) logger.debug({ sent }, 'Reminder run finished');
      // A full batch: more may be due already.
      return lastClaimed >= batchSize;
    },
    nextDueAt: () => store.nextDueAt(),
    now,
    pollIntervalMs,
    logger,
  });

  async function deliverOne(reminder: Reminder, retry: boolean): Promise<boolean> {
    const late = now().getTime() - reminder.dueAt.getTime() > lateAfterMs;
    const fields = { reminderId: reminder.id, uniqueId: reminder.uniqueId, recipient: reminder.recipientSlackUserId };
    let message: { conversationId: string; ts: string };
    try {
      message = await deliver(reminder, retry ? { late, retry } : { late });
    } catch (error) {
      if (error instanceof ReminderNotDeliveredError) {
        const retryAt = new Date(now().getTime() + retryDelayMs);
        try {
          await store.releaseClaim(reminder.id, retryAt);
        } catch (releaseError) {
          // Left in `sending`: never retried, which is the safe side of at-most-once.
          logger.error({ ...fields, err: releaseError }, 'Reminder not delivered and could not be released for retry');
          return false;
        }
        logger.warn({ ...fields, err: error, retryAt }, 'Reminder not delivered; will retry');
        return false;
      }
      // The DM may already be in Slack: the reminder stays in `sending` until its claim is taken over after
      // reclaimAfterMs, and that retry looks for the DM in Slack before sending it again.
      logger.error({ ...fields, err: error }, 'Reminder delivery ended ambiguously; left in sending until reclaimed');
      return false;
    }
    try {
      await store.markSent(reminder.id, { ...message, late }, now());
    } catch (error) {
      // The DM is out; failing to record it leaves the reminder in `sending`: the reclaim after the lease finds the DM
      // in Slack by its metadata and records it, without a second copy.
      logger.error({ ...fields, err: error, ...message }, 'Reminder sent but not recorded');
      return true;
    }
    logger.info({ ...fields, late, conversationId: message.conversationId }, 'Reminder sent');
    return true;
  }

  async function runOnce(): Promise<number> {
    const at = now();
    const claimed = await store.claimDue(at, owner, batchSize);
    const reclaimed = await store.reclaimStuck(new Date(at.getTime() - reclaimAfterMs), owner, at, batchSize);
    if (reclaimed.length > 0)
      logger.warn({ count: reclaimed.length }, 'Taking over reminders whose send never completed');
    lastClaimed = claimed.length;
    const work = [...claimed.map((r) => ({ r, retry: false })), ...reclaimed.map((r) => ({ r, retry: true }))];
    let sent = 0;
    await forEachConcurrently(work, concurrency, async ({ r, retry }) => {
      if (await deliverOne(r, retry)) sent += 1;
    });
    return sent;
  }

  /**
   * A reminder left in `sending` (the process died mid-send, or Slack's answer was unclear) is never re-sent, so no one
   * gets two DMs; it is said loudly here so an operator can check, and it still shows in `/log-interaction followups`.
   */
  async function warnAboutStuckSends(): Promise<void> {
    try {
      const stuck = await store.listStuckSending(new Date(now().getTime() - STUCK_AFTER_MS));
      if (stuck.length === 0) return;
      logger.warn(
        {
          count: stuck.length,
          reminders: stuck.slice(0, 20).map((r) => ({ id: r.id, recipient: r.recipientSlackUserId })),
        },
        'reminders whose DM may not have been delivered (the bot stopped mid-send); each is checked in Slack before a retry',
      );
    } catch (error) {
      logger.error({ err: error }, 'could not check for reminders stuck in sending');
    }
  }

  return {
    runOnce,
    start() {
      if (started) return;
      started = true;
      logger.info({ owner, pollIntervalMs }, 'Reminder scheduler started');
      void warnAboutStuckSends();
      loop.start();
    },
    async stop() {
      started = false;
      await loop.stop();
      logger.info({ owner }, 'Reminder scheduler stopped');
    },
    nudge() {
      loop.schedule(0);
    },
  };
}
