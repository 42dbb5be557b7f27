// What one person's Home tab shows, read from the journal, the reminders and the channel links at publish time.
import type { HomeView } from '@slack/types';
import type { LinkedChannels } from '../channels/index.js';
import type { PeopleDirectory } from '../people/index.js';
import type { JournalStore, ReminderStore } from '../store/index.js';
import { buildHomeView, HOME_ENTRIES } from '../views/index.js';

export type HomeViewSources = {
  journal: JournalStore;
  reminders: ReminderStore;
  links: LinkedChannels;
  people: PeopleDirectory;
  now: () => Date;
  fallbackTimeZone: string;
  command: string;
};

/** Entries older than this are left off the Home tab even when fewer than 10 are newer. */
const ENTRIES_WINDOW_MS = 90 * 24 * 3_600_000;
/** Follow-ups due within this are listed (Slack's Home is not the place for next year's). */
const FOLLOW_UPS_WINDOW_MS = 365 * 24 * 3_600_000;

/** Reads what one person's Home shows: their latest entries, open follow-ups and every linked channel. */
export function createHomeViewBuilder(sources: HomeViewSources): (slackUserId: string) => Promise<HomeView> {
  return async (slackUserId) => {
    const now = sources.now();
    const timeZone =
      sources.people.timeZoneOf(slackUserId) ??
      (await sources.people.resolveTimeZone(slackUserId).catch(() => sources.fallbackTimeZone));
    const since = new Date(now.getTime() - ENTRIES_WINDOW_MS);
    const entries = await sources.journal.listForUser(slackUserId, since, ['pending', 'logged', 'rejected', 'failed']);
    const until = new Date(now.getTime() + FOLLOW_UPS_WINDOW_MS);
    const followUps = await sources.reminders.listOpenFor(slackUserId, until);
    return buildHomeView({
      entries: entries.slice(0, HOME_ENTRIES),
      followUps,
      links: sources.links.list(),
      timeZone,
      now,
      command: sources.command,
    });
  };
}
