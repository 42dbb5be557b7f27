// The "Log interaction" message shortcut: the form opens at once with the message; its thread, its author (a customer
// from another organisation) and the channel's sharing are read afterwards and the form updated with them.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { CALLBACK } from '../../ids.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { enrichFromMessage } from '../log-modal/enrich-from-message.js';
import { openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';
import { permalinkFor, prefillFromMessage } from '../log-modal/prefill-from-message.js';

const textField = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

export function registerLogFromMessageShortcut(app: App, deps: ListenerDeps): void {
  app.shortcut(
    { callback_id: CALLBACK.logFromMessageShortcut, type: 'message_action' },
    async ({ shortcut, ack, client, context }) => {
      await ack();
      const replyTo = { responseUrl: shortcut.response_url, conversationId: shortcut.channel.id };
      await afterAck(deps, { slackUserId: shortcut.user.id, action: 'open_form', replyTo }, async () => {
        const userId = shortcut.user.id;
        const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
        const conversationId = shortcut.channel.id;
        const { message } = shortcut;
        const ts = message.ts;
        const text = message.text ?? '';
        const threadTs = textField(message.thread_ts);
        const teamDomain = shortcut.team?.domain;
        const { draft, notices } = prefillFromMessage(
          { text, ts, permalink: permalinkFor(teamDomain, conversationId, ts) },
          timeZone,
        );
        const metadata = { uniqueId: deps.newUniqueId(), replyTo, source: 'shortcut' as const };
        const opened = await openLogModal(deps, {
          client,
          triggerId: shortcut.trigger_id,
          userId,
          draft,
          metadata,
          conversationId,
          notices,
          // Offered in the one update below, with the thread and the author.
          offerRememberedContacts: false,
        });

        if (opened) {
          const links = await permalinksOf(deps, client, { teamDomain, conversationId, ts, threadTs });
          const finalDraft =
            teamDomain || !links.message
              ? draft
              : prefillFromMessage({ text, ts, permalink: links.message }, timeZone).draft;
          const authorTeam = textField(message.user_team) ?? textField(message.team);
          await enrichFromMessage(deps, {
            client,
            view: opened,
            userId,
            timeZone,
            conversationId,
            conversationName: shortcut.channel.name || undefined,
            ownTeamId: shortcut.team?.id ?? shortcut.user.team_id,
            botUserId: context.botUserId,
            message: {
              ts,
              text,
              ...(message.user ? { user: message.user } : {}),
              ...(authorTeam ? { team: authorTeam } : {}),
              ...(threadTs ? { threadTs } : {}),
            },
            draft: finalDraft,
            notices,
            metadata,
            threadPermalink: links.thread,
            draftChanged: finalDraft !== draft,
          });
        }
        await prepareSubmitter(deps, userId, metadata);
      });
    },
  );
}

/** The message's and its thread's permalinks: built locally when the team's domain is known, else asked of Slack. */
export async function permalinksOf(
  deps: Pick<ListenerDeps, 'logger'>,
  client: WebClient,
  where: { teamDomain: string | undefined; conversationId: string; ts: string; threadTs: string | undefined },
): Promise<{ message?: string; thread?: string }> {
  const { teamDomain, conversationId, ts, threadTs } = where;
  if (teamDomain) {
    return {
      message: permalinkFor(teamDomain, conversationId, ts),
      ...(threadTs ? { thread: permalinkFor(teamDomain, conversationId, threadTs) } : {}),
    };
  }
  const ask = (messageTs: string) =>
    client.chat
      .getPermalink({ channel: conversationId, message_ts: messageTs })
      .then((answer) => answer.permalink)
      .catch((error: unknown) => {
        // The form keeps the message without its link; everything else still works.
        deps.logger.warn({ err: error, conversationId }, 'could not add the permalink to the modal');
        return undefined;
      });
  const [message, thread] = await Promise.all([ask(ts), threadTs ? ask(threadTs) : undefined]);
  return { ...(message ? { message } : {}), ...(thread ? { thread } : {}) };
}
