// Enter in a date field, or a follow-up person picked: show in the modal how the bot understood it.
import type { BlockAction } from '@slack/bolt';
import { ELEMENT } from '../../ids.js';
import { readDraft } from '../../interactions/index.js';
import type { ActionRoutes } from '../../slack-app/index.js';
import { computeModalHints, decodeModalMetadata, readFormExtras } from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { logFormFor, updateFormUnlessChanged } from '../log-modal/log-form.js';
import { resolveSubmissionContext } from '../log-modal/submission-context.js';

export function registerModalChecks(actions: ActionRoutes, deps: ListenerDeps): void {
  for (const actionId of [ELEMENT.when, ELEMENT.followUpWhen, ELEMENT.followUpBy]) {
    actions.on<BlockAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const view = body.view;
      if (!view) return;
      const metadata = decodeModalMetadata(view.private_metadata);
      if (!metadata) return;
      const userId = body.user.id;
      await afterAck(deps, { slackUserId: userId, action: 'show_hint', replyTo: metadata.replyTo }, async () => {
        const extras = readFormExtras(view.blocks);
        const draft = {
          ...readDraft(view.state.values as Record<string, Record<string, unknown>>),
          ...(extras.thread ? { thread: extras.thread } : {}),
          ...(extras.rememberedContacts ? { rememberedContacts: extras.rememberedContacts } : {}),
        };
        const context = await resolveSubmissionContext(deps, userId, draft.followUpBy);
        const hints = computeModalHints({
          draft,
          now: deps.now(),
          userTimeZone: context.userTimeZone,
          followUpTimeZone: context.followUp?.timeZone ?? context.userTimeZone,
          followUpLookup: context.followUp?.lookup,
          mappingContact: deps.config.people.mappingContact,
        });
        const updated = logFormFor(deps, { draft, metadata, submitterId: userId, hints, notices: extras.notices });
        // The user changed the form meanwhile: the next Enter shows the hint again.
        await updateFormUnlessChanged(client, view, updated);
      });
    });
  }
}
