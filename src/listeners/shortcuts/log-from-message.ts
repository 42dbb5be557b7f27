// The "Log interaction" message shortcut: the form opens at once with the message; its thread, its author (a customer
// from another organisation) and the channel's sharing are read afterwards and the form updated with them.
import type { App } from '@slack/bolt';
import { CALLBACK } from '../../ids.js';
import { contactFromEmailText, draftFromMessage, unescapeSlackText } from '../../interactions/index.js';
import { describeContactFromEmail } from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { enrichFromMessage } from '../log-modal/enrich-from-message.js';
import { openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';

/** Slack's permalink format, built locally so nothing waits before views.open; chat.getPermalink when no domain. */
export function permalinkFor(teamDomain: string | undefined, conversationId: string, ts: string): string | undefined {
  if (!teamDomain) return undefined;
  return `https://${teamDomain}.slack.com/archives/${conversationId}/p${ts.replace('.', '')}`;
}

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
        const draft = draftFromMessage(
          { text, ts, permalink: permalinkFor(teamDomain, conversationId, ts) },
          { timeZone },
        );
        // A pasted email names its sender; a colleague's own words name nobody.
        const fromEmail = draft.kind === 'E' ? contactFromEmailText(unescapeSlackText(text)) : undefined;
        if (fromEmail)
          Object.assign(draft, { contactFirstName: fromEmail.firstName, contactSurname: fromEmail.surname });
        const notices = fromEmail ? [describeContactFromEmail(`${fromEmail.firstName} ${fromEmail.surname}`)] : [];
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
          const withPermalinks = await permalinksOf(client, teamDomain, conversationId, ts, threadTs);
          const finalDraft =
            teamDomain || !withPermalinks.message
              ? draft
              : {
                  ...draftFromMessage({ text, ts, permalink: withPermalinks.message }, { timeZone }),
                  ...contactOf(draft),
                };
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
              ...((textField(message.user_team) ?? textField(message.team))
                ? { team: textField(message.user_team) ?? textField(message.team) }
                : {}),
              ...(threadTs ? { threadTs } : {}),
            },
            draft: finalDraft,
            notices,
            metadata,
            threadPermalink: withPermalinks.thread,
            draftChanged: finalDraft !== draft,
          });
        }
        await prepareSubmitter(deps, userId, metadata);
      });
    },
  );
}

const contactOf = (draft: { contactFirstName?: string; contactSurname?: string }) => ({
  ...(draft.contactFirstName ? { contactFirstName: draft.contactFirstName } : {}),
  ...(draft.contactSurname ? { contactSurname: draft.contactSurname } : {}),
});

/** The message's and its thread's permalinks: built locally when the team's domain is known, else asked of Slack. */
async function permalinksOf(
  client: Parameters<typeof enrichFromMessage>[1]['client'],
  teamDomain: string | undefined,
  conversationId: string,
  ts: string,
  threadTs: string | undefined,
): Promise<{ message?: string; thread?: string }> {
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
      .catch(() => undefined);
  const [message, thread] = await Promise.all([ask(ts), threadTs ? ask(threadTs) : undefined]);
  return { ...(message ? { message } : {}), ...(thread ? { thread } : {}) };
}
