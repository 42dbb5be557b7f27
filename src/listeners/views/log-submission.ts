// Submission of the log modal: validate synchronously, answer errors inline, else journal, ack, send, report.
import type { App } from '@slack/bolt';
import type { Accepted } from '../../delivery/index.js';
import { BLOCK, CALLBACK } from '../../ids.js';
import { readDraft, validateDraft } from '../../interactions/index.js';
import {
  decodeModalMetadata,
  describeUnmappedFollowUp,
  FORM_OUT_OF_DATE,
  JOURNAL_WRITE_FAILED,
  readFormExtras,
} from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { answerRepeat } from '../log-modal/answer-repeat.js';
import { resolveSubmissionContext, unmappedSubmitterAnswer } from '../log-modal/submission-context.js';

export function registerLogSubmission(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'log-submission' });

  app.view(CALLBACK.logModal, async ({ ack, body, view }) => {
    const userId = body.user.id;
    const metadata = decodeModalMetadata(view.private_metadata);
    if (!metadata) {
      log.warn({ userId }, 'log modal submitted without readable metadata');
      await ack();
      await afterAck(deps, { slackUserId: userId, action: 'check_form' }, async () => {
        await deps.notifier.notify({ slackUserId: userId, message: FORM_OUT_OF_DATE });
      });
      return;
    }
    // The thread's transcript travels in the view itself (shown to the user as it will be sent), not in server memory.
    const { thread, rememberedContacts } = readFormExtras(view.blocks);
    const draft = {
      ...readDraft(view.state.values as Record<string, Record<string, unknown>>),
      ...(thread ? { thread } : {}),
      ...(rememberedContacts ? { rememberedContacts } : {}),
    };
    const context = await resolveSubmissionContext(deps, userId, draft.followUpBy);

    if (!context.contactedBy.ok) {
      await ack();
      log.info({ userId, reason: context.contactedBy.reason }, 'submitter not mapped; nothing sent');
      const message = unmappedSubmitterAnswer(deps, userId, context.contactedBy.reason);
      await afterAck(deps, { slackUserId: userId, action: 'check_form', replyTo: metadata.replyTo }, async () => {
        await deps.notifier.notify({ slackUserId: userId, replyTo: metadata.replyTo, message });
      });
      return;
    }

    const followUpLookup = context.followUp?.lookup;
    const result = validateDraft(draft, {
      uniqueId: metadata.uniqueId,
      now: deps.now(),
      userTimeZone: context.userTimeZone,
      followUpTimeZone: context.followUp?.timeZone ?? context.userTimeZone,
      contactedBy: context.contactedBy.employeeId,
      followUpEmployee:
        followUpLookup === undefined
          ? undefined
          : followUpLookup.ok
            ? { ok: true, employeeId: followUpLookup.employeeId }
            : {
                ok: false,
                message: describeUnmappedFollowUp(followUpLookup, deps.config.people.mappingContact) ?? '',
              },
      knownAccountNos: deps.reference.knownAccountNos(),
      channels: deps.reference.channels.current(),
      defaultChannelId: deps.config.caliq.defaultChannelId,
      notesMaxLength: deps.config.caliq.notesMaxLength,
    });
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
      return;
    }
    let accepted: Accepted;
    try {
      accepted = await deps.delivery.accept({
        uniqueId: metadata.uniqueId,
        slackUserId: userId,
        slackTeamId: body.team?.id,
        interaction: result.interaction,
        draft,
        replyTo: metadata.replyTo,
        followUpSlackUserId: result.interaction.followUp ? draft.followUpBy : undefined,
      });
    } catch (error) {
      // Nothing is sent that was not journaled first; the form stays open with everything the user typed.
      log.error({ err: error, userId, uniqueId: metadata.uniqueId }, 'could not journal the interaction');
      await ack({ response_action: 'errors', errors: { [BLOCK.account]: JOURNAL_WRITE_FAILED } });
      return;
    }
    await ack();
    const ending = { slackUserId: userId, replyTo: metadata.replyTo, context: { uniqueId: metadata.uniqueId } };
    await afterAck(deps, { ...ending, action: 'submit' }, async () => {
      // Shows the new entry as waiting on the Home tab; the delivery outcome refreshes it again.
      deps.home.request(userId);

      const { customer } = result.interaction;
      if ('accountNo' in customer) deps.accounts.recent.remember(userId, customer.accountNo);
      // Remembered in the background (the cache skips an unchanged channel); a failure only loses a form default.
      deps.prefs.setLastChannel(userId, result.interaction.channelId).catch((error: unknown) => {
        log.warn({ err: error, userId }, 'could not remember the last channel');
      });
      const submitted = await deps.delivery.send(accepted);
      log.info({ userId, uniqueId: metadata.uniqueId, status: submitted.status }, 'interaction submitted');

      await answerRepeat(deps, {
        slackUserId: userId,
        replyTo: metadata.replyTo,
        timeZone: context.userTimeZone,
        result: submitted,
      });
    });
  });
}
