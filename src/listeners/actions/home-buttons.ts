// The Home tab's "Log interaction" button: the empty form; the outcome goes by DM (Home has no response_url).
import type { BlockAction } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ActionRoutes } from '../../slack-app/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';

export function registerHomeButtons(actions: ActionRoutes, deps: ListenerDeps): void {
  actions.on<BlockAction>(ACTION.homeLogInteraction, async ({ ack, body, client }) => {
    await ack();
    const userId = body.user.id;
    await afterAck(deps, { slackUserId: userId, action: 'open_form' }, async () => {
      const metadata = { uniqueId: deps.newUniqueId(), replyTo: {}, source: 'home' as const };
      await openLogModal(deps, { client, triggerId: body.trigger_id, userId, draft: {}, metadata });
      deps.home.opened(userId);
      await prepareSubmitter(deps, userId, metadata);
    });
  });
}

/** True when a button was pressed on the App Home tab rather than on a message or in a modal. */
export function pressedOnHome(body: BlockAction): boolean {
  return body.container?.type === 'view' && body.view?.type === 'home';
}
