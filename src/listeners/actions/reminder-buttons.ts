// The buttons on a follow-up reminder (DM, `followups` list, Home tab): Log follow-up, Snooze, Done. Recipient only.
import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockElementAction,
  RespondFn,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ACTION } from '../../ids.js';
import { isSnoozeOption, snoozeUntil } from '../../reminders/index.js';
import type { ActionRoutes } from '../../slack-app/index.js';
import type { Reminder } from '../../store/index.js';
import {
  buildNotYourReminderMessage,
  buildReminderDoneMessage,
  buildReminderSnoozedMessage,
  decodeReminderAction,
  REMINDER_CHANGED,
  type RequestedAction,
} from '../../views/index.js';
import { type AfterAck, afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { openLogModal } from '../log-modal/open-log-modal.js';
import { pressedOnHome } from './home-buttons.js';

type ReminderActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The value a button, overflow or select carries. */
function carriedValue(action: BlockElementAction): string | undefined {
  if ('value' in action && typeof action.value === 'string') return action.value;
  if ('selected_option' in action && action.selected_option) return action.selected_option.value;
  return undefined;
}

const STALE = REMINDER_CHANGED.text;

/** Who pressed which reminder button, where: for the answer when the press fails after its ack. */
function pressOf(body: BlockAction, action: RequestedAction): AfterAck {
  const replyTo = { responseUrl: body.response_url, conversationId: body.channel?.id ?? body.container?.channel_id };
  return { slackUserId: body.user.id, action, replyTo };
}

export function registerReminderButtons(actions: ActionRoutes, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'reminder-buttons' });

  /** Finds the reminder a button names and checks the presser is its recipient (answering them if not). */
  async function ownReminder(body: BlockAction, action: BlockElementAction, client: WebClient) {
    const decoded = decodeReminderAction(carriedValue(action) ?? '');
    const reminder = decoded ? await deps.reminders.get(decoded.id) : undefined;
    const userId = body.user.id;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!decoded || !reminder) {
      if (channelId) await client.chat.postEphemeral({ channel: channelId, user: userId, text: STALE });
      return undefined;
    }
    if (reminder.recipientSlackUserId !== userId) {
      const message = buildNotYourReminderMessage();
      if (channelId) await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
      else await deps.notifier.notify({ slackUserId: userId, message });
      return undefined;
    }
    const messageTs = body.message?.ts ?? body.container?.message_ts;
    const ephemeral = body.container?.is_ephemeral === true;
    return { reminder, userId, channelId, messageTs, ephemeral, version: decoded.version, option: decoded.option };
  }

  /**
   * Shows the new state where the button was pressed, and on the reminder's DM too when pressed elsewhere (the
   * `followups` list), so no live-looking buttons are left behind. Ephemeral messages can only be replaced through
   * their response_url: chat.update does not reach them.
   */
  async function replaceMessages(
    client: WebClient,
    found: { reminder: Reminder; channelId: string | undefined; messageTs: string | undefined; ephemeral: boolean },
    respond: RespondFn,
    message: { text: string; blocks?: unknown[] },
  ) {
    const update = (channel: string, ts: string) =>
      client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
    if (found.ephemeral) await respond({ replace_original: true, text: message.text, blocks: message.blocks as never });
    else if (found.channelId && found.messageTs) await update(found.channelId, found.messageTs);
    const { sentConversationId, sentTs } = found.reminder;
    if (sentConversationId && sentTs && (found.ephemeral || sentTs !== found.messageTs))
      await update(sentConversationId, sentTs);
  }

  /** After any press: the presser's Home shows the new state (at once when pressed there). */
  function refreshHome(body: BlockAction): void {
    if (pressedOnHome(body)) deps.home.opened(body.user.id);
    else deps.home.request(body.user.id);
  }

  async function zoneOf(userId: string): Promise<string> {
    return deps.people.timeZoneOf(userId) ?? (await deps.people.resolveTimeZone(userId));
  }

  actions.on<BlockAction>(ACTION.reminderDone, async (args) => {
    await args.ack();
    await afterAck(deps, pressOf(args.body, 'done'), async () => {
      try {
        await markDone(args);
      } finally {
        refreshHome(args.body);
      }
    });
  });

  async function markDone({ body, action, client, respond }: ReminderActionArgs): Promise<void> {
    const found = await ownReminder(body, action, client);
    if (!found) return;
    const now = deps.now();
    const done = await deps.reminders.markDone(found.reminder.id, found.userId, found.version, now);
    if (!done) {
      if (found.channelId)
        await client.chat.postEphemeral({ channel: found.channelId, user: found.userId, text: STALE });
      return;
    }
    log.info({ reminderId: done.id, userId: found.userId }, 'follow-up done');
    const message = buildReminderDoneMessage({
      reminder: done,
      timeZone: await zoneOf(found.userId),
      doneBy: found.userId,
      doneAt: now,
    });
    await replaceMessages(client, found, respond, message);
  }

  actions.on<BlockAction>(new RegExp(`^${ACTION.reminderSnooze}`), async (args) => {
    await args.ack();
    await afterAck(deps, pressOf(args.body, 'snooze'), async () => {
      try {
        await snooze(args);
      } finally {
        refreshHome(args.body);
      }
    });
  });

  async function snooze({ body, action, client, respond }: ReminderActionArgs): Promise<void> {
    const found = await ownReminder(body, action, client);
    if (!found) return;
    const option = found.option;
    if (!isSnoozeOption(option)) return;
    const timeZone = await zoneOf(found.userId);
    const now = deps.now();
    const until = snoozeUntil(option, now, timeZone);
    const snoozed = await deps.reminders.snooze(found.reminder.id, until, found.version, now);
    if (!snoozed) {
      if (found.channelId)
        await client.chat.postEphemeral({ channel: found.channelId, user: found.userId, text: STALE });
      return;
    }
    deps.nudgeReminders();
    log.info({ reminderId: snoozed.id, until: until.toISOString() }, 'follow-up snoozed');
    await replaceMessages(client, found, respond, buildReminderSnoozedMessage({ reminder: snoozed, timeZone, until }));
  }

  actions.on<BlockAction>(ACTION.reminderLogFollowUp, async ({ ack, body, action, client }) => {
    await ack();
    await afterAck(deps, pressOf(body, 'log_follow_up'), () => logFollowUp(body, action, client));
  });

  async function logFollowUp(body: BlockAction, action: BlockElementAction, client: WebClient): Promise<void> {
    const found = await ownReminder(body, action, client);
    if (!found) return;
    await openLogModal(deps, {
      client,
      triggerId: body.trigger_id,
      userId: found.userId,
      draft: draftForFollowUp(found.reminder),
      metadata: {
        uniqueId: deps.newUniqueId(),
        replyTo: { responseUrl: body.response_url, conversationId: found.channelId },
        source: 'reminder',
      },
    });
    if (pressedOnHome(body)) deps.home.opened(found.userId);
  }
}

/** The new interaction starts with the same customer, contact and channel; the rest is the user's to say. */
export function draftForFollowUp(reminder: Reminder) {
  const { interaction } = reminder;
  return {
    accountNo: 'accountNo' in interaction.customer ? interaction.customer.accountNo : undefined,
    contactFirstName: 'firstName' in interaction.contact ? interaction.contact.firstName : undefined,
    contactSurname: 'surname' in interaction.contact ? interaction.contact.surname : undefined,
    channelId: interaction.channelId,
    notes: interaction.followUp?.notes ? `Follow-up: ${interaction.followUp.notes}` : undefined,
  };
}
