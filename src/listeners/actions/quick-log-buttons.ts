// A quick log card's buttons: Log it journals and sends as a form submission does, Edit opens the form, Cancel drops it.
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ACTION } from '../../ids.js';
import type { SlackMessage } from '../../slack-api/index.js';
import type { ActionRoutes } from '../../slack-app/index.js';
import {
  buildQuickLogProblemCard,
  decodeQuickLogValue,
  QUICK_LOG_CANCELLED,
  QUICK_LOG_MAX_AGE_MS,
  QUICK_LOG_STALE,
  QUICK_LOG_UNREADABLE,
  type QuickLogValue,
} from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { answerRepeat } from '../log-modal/answer-repeat.js';
import { openLogModal } from '../log-modal/open-log-modal.js';
import { checkDraft } from '../quick-log/preview.js';

type Press = BlockAction<ButtonAction>;

const replaceCard = (respond: RespondFn, message: SlackMessage) =>
  respond({ response_type: 'ephemeral', replace_original: true, ...message });

export function registerQuickLogButtons(actions: ActionRoutes, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'quick-log-buttons' });

  /** The card's value when it can still be acted on; otherwise the card is replaced by why not. */
  async function usable(action: ButtonAction, respond: RespondFn): Promise<QuickLogValue | undefined> {
    const value = decodeQuickLogValue(action.value);
    if (!value) {
      await replaceCard(respond, QUICK_LOG_UNREADABLE);
      return undefined;
    }
    if (deps.now().getTime() - value.createdAt.getTime() > QUICK_LOG_MAX_AGE_MS) {
      await replaceCard(respond, QUICK_LOG_STALE);
      return undefined;
    }
    return value;
  }

  actions.on<Press>(ACTION.quickLogConfirm, async ({ ack, body, action, respond }) => {
    await ack();
    const replyTo = { responseUrl: body.response_url, conversationId: body.channel?.id };
    const request = { slackUserId: body.user.id, action: 'log_it' as const, replyTo };
    await afterAck(deps, request, () => logIt(body, action, respond));
  });

  async function logIt(body: Press, action: ButtonAction, respond: RespondFn): Promise<void> {
    const userId = body.user.id;
    const value = await usable(action, respond);
    if (!value) return;
    const { uniqueId, draft } = value;
    // Checked again: the account list, the mapping or the clock may have changed since the card was shown.
    const checked = await checkDraft(deps, { userId, uniqueId, draft });
    if (!checked.ok) {
      const answer =
        'unmapped' in checked ? checked.unmapped : buildQuickLogProblemCard({ ...checked, value: action.value ?? '' });
      await replaceCard(respond, answer);
      return;
    }
    // The first answer (logged, waiting, rejected) replaces the card; a second press finds the entry by its UniqueID.
    const replyTo = { responseUrl: body.response_url, conversationId: body.channel?.id, replaceOriginal: true };
    const accepted = await deps.delivery.accept({
      uniqueId,
      slackUserId: userId,
      slackTeamId: body.team?.id,
      interaction: checked.result.interaction,
      draft,
      replyTo,
      followUpSlackUserId: checked.result.interaction.followUp ? draft.followUpBy : undefined,
      source: 'quick_log',
    });
    deps.home.request(userId);
    const { customer } = checked.result.interaction;
    if ('accountNo' in customer) deps.accounts.recent.remember(userId, customer.accountNo);
    const result = await deps.delivery.send(accepted);
    log.info({ userId, uniqueId, status: result.status, repeat: !accepted.inserted }, 'quick log sent');
    // A repeat ("already logged", "being sent") is a message of its own, so it never hides the first press's outcome.
    const repeatTo = { responseUrl: body.response_url, conversationId: body.channel?.id };
    await answerRepeat(deps, { slackUserId: userId, replyTo: repeatTo, timeZone: checked.userTimeZone, result });
  }

  actions.on<Press>(ACTION.quickLogEdit, async ({ ack, body, action, client, respond }) => {
    await ack();
    const replyTo = { responseUrl: body.response_url, conversationId: body.channel?.id };
    await afterAck(deps, { slackUserId: body.user.id, action: 'open_form', replyTo }, () =>
      edit(body, action, client, respond),
    );
  });

  async function edit(body: Press, action: ButtonAction, client: WebClient, respond: RespondFn): Promise<void> {
    const value = await usable(action, respond);
    if (!value) return;
    const conversationId = body.channel?.id;
    await openLogModal(deps, {
      client,
      triggerId: body.trigger_id,
      userId: body.user.id,
      draft: value.draft,
      // The same UniqueID: whichever of the form and the card is sent first, Caliq gets it once.
      metadata: {
        uniqueId: value.uniqueId,
        replyTo: { responseUrl: body.response_url, conversationId },
        source: 'quick_log',
      },
      ...(conversationId ? { conversationId } : {}),
    });
  }

  actions.on<Press>(ACTION.quickLogCancel, async ({ ack, body, respond }) => {
    await ack();
    const replyTo = { responseUrl: body.response_url, conversationId: body.channel?.id };
    await afterAck(deps, { slackUserId: body.user.id, action: 'quick_log', replyTo }, async () => {
      await replaceCard(respond, QUICK_LOG_CANCELLED);
    });
  });
}
