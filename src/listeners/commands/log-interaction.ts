// /log-interaction [text | help | status | followups | link | unlink]: ack first, then open the modal or answer.
import type { App } from '@slack/bolt';
import { COMMAND } from '../../ids.js';
import { parseCommandText } from '../../interactions/index.js';
import {
  buildFollowupsListMessage,
  buildHelpMessage,
  buildListUnavailableMessage,
  buildStatusMessage,
  type MessageView,
} from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';
import { openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';
import { linkChannel, unlinkChannel } from './link-channel.js';

const STATUS_WINDOW_MS = 7 * 24 * 3_600_000;
const FOLLOWUPS_WINDOW_MS = 30 * 24 * 3_600_000;

export function registerLogInteractionCommand(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'command' });

  app.command(COMMAND, async ({ command, ack, client, respond, context }) => {
    const userId = command.user_id;
    const now = deps.now();
    const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
    const parsed = parseCommandText(command.text ?? '', { timeZone, now });
    if (parsed.subcommand !== undefined) deps.people.warm(userId);

    if (parsed.subcommand === 'help') {
      await ack(buildHelpMessage(COMMAND));
      return;
    }
    if (parsed.subcommand === 'status' || parsed.subcommand === 'followups') {
      // The lists come from the database (a network call with PostgreSQL), so they are answered after the ack.
      await ack();
      const what = parsed.subcommand;
      let message: MessageView;
      try {
        message =
          what === 'status'
            ? buildStatusMessage(
                await deps.journal.listForUser(userId, new Date(now.getTime() - STATUS_WINDOW_MS), [
                  'pending',
                  'rejected',
                  'failed',
                ]),
                timeZone,
                now,
              )
            : buildFollowupsListMessage(
                await deps.reminders.listOpenFor(userId, new Date(now.getTime() + FOLLOWUPS_WINDOW_MS)),
                timeZone,
                now,
              );
      } catch (error) {
        log.warn({ err: error, userId, what }, 'could not read the list for the command');
        message = buildListUnavailableMessage(what);
      }
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      return;
    }

    if (parsed.subcommand === 'link' || parsed.subcommand === 'unlink') {
      await ack();
      const request = {
        client,
        respond,
        command: command.command || COMMAND,
        userId,
        teamId: command.team_id,
        channelId: command.channel_id,
        botUserId: context.botUserId,
      };
      if (parsed.subcommand === 'link') await linkChannel(deps, request, parsed.accountNo);
      else await unlinkChannel(deps, request);
      return;
    }

    if (parsed.subcommand !== undefined) return;
    await ack();
    const metadata = {
      uniqueId: deps.newUniqueId(),
      replyTo: { responseUrl: command.response_url, channelId: command.channel_id },
      source: 'command' as const,
    };
    await openLogModal(deps, {
      client,
      triggerId: command.trigger_id,
      userId,
      draft: parsed.draft,
      metadata,
      slackChannelId: command.channel_id,
    });
    log.debug({ userId, uniqueId: metadata.uniqueId }, 'log modal opened');
    await prepareSubmitter(deps, userId, metadata);
  });
}
