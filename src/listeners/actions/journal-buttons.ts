// "Retry" and "Edit and resubmit" on the bot's messages and the Home tab: only the entry's author may press them.
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ACTION } from '../../ids.js';
import type { SlackMessage } from '../../slack-api/index.js';
import type { ActionRoutes } from '../../slack-app/index.js';
import type { JournalEntry } from '../../store/index.js';
import {
  buildAlreadyLoggedMessage,
  ENTRY_NOT_FOUND,
  ENTRY_NOT_YOURS,
  ENTRY_STILL_PENDING,
  type PlainAnswer,
} from '../../views/index.js';
import { type AfterAck, afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { answerRepeat } from '../log-modal/answer-repeat.js';
import { openLogModal } from '../log-modal/open-log-modal.js';
import { pressedOnHome } from './home-buttons.js';

type Found = { entry: JournalEntry } | { problem: PlainAnswer };

async function findOwnEntry(deps: ListenerDeps, uniqueId: string | undefined, userId: string): Promise<Found> {
  const entry = uniqueId ? await deps.journal.get(uniqueId) : undefined;
  if (!entry) return { problem: ENTRY_NOT_FOUND };
  if (entry.slackUserId !== userId) return { problem: ENTRY_NOT_YOURS };
  return { entry };
}

/** Answers where the button was pressed; the Home tab has no response_url, so from there the answer is a DM. */
async function tell(deps: ListenerDeps, body: BlockAction, respond: RespondFn, message: SlackMessage): Promise<void> {
  if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  else await deps.notifier.notify({ slackUserId: body.user.id, message });
}

export function registerJournalButtons(actions: ActionRoutes, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'journal-buttons' });

  /** The presser's own entry named by the button, or undefined once they have been told why not. */
  async function pressedEntry(
    body: BlockAction<ButtonAction>,
    action: ButtonAction,
    respond: RespondFn,
  ): Promise<JournalEntry | undefined> {
    // Home shows the entry's new state (or that it is gone) whatever happens next.
    if (pressedOnHome(body)) deps.home.opened(body.user.id);
    const found = await findOwnEntry(deps, action.value, body.user.id);
    if ('entry' in found) return found.entry;
    await tell(deps, body, respond, found.problem);
    return undefined;
  }

  actions.on<BlockAction<ButtonAction>>(ACTION.retryEntry, async ({ ack, body, action, respond }) => {
    await ack();
    await afterAck(deps, pressOf(body, 'retry', action.value), () => retry(body, action, respond));
  });

  async function retry(body: BlockAction<ButtonAction>, action: ButtonAction, respond: RespondFn): Promise<void> {
    const userId = body.user.id;
    const found = await pressedEntry(body, action, respond);
    if (!found) return;
    const replyTo = { responseUrl: body.response_url, conversationId: body.channel?.id };
    const result = await deps.delivery.retry(found.uniqueId, replyTo);
    log.info({ userId, uniqueId: found.uniqueId, status: result?.status }, 'retry pressed');
    const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
    await answerRepeat(deps, { slackUserId: userId, replyTo, timeZone, result });
  }

  actions.on<BlockAction<ButtonAction>>(ACTION.editEntry, async ({ ack, body, action, client, respond }) => {
    await ack();
    await afterAck(deps, pressOf(body, 'edit', action.value), () => edit(body, action, client, respond));
  });

  async function edit(
    body: BlockAction<ButtonAction>,
    action: ButtonAction,
    client: WebClient,
    respond: RespondFn,
  ): Promise<void> {
    const userId = body.user.id;
    const entry = await pressedEntry(body, action, respond);
    if (!entry) return;
    if (entry.state === 'logged') {
      const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
      await tell(deps, body, respond, buildAlreadyLoggedMessage({ interaction: entry.interaction, timeZone }));
      return;
    }
    if (entry.state === 'pending') {
      // An earlier attempt may already have reached Caliq under this UniqueID, so its content must not change now.
      await tell(deps, body, respond, ENTRY_STILL_PENDING);
      return;
    }
    await openLogModal(deps, {
      client,
      triggerId: body.trigger_id,
      userId,
      draft: entry.draft,
      metadata: {
        uniqueId: entry.uniqueId,
        replyTo: { responseUrl: body.response_url ?? entry.replyTo.responseUrl, conversationId: body.channel?.id },
        source: 'edit',
      },
    });
  }
}

/** Who pressed, where, and which entry: for the answer when the press fails after its ack. */
function pressOf(body: BlockAction, action: 'retry' | 'edit', uniqueId: string | undefined): AfterAck {
  const replyTo = { responseUrl: body.response_url, conversationId: body.channel?.id };
  return { slackUserId: body.user.id, action, replyTo, context: { uniqueId } };
}
