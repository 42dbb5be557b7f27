// Sends one follow-up reminder DM, telling the scheduler whether it surely did not reach Slack (safe to retry).
import type { MessageMetadata } from '@slack/types';
import { WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import type { PeopleDirectory } from '../people/index.js';
import { ReminderNotDeliveredError } from '../reminders/index.js';
import type { Reminder } from '../store/index.js';
import { buildReminderMessage } from '../views/index.js';
import { DmNotOpenedError, type Notifier, type SentDm } from './notifier.js';

export type ReminderSenderOptions = { notifier: Notifier; people: PeopleDirectory; now: () => Date };

/** The event type of the metadata every reminder DM carries, so a retry can find a DM whose answer was lost. */
export const REMINDER_EVENT_TYPE = 'caliq_reminder';

/** The claimed version tells this delivery apart from an earlier one of the same reminder (before a snooze). */
export function reminderMetadata(reminder: Pick<Reminder, 'id' | 'version'>): MessageMetadata {
  return { event_type: REMINDER_EVENT_TYPE, event_payload: { reminder_id: reminder.id, version: reminder.version } };
}

function isThisDelivery(reminder: Reminder): (metadata: MessageMetadata) => boolean {
  return (metadata) =>
    metadata.event_type === REMINDER_EVENT_TYPE &&
    metadata.event_payload?.reminder_id === reminder.id &&
    String(metadata.event_payload?.version) === String(reminder.version);
}

export function createReminderSender(options: ReminderSenderOptions) {
  const { notifier } = options;
  return async (reminder: Reminder, info: { late: boolean; retry?: boolean }): Promise<SentDm> => {
    const recipient = reminder.recipientSlackUserId;
    // An earlier attempt may have posted the DM and lost the answer: if Slack has it, that one counts. A failed look
    // throws (not ReminderNotDeliveredError), so the reminder stays claimed and is looked for again, never sent blind.
    if (info.retry) {
      const earlier = await notifier.findRecentDm(recipient, isThisDelivery(reminder));
      if (earlier) return earlier;
    }
    const timeZone = options.people.timeZoneOf(recipient) ?? (await options.people.resolveTimeZone(recipient));
    const message = buildReminderMessage({ reminder, timeZone, late: info.late, now: options.now() });
    try {
      return await notifier.sendDm(recipient, { ...message, metadata: reminderMetadata(reminder) });
    } catch (error) {
      // Slack answered ok:false or asked us to slow down: the message was certainly not posted.
      if (
        error instanceof DmNotOpenedError ||
        error instanceof WebAPIPlatformError ||
        error instanceof WebAPIRateLimitedError
      ) {
        throw new ReminderNotDeliveredError(reminder.id, `Slack refused the reminder DM: ${error.message}`, {
          cause: error,
        });
      }
      // The post may have reached Slack with only its answer lost: if so, it is sent.
      const posted = await notifier.findRecentDm(recipient, isThisDelivery(reminder)).catch(() => undefined);
      if (posted) return posted;
      throw error;
    }
  };
}
