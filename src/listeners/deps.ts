// What every listener may use; passed in by main.ts (or a test), never imported as a singleton.
import type { AccountDirectory } from '../accounts/index.js';
import type { CaliqReferenceData } from '../caliq/index.js';
import type { Config } from '../config.js';
import type { DeliveryService } from '../delivery/index.js';
import type { Logger } from '../logger.js';
import type { PeopleDirectory } from '../people/index.js';
import type { Notifier } from '../slack/notifier.js';
import type { JournalStore, ReminderStore, UserPrefsStore } from '../store/types.js';

export type ListenerDeps = {
  config: Config;
  logger: Logger;
  now: () => Date;
  newUniqueId: () => string;
  reference: CaliqReferenceData;
  /** Customer search for the account field, and each user's recent accounts; answers from memory. */
  accounts: AccountDirectory;
  people: PeopleDirectory;
  prefs: UserPrefsStore;
  journal: JournalStore;
  reminders: ReminderStore;
  delivery: DeliveryService;
  notifier: Notifier;
  /** Wakes the reminder loop after a change that may make a reminder due sooner. */
  nudgeReminders: () => void;
};
