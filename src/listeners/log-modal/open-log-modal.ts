// Opens the log modal from any entry point: no network call before views.open, enrichment after.
import type { WebClient } from '@slack/web-api';
import type { Draft, ModalMetadata } from '../../interactions/index.js';
import { buildLogModal, buildUnmappedUserMessage } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';
import { accountFieldFor } from './account-field.js';
import { seedRecentAccounts } from './seed-recent-accounts.js';

export type OpenLogModalArgs = {
  client: WebClient;
  triggerId: string;
  userId: string;
  draft: Draft;
  metadata: ModalMetadata;
  /** The Slack channel the form was opened from; a channel linked to an account preselects it. */
  conversationId?: string;
  /** Lines at the top of the form (where the contact came from). */
  notices?: readonly string[];
};

/** The view Slack opened: its id and the hash a later views.update must quote. */
export type OpenedView = { id: string; hash: string | undefined };

/**
 * The draft with the linked channel's account when the user named none, and the channel's name for "from #channel".
 * Read from memory only: nothing may wait before views.open.
 */
export function applyChannelLink(
  deps: Pick<ListenerDeps, 'links'>,
  draft: Draft,
  conversationId: string | undefined,
): { draft: Draft; accountFromChannel: string | undefined } {
  const link = conversationId && !draft.accountNo ? deps.links.get(conversationId) : undefined;
  if (!link) return { draft, accountFromChannel: undefined };
  return {
    draft: { ...draft, accountNo: link.accountNo },
    accountFromChannel: link.channelName ?? link.conversationId,
  };
}

/** Builds the modal from what is already in memory (channel list, last choice, links) and opens it at once. */
export async function openLogModal(deps: ListenerDeps, args: OpenLogModalArgs): Promise<OpenedView | undefined> {
  const lastChannelId = deps.prefs.peek(args.userId)?.lastChannelId;
  const { draft, accountFromChannel } = applyChannelLink(deps, args.draft, args.conversationId);
  const view = buildLogModal({
    draft: { ...draft, channelId: draft.channelId ?? lastChannelId },
    accountFromChannel,
    accountField: accountFieldFor(deps, draft.accountNo),
    metadata: args.metadata,
    submitterId: args.userId,
    channels: deps.reference.channels.current(),
    defaultChannelId: deps.config.caliq.defaultChannelId,
    ...(args.notices ? { notices: args.notices } : {}),
  });
  const opened = await args.client.views.open({ trigger_id: args.triggerId, view });
  await seedRecentAccounts(deps, args.userId);
  return opened.view?.id ? { id: opened.view.id, hash: opened.view.hash } : undefined;
}

/**
 * After the modal is open: warm the user's time zone, employee ID and prefs so submission never waits, and tell
 * an unmapped user now, before they type everything, that nothing can be sent yet.
 */
export async function prepareSubmitter(deps: ListenerDeps, userId: string, metadata: ModalMetadata): Promise<void> {
  deps.people.warm(userId);
  // Loads the user's remembered channel, so the next modal they open is built from memory.
  deps.prefs.get(userId).catch((error: unknown) => {
    deps.logger.warn({ err: error, userId }, 'could not load the user’s preferences');
  });
  const lookup = await deps.people.resolveEmployee(userId);
  if (lookup.ok || lookup.reason === 'lookup_failed') return;
  await deps.notifier.notify({
    slackUserId: userId,
    replyTo: metadata.replyTo,
    message: buildUnmappedUserMessage({
      slackUserId: userId,
      mappingContact: deps.config.people.mappingContact,
      who: 'you',
    }),
  });
}
