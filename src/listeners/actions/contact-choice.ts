// An account chosen in the form offers the people logged with it before; "Someone new" shows the name fields and a
// remembered person hides them. Each answer is one views.update with the view's hash.
import type { BlockAction } from '@slack/bolt';
import { ELEMENT } from '../../ids.js';
import { type Draft, readDraft } from '../../interactions/index.js';
import type { ActionRoutes } from '../../slack-app/index.js';
import { decodeModalMetadata, readFormExtras } from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { logFormFor, updateFormUnlessChanged } from '../log-modal/log-form.js';
import { rememberedContactsFor } from '../log-modal/remembered-contacts.js';

export function registerContactChoice(actions: ActionRoutes, deps: ListenerDeps): void {
  for (const actionId of [ELEMENT.account, ELEMENT.contactChoice]) {
    actions.on<BlockAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const view = body.view;
      const metadata = view ? decodeModalMetadata(view.private_metadata) : undefined;
      if (!view || !metadata) return;
      const userId = body.user.id;
      await afterAck(deps, { slackUserId: userId, action: 'show_contacts', replyTo: metadata.replyTo }, async () => {
        const extras = readFormExtras(view.blocks);
        let draft: Draft = {
          ...readDraft(view.state.values as Record<string, Record<string, unknown>>),
          ...(extras.thread ? { thread: extras.thread } : {}),
          ...(extras.rememberedContacts ? { rememberedContacts: extras.rememberedContacts } : {}),
        };
        if (actionId === ELEMENT.account) {
          const timeZone = deps.people.timeZoneOf(userId) ?? deps.config.caliq.timeZone;
          const remembered = await rememberedContactsFor(deps, {
            accountNo: draft.accountNo,
            teamId: body.team?.id,
            timeZone,
          });
          // Another account's people are not this one's: the choice starts again.
          const { rememberedContacts: _old, contactChoice: _choice, ...rest } = draft;
          draft = remembered.length > 0 ? { ...rest, rememberedContacts: remembered } : rest;
        }
        const updated = logFormFor(deps, { draft, metadata, submitterId: userId, notices: extras.notices });
        // The form changed meanwhile: the user's next choice updates it again.
        await updateFormUnlessChanged(client, view, updated);
      });
    });
  }
}
