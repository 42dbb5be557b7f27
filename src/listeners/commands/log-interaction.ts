// /log-interaction [text | help | status | followups | link | unlink]: ack first, then open the modal or answer.
import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { COMMAND } from '../../ids.js';
import { type CommandText, parseCommandText, parseQuickLog, type QuickLine } from '../../interactions/index.js';
import {
  buildFollowupsListMessage,
  buildHelpMessage,
  buildListUnavailableMessage,
  buildStatusMessage,
  FOLLOWUPS_WINDOW_DAYS,
  type MessageView,
  QUICK_LOG_MAX_TEXT,
  QUICK_LOG_TOO_LONG,
  STATUS_WINDOW_DAYS,
} from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';
import { buildPreview } from '../quick-log/preview.js';
import { linkChannel, unlinkChannel } from './link-channel.js';

const DAY_MS = 24 * 3_600_000;

type CommandArgs = { command: SlashCommand; client: WebClient; respond: RespondFn; botUserId: string | undefined };

export function registerLogInteractionCommand(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'command' });

  app.command(COMMAND, async ({ command, ack, client, respond, context }) => {
    const userId = command.user_id;
    const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
    const parsed = parseCommandText(command.text ?? '', { timeZone, now: deps.now() });
    if (parsed.subcommand !== undefined) deps.people.warm(userId);
    if (parsed.subcommand === 'help') {
      await ack(buildHelpMessage(COMMAND));
      return;
    }
    await ack();
    // A line that names a contact or a follow-up is answered with a preview card; read after the ack, as it needs none.
    const text = command.text ?? '';
    const quick =
      parsed.subcommand === undefined && text.length <= QUICK_LOG_MAX_TEXT
        ? parseQuickLog(text, { timeZone, now: deps.now() })
        : undefined;
    const args: CommandArgs = { command, client, respond, botUserId: context.botUserId };
    const replyTo = { responseUrl: command.response_url, conversationId: command.channel_id };
    if (quick) {
      await afterAck(deps, { slackUserId: userId, action: 'quick_log', replyTo }, () => answerQuick(quick, args));
      return;
    }
    const action = parsed.subcommand ?? 'open_form';
    await afterAck(deps, { slackUserId: userId, action, replyTo }, () => answer(parsed, args, timeZone));
  });

  async function answer(parsed: CommandText, args: CommandArgs, timeZone: string): Promise<void> {
    const { command, client, respond } = args;
    const userId = command.user_id;
    switch (parsed.subcommand) {
      case 'status':
      case 'followups':
        // The lists come from the database (a network call with PostgreSQL), so they are answered after the ack.
        await respond({ response_type: 'ephemeral', ...(await listFor(parsed.subcommand, userId, timeZone)) });
        return;
      case 'link':
      case 'unlink': {
        const request = {
          client,
          respond,
          command: command.command || COMMAND,
          userId,
          teamId: command.team_id,
          conversationId: command.channel_id,
          botUserId: args.botUserId,
        };
        if (parsed.subcommand === 'link') await linkChannel(deps, request, parsed.accountNo);
        else await unlinkChannel(deps, request);
        return;
      }
      case undefined: {
        const metadata = {
          uniqueId: deps.newUniqueId(),
          replyTo: { responseUrl: command.response_url, conversationId: command.channel_id },
          source: 'command' as const,
        };
        const opened = { client, triggerId: command.trigger_id, userId, draft: parsed.draft, metadata };
        await openLogModal(deps, { ...opened, conversationId: command.channel_id, teamId: command.team_id });
        log.debug({ userId, uniqueId: metadata.uniqueId }, 'log modal opened');
        await prepareSubmitter(deps, userId, metadata);
        return;
      }
    }
  }

  /** The preview card, ephemeral through the response_url; a draft too long for its buttons is answered in words. */
  async function answerQuick(line: QuickLine, args: CommandArgs): Promise<void> {
    const { command, respond } = args;
    const uniqueId = deps.newUniqueId();
    deps.people.warm(command.user_id);
    const request = { userId: command.user_id, conversationId: command.channel_id, uniqueId, line };
    const card = await buildPreview(deps, request);
    if (card) {
      await respond({ response_type: 'ephemeral', ...card });
      log.debug({ userId: command.user_id, uniqueId }, 'quick log preview shown');
      return;
    }
    await respond({ response_type: 'ephemeral', ...QUICK_LOG_TOO_LONG });
  }

  /** The user's waiting entries or open follow-ups; a plain "couldn't read" when the database is away. */
  async function listFor(what: 'status' | 'followups', userId: string, timeZone: string): Promise<MessageView> {
    const now = deps.now();
    try {
      if (what === 'followups') {
        const until = new Date(now.getTime() + FOLLOWUPS_WINDOW_DAYS * DAY_MS);
        return buildFollowupsListMessage(await deps.reminders.listOpenFor(userId, until), timeZone, now);
      }
      const since = new Date(now.getTime() - STATUS_WINDOW_DAYS * DAY_MS);
      const entries = await deps.journal.listForUser(userId, since, ['pending', 'rejected', 'failed']);
      return buildStatusMessage(entries, timeZone, now);
    } catch (error) {
      log.warn({ err: error, userId, what }, 'could not read the list for the command');
      return buildListUnavailableMessage(what);
    }
  }
}
