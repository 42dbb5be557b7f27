// Opens the log modal from any entry point: no network call before views.open, enrichment after.
import type { WebClient } from '@slack/web-api';
import type { Draft, ModalMetadata } from '../interactions/draft.js';
import { buildLogModal, buildUnmappedUserMessage } from '../views/index.js';
import { accountFieldFor } from './account-field.js';
import type { ListenerDeps } from './deps.js';
import { seedRecentAccounts } from './seed-recent-accounts.js';

export type OpenLogModalArgs = {
  client: WebClient;
  triggerId: string;
  userId: string;
  draft: Draft;
  metadata: ModalMetadata;
};

/** Builds the modal from what is already in memory (channel list, last choice) and opens it at once. */
export async function openLogModal(deps: ListenerDeps, args: OpenLogModalArgs): Promise<string | undefined> {
  const lastChannelId = deps.prefs.get(args.userId).lastChannelId;
  const view = buildLogModal({
    draft: { ...args.draft, channelId: args.draft.channelId ?? lastChannelId },
    accountField: accountFieldFor(deps, args.draft.accountNo),
    metadata: args.metadata,
    submitterId: args.userId,
    channels: deps.reference.channels.current(),
    defaultChannelId: deps.config.caliq.defaultChannelId,
  });
  const opened = await args.client.views.open({ trigger_id: args.triggerId, view });
  await seedRecentAccounts(deps, args.userId);
  return opened.view?.id;
}

/**
 * After the modal is open: warm the user's time zone and employee ID so submission never waits on Slack, and tell
 * an unmapped user now, before they type everything, that nothing can be sent yet.
 */
export async function prepareSubmitter(deps: ListenerDeps, userId: string, metadata: ModalMetadata): Promise<void> {
  deps.people.warm(userId);
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
