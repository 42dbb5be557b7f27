// Sends one follow-up reminder DM, telling the scheduler whether it surely did not reach Slack (safe to retry).
import { WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import type { PeopleDirectory } from '../people/index.js';
import { ReminderNotDeliveredError } from '../reminders/index.js';
import type { Reminder } from '../store/index.js';
import { buildReminderMessage } from '../views/index.js';
import { DmNotOpenedError, type Notifier } from './notifier.js';

export type ReminderSenderOptions = { notifier: Notifier; people: PeopleDirectory; now: () => Date };

export function createReminderSender(options: ReminderSenderOptions) {
  return async (reminder: Reminder, info: { late: boolean }): Promise<{ conversationId: string; ts: string }> => {
    const recipient = reminder.recipientSlackUserId;
    const timeZone = options.people.timeZoneOf(recipient) ?? (await options.people.resolveTimeZone(recipient));
    const message = buildReminderMessage({ reminder, timeZone, late: info.late, now: options.now() });
    try {
      return await options.notifier.sendDm(recipient, message);
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
      throw error;
    }
  };
}
