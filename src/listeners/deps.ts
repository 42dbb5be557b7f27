// What every listener may use; passed in by main.ts (or a test), never imported as a singleton.
import type { AccountDirectory } from '../accounts/index.js';
import type { CaliqReferenceData } from '../caliq/index.js';
import type { LinkedChannels } from '../channels/index.js';
import type { Config } from '../config.js';
import type { DeliveryService } from '../delivery/index.js';
import type { HomeRefresher } from '../home/index.js';
import type { Logger } from '../logger.js';
import type { PeopleDirectory } from '../people/index.js';
import type { Notifier } from '../slack-api/index.js';
import type { CachedUserPrefs, JournalStore, ReminderStore } from '../store/index.js';

export type ListenerDeps = {
  config: Config;
  logger: Logger;
  now: () => Date;
  newUniqueId: () => string;
  reference: CaliqReferenceData;
  /** Customer search for the account field, and each user's recent accounts; answers from memory. */
  accounts: AccountDirectory;
  people: PeopleDirectory;
  prefs: CachedUserPrefs;
  journal: JournalStore;
  reminders: ReminderStore;
  delivery: DeliveryService;
  notifier: Notifier;
  /** The channel → account links in memory (read before views.open); changes go through it to the store. */
  links: LinkedChannels;
  /** Republishes a person's Home tab after their changes; never waits. */
  home: HomeRefresher;
  /** Wakes the reminder loop after a change that may make a reminder due sooner. */
  nudgeReminders: () => void;
};
