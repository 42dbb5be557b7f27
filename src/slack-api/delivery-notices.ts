// Tells users how the delivery of their interaction went, in Slack: the first answer where they are looking, later news by DM.
import type { Config } from '../config.js';
import type { DeliveryNotices } from '../delivery/index.js';
import type { PeopleDirectory } from '../people/index.js';
import type { JournalEntry } from '../store/index.js';
import {
  buildDeliveredLaterMessage,
  buildFailedMessage,
  buildGaveUpMessage,
  buildLoggedMessage,
  buildMisconfiguredMessage,
  buildRejectedMessage,
  buildSavedForLaterMessage,
} from '../views/index.js';
import type { Notifier, SlackMessage } from './notifier.js';

export type DeliveryNoticesOptions = { notifier: Notifier; people: PeopleDirectory; config: Config };

export function createDeliveryNotices(options: DeliveryNoticesOptions): DeliveryNotices {
  const { notifier, people, config } = options;

  const zoneOf = async (slackUserId: string): Promise<string> =>
    people.timeZoneOf(slackUserId) ?? (await people.resolveTimeZone(slackUserId));

  /**
   * First answers go where the user submitted; news after a delay goes by DM (the response_url may have expired). A
   * Workflow Builder step reports its first answer in its outputs, so only later news reaches the person, by DM.
   */
  const send = async (entry: JournalEntry, message: SlackMessage, later = false) => {
    if (entry.source === 'workflow' && !later) return;
    await notifier.notify({ slackUserId: entry.slackUserId, message, replyTo: later ? undefined : entry.replyTo });
  };

  return {
    async logged(entry, { late, warnings }) {
      const timeZone = await zoneOf(entry.slackUserId);
      const followUp =
        entry.interaction.followUp && entry.followUpSlackUserId
          ? { recipientId: entry.followUpSlackUserId, at: new Date(entry.interaction.followUp.at), timeZone }
          : undefined;
      const build = late ? buildDeliveredLaterMessage : buildLoggedMessage;
      const message = build({
        interaction: entry.interaction,
        timeZone,
        followUp,
        submitterId: entry.slackUserId,
        warnings,
      });
      await send(entry, message, late);
    },
    async rejected(entry) {
      const timeZone = await zoneOf(entry.slackUserId);
      const message = buildRejectedMessage({
        interaction: entry.interaction,
        timeZone,
        issues: entry.issues,
        uniqueId: entry.uniqueId,
      });
      await send(entry, message, entry.delayNoticeAt !== undefined);
    },
    async savedForLater(entry) {
      const timeZone = await zoneOf(entry.slackUserId);
      await send(entry, buildSavedForLaterMessage({ interaction: entry.interaction, timeZone }));
    },
    async misconfigured(entry) {
      const timeZone = await zoneOf(entry.slackUserId);
      const message = buildMisconfiguredMessage({
        interaction: entry.interaction,
        timeZone,
        contact: config.people.mappingContact,
      });
      await send(entry, message);
    },
    async failed(entry, reason) {
      const timeZone = await zoneOf(entry.slackUserId);
      const message = buildFailedMessage({
        interaction: entry.interaction,
        timeZone,
        uniqueId: entry.uniqueId,
        reason,
      });
      await send(entry, message, entry.delayNoticeAt !== undefined);
    },
    async gaveUp(entry) {
      const timeZone = await zoneOf(entry.slackUserId);
      const message = buildGaveUpMessage({
        interaction: entry.interaction,
        timeZone,
        uniqueId: entry.uniqueId,
        since: entry.createdAt,
      });
      await send(entry, message, true);
    },
  };
}
