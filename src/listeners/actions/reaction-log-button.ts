// The "Log interaction" button on a reaction's prompt: the form opens at once, then is filled from that message as the
// message shortcut fills it (its text, its thread, its author as the contact).
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import { readMessage, threadProblemOf, updateView } from '../../slack-api/index.js';
import type { ActionRoutes } from '../../slack-app/index.js';
import { decodeReactionTarget, describeMessageUnreadable, READING_MESSAGE } from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { enrichFromMessage } from '../log-modal/enrich-from-message.js';
import { logFormFor } from '../log-modal/log-form.js';
import { openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';
import { permalinkFor, prefillFromMessage } from '../log-modal/prefill-from-message.js';

export function registerReactionLogButton(actions: ActionRoutes, deps: ListenerDeps): void {
  actions.on<BlockAction<ButtonAction>>(ACTION.logFromReaction, async ({ ack, body, action, client, context }) => {
    await ack();
    const target = decodeReactionTarget(action.value);
    const userId = body.user.id;
    if (!target) return;
    const { conversationId, ts } = target;
    const replyTo = { ...(body.response_url ? { responseUrl: body.response_url } : {}), conversationId };
    await afterAck(deps, { slackUserId: userId, action: 'open_form', replyTo }, async () => {
      const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
      const metadata = { uniqueId: deps.newUniqueId(), replyTo, source: 'shortcut' as const };
      // Nothing before views.open: the message is read once the form is open.
      const opened = await openLogModal(deps, {
        client,
        triggerId: body.trigger_id,
        userId,
        draft: {},
        metadata,
        conversationId,
        notices: [READING_MESSAGE],
        offerRememberedContacts: false,
      });
      if (opened) {
        const channelName =
          body.channel?.name && !['privategroup', 'directmessage'].includes(body.channel.name)
            ? body.channel.name
            : undefined;
        let message: Awaited<ReturnType<typeof readMessage>>;
        try {
          message = await readMessage(client, conversationId, ts);
        } catch (error) {
          deps.logger.info({ err: error, conversationId }, 'could not read the reacted message');
          const view = logFormFor(deps, {
            draft: {},
            metadata,
            submitterId: userId,
            notices: [describeMessageUnreadable(threadProblemOf(error).problem, channelName)],
          });
          await updateView(client, { view_id: opened.id, view });
          return;
        }
        const teamDomain = body.team?.domain;
        const { draft, notices } = prefillFromMessage(
          { text: message?.text ?? '', ts, permalink: permalinkFor(teamDomain, conversationId, ts) },
          timeZone,
        );
        const threadTs = message?.threadTs;
        await enrichFromMessage(deps, {
          client,
          view: opened,
          userId,
          timeZone,
          conversationId,
          conversationName: channelName,
          ownTeamId: body.team?.id ?? body.user.team_id,
          botUserId: context.botUserId,
          message: {
            ts,
            text: message?.text ?? '',
            ...(message?.user ? { user: message.user } : {}),
            ...(message?.team ? { team: message.team } : {}),
            ...(threadTs ? { threadTs } : {}),
          },
          draft,
          notices,
          metadata,
          threadPermalink: threadTs ? permalinkFor(teamDomain, conversationId, threadTs) : undefined,
          // The form opened empty ("Reading the message…"): always replace it.
          draftChanged: true,
        });
      }
      await prepareSubmitter(deps, userId, metadata);
    });
  });
}
