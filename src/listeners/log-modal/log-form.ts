// The log form built from what this process holds in memory, and updated in place unless the person changed it.
import type { ModalView } from '@slack/types';
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { updateView } from '../../slack-api/index.js';
import { buildLogModal, type LogModalInput } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';
import { accountFieldFor } from './account-field.js';

/** What a caller says about the form; the account field, Caliq's channels and the default channel come from memory. */
export type LogFormInput = Omit<LogModalInput, 'accountField' | 'channels' | 'defaultChannelId'>;

/** Never waits: everything read here is in memory, so the form can be built before views.open. */
export function logFormFor(deps: ListenerDeps, form: LogFormInput): ModalView {
  return buildLogModal({
    ...form,
    accountField: accountFieldFor(deps, form.draft.accountNo),
    channels: deps.reference.channels.current(),
    defaultChannelId: deps.config.caliq.defaultChannelId,
  });
}

/**
 * Replaces an open form with `updated`, unless the person changed it since Slack sent `view` (Slack answers
 * hash_conflict): then it is left as they have it, and their next action updates it again. Other failures are thrown.
 */
export async function updateFormUnlessChanged(
  client: WebClient,
  view: { id: string; hash: string },
  updated: ModalView,
): Promise<void> {
  try {
    await updateView(client, { view_id: view.id, hash: view.hash, view: updated });
  } catch (error) {
    if (error instanceof WebAPIPlatformError && error.data.error === 'hash_conflict') return;
    throw error;
  }
}
