// The "Log interaction" message shortcut: the log modal prefilled from the message's text, time and permalink.
import type { App } from '@slack/bolt';
import { CALLBACK } from '../../ids.js';
import { draftFromMessage } from '../../interactions/index.js';
import { buildLogModal } from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { accountFieldFor } from '../log-modal/account-field.js';
import { applyChannelLink, openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';

/** Slack's permalink format, built locally so nothing waits before views.open; chat.getPermalink when no domain. */
export function permalinkFor(teamDomain: string | undefined, conversationId: string, ts: string): string | undefined {
  if (!teamDomain) return undefined;
  return `https://${teamDomain}.slack.com/archives/${conversationId}/p${ts.replace('.', '')}`;
}

export function registerLogFromMessageShortcut(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'shortcut' });

  app.shortcut(
    { callback_id: CALLBACK.logFromMessageShortcut, type: 'message_action' },
    async ({ shortcut, ack, client }) => {
      await ack();
      const replyTo = { responseUrl: shortcut.response_url, conversationId: shortcut.channel.id };
      await afterAck(deps, { slackUserId: shortcut.user.id, action: 'open_form', replyTo }, async () => {
        const userId = shortcut.user.id;
        const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
        const conversationId = shortcut.channel.id;
        const ts = shortcut.message.ts;
        const localPermalink = permalinkFor(shortcut.team?.domain, conversationId, ts);
        const draft = draftFromMessage(
          { text: shortcut.message.text ?? '', ts, permalink: localPermalink },
          { timeZone },
        );
        const metadata = {
          uniqueId: deps.newUniqueId(),
          replyTo: { responseUrl: shortcut.response_url, conversationId },
          source: 'shortcut' as const,
        };
        const viewId = await openLogModal(deps, {
          client,
          triggerId: shortcut.trigger_id,
          userId,
          draft,
          metadata,
          conversationId,
        });

        if (!localPermalink && viewId) {
          try {
            const { permalink } = await client.chat.getPermalink({ channel: conversationId, message_ts: ts });
            if (permalink) {
              const withLink = draftFromMessage({ text: shortcut.message.text ?? '', ts, permalink }, { timeZone });
              const linked = applyChannelLink(deps, withLink, conversationId);
              const view = buildLogModal({
                draft: { ...linked.draft, channelId: deps.prefs.peek(userId)?.lastChannelId },
                accountFromChannel: linked.accountFromChannel,
                accountField: accountFieldFor(deps, linked.draft.accountNo),
                metadata,
                submitterId: userId,
                channels: deps.reference.channels.current(),
                defaultChannelId: deps.config.caliq.defaultChannelId,
              });
              await client.views.update({ view_id: viewId, view });
            }
          } catch (error) {
            log.warn({ err: error, conversationId }, 'could not add the permalink to the modal');
          }
        }
        await prepareSubmitter(deps, userId, metadata);
      });
    },
  );
}
