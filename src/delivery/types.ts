// What the delivery service tells the outside: the user's notices and the outcome counts, kept Slack-free.
import type { CaliqIssue } from '../caliq/index.js';
import type { JournalEntry } from '../store/index.js';

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
