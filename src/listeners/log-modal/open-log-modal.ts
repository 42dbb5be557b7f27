// Opens the log modal from any entry point: no network call before views.open, enrichment after.
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { Draft, ModalMetadata, RememberedContactOption } from '../../interactions/index.js';
import { openView, updateView } from '../../slack-api/index.js';
import { type buildLogModal, buildUnmappedUserMessage } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';
import { logFormFor } from './log-form.js';
import { rememberedContactsFor } from './remembered-contacts.js';
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
  /** The Slack team, whose earlier contacts with the account the form offers once open; undefined means any. */
  teamId?: string;
  /** false when the caller updates the form itself afterwards (the message shortcut) and offers them there. */
  offerRememberedContacts?: boolean;
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
  const build = (remembered: RememberedContactOption[]) =>
    logFormFor(deps, {
      draft: {
        ...draft,
        channelId: draft.channelId ?? lastChannelId,
        ...(remembered.length > 0 ? { rememberedContacts: remembered } : {}),
      },
      accountFromChannel,
      metadata: args.metadata,
      submitterId: args.userId,
      ...(args.notices ? { notices: args.notices } : {}),
    });
  const opened = await openView(args.client, { trigger_id: args.triggerId, view: build([]) });
  await seedRecentAccounts(deps, args.userId);
  const result = opened.view?.id ? { id: opened.view.id, hash: opened.view.hash } : undefined;
  if (result && args.offerRememberedContacts !== false && draft.accountNo && !draft.contactFirstName) {
    await offerRememberedContacts(deps, args, result, draft.accountNo, build);
  }
  return result;
}

/** An account known at open (typed, linked, prefilled): the people logged with it, added once the form is open. */
async function offerRememberedContacts(
  deps: ListenerDeps,
  args: OpenLogModalArgs,
  opened: OpenedView,
  accountNo: string,
  build: (remembered: RememberedContactOption[]) => ReturnType<typeof buildLogModal>,
): Promise<void> {
  const timeZone = deps.people.timeZoneOf(args.userId) ?? deps.config.caliq.timeZone;
  const remembered = await rememberedContactsFor(deps, { accountNo, teamId: args.teamId, timeZone });
  if (remembered.length === 0) return;
  try {
    await updateView(args.client, {
      view_id: opened.id,
      ...(opened.hash ? { hash: opened.hash } : {}),
      view: build(remembered),
    });
  } catch (error) {
    // The user changed the form first (a date hint); choosing the account again offers them.
    if (error instanceof WebAPIPlatformError && error.data.error === 'hash_conflict') return;
    throw error;
  }
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
