// The rule "a logged interaction with a follow-up gets a reminder for the follow-up person, due at the follow-up time".
import type { JournalEntry, ReminderStore } from '../store/index.js';

export type RemindFollowUpOptions = {
  reminders: Pick<ReminderStore, 'create'>;
  now: () => Date;
  /** Wakes the reminder loop, which may be asleep until a later reminder. */
  nudge: () => void;
};

/**
 * Called once Caliq has taken an interaction. An entry without a follow-up, or whose follow-up person is not a Slack
 * user the bot knows, gets no reminder. Creating one for a UniqueID that already has one is the store's concern (it keeps
 * the first), so a repeated call reminds once.
 */
export function createFollowUpReminder(options: RemindFollowUpOptions): (entry: JournalEntry) => Promise<void> {
  return async (entry) => {
    const followUp = entry.interaction.followUp;
    if (!followUp || !entry.followUpSlackUserId) return;
    await options.reminders.create(
      {
        uniqueId: entry.uniqueId,
        recipientSlackUserId: entry.followUpSlackUserId,
        loggedBySlackUserId: entry.slackUserId,
        dueAt: new Date(followUp.at),
        interaction: entry.interaction,
      },
      options.now(),
    );
    options.nudge();
  };
}
