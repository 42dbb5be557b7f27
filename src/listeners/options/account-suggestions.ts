// block_suggestion for the account field: ranked customers from the in-memory index, never a Caliq call per keystroke.
import type { App } from '@slack/bolt';
import { BLOCK, ELEMENT } from '../../ids.js';
import { buildAccountSuggestions } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';

export function registerAccountSuggestions(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'account-suggestions' });

  app.options<'block_suggestion'>(
    { type: 'block_suggestion', block_id: BLOCK.account, action_id: ELEMENT.account },
    async ({ ack, body }) => {
      const matches = deps.accounts.search(body.user.id, body.value ?? '');
      // A search field is only shown once the list has loaded, so this is a form from before a restart.
      if (matches === undefined) log.warn({ userId: body.user.id }, 'account search asked before the list loaded');
      await ack(buildAccountSuggestions(matches ?? []));
    },
  );
}
