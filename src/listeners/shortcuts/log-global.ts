// The global "Log interaction" shortcut (⚡ menu): the empty form; no channel and no response_url, so outcomes go by DM.
import type { App } from '@slack/bolt';
import { CALLBACK } from '../../ids.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { openLogModal, prepareSubmitter } from '../log-modal/open-log-modal.js';

export function registerLogGlobalShortcut(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'global-shortcut' });

  app.shortcut({ callback_id: CALLBACK.logGlobalShortcut, type: 'shortcut' }, async ({ shortcut, ack, client }) => {
    await ack();
    const userId = shortcut.user.id;
    await afterAck(deps, { slackUserId: userId, action: 'open_form' }, async () => {
      // An empty reply target: the notifier falls back to a DM for every answer.
      const metadata = { uniqueId: deps.newUniqueId(), replyTo: {}, source: 'global_shortcut' as const };
      await openLogModal(deps, { client, triggerId: shortcut.trigger_id, userId, draft: {}, metadata });
      log.debug({ userId, uniqueId: metadata.uniqueId }, 'log modal opened from the global shortcut');
      await prepareSubmitter(deps, userId, metadata);
    });
  });
}
