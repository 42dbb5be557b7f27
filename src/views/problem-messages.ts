// What the user is told when an interaction did not reach Caliq: refused, failed, given up, or blocked by setup.
import type { KnownBlock } from '@slack/types';
import type { CaliqIssue, InteractionInput } from '../caliq/index.js';
import { formatInZone } from '../dates/index.js';
import { ACTION } from '../ids.js';
import { actionsBlock, buttonElement, fallbackText, type MessageView, sectionBlock } from './blocks.js';
import { describeInteraction, formatContact, mentionUser } from './describe.js';
import { escapeMrkdwn } from './escape.js';
import { buildIssueBlocks, formatIssue } from './issues.js';
import { SLACK_LIMITS } from './limits.js';

type InteractionMessageInput = { interaction: InteractionInput; timeZone: string };

/** Retry and Edit buttons for a journal entry, both carrying its UniqueID. */
export function buildEntryButtons(uniqueId: string, options: { retry: boolean } = { retry: true }): KnownBlock {
  const edit = buttonElement({ text: 'Edit and resubmit', actionId: ACTION.editEntry, value: uniqueId });
  if (!options.retry) return actionsBlock([{ ...edit, style: 'primary' }]);
  return actionsBlock([
    buttonElement({ text: 'Retry', actionId: ACTION.retryEntry, value: uniqueId, style: 'primary' }),
    edit,
  ]);
}

/** Caliq refused the interaction; every issue word for word, and a way to fix and resend it. */
export function buildRejectedMessage(
  input: InteractionMessageInput & { issues: CaliqIssue[]; uniqueId: string },
): MessageView {
  const what = describeInteraction(input.interaction, input.timeZone);
  const headline =
    input.issues.length === 0
      ? `❌ Caliq didn't accept your ${what}, so it isn't logged. It gave no reason.`
      : `❌ Caliq didn't accept your ${what}, so it isn't logged. Caliq said:`;
  // Headline, issues, a closing line and the buttons must fit in one message.
  const issueBlocks = buildIssueBlocks(input.issues, SLACK_LIMITS.messageBlocks - 3);
  return {
    text: fallbackText([headline, ...input.issues.map(formatIssue)].join('\n')),
    blocks: [
      sectionBlock(headline),
      ...issueBlocks,
      sectionBlock('Press *Edit and resubmit* to fix it; everything you typed is kept.'),
      buildEntryButtons(input.uniqueId, { retry: false }),
    ],
  };
}

/** The delivery worker stopped retrying after the give-up time; the entry stays saved. */
export function buildGaveUpMessage(input: InteractionMessageInput & { uniqueId: string; since: Date }): MessageView {
  const text =
    `⚠️ I've been trying to send your ${describeInteraction(input.interaction, input.timeZone)} to Caliq since ` +
    `${formatInZone(input.since, input.timeZone)}, but it still isn't answering, so I've stopped for now. ` +
    'Your entry is saved: press Retry to send it again, or Edit to change it first.';
  return { text: fallbackText(text), blocks: [sectionBlock(text), buildEntryButtons(input.uniqueId)] };
}

/** Caliq answered with something the bot cannot use (a 400 or an unexpected reply); the reason in plain words. */
export function buildFailedMessage(input: InteractionMessageInput & { uniqueId: string; reason: string }): MessageView {
  const reason = escapeMrkdwn(input.reason.trim()).replace(/\.$/, '') || 'no reason given';
  const text =
    `⚠️ Caliq couldn't take your ${describeInteraction(input.interaction, input.timeZone)}: ${reason}. ` +
    'Nothing was logged, but your entry is saved: press Retry to send it again, or Edit to change it first.';
  return { text: fallbackText(text), blocks: [sectionBlock(text), buildEntryButtons(input.uniqueId)] };
}

/** Caliq refused the bot's API key (401): not the user's doing; the entry waits for an admin. */
export function buildMisconfiguredMessage(input: InteractionMessageInput & { contact: string }): MessageView {
  const text =
    `🔧 Your ${describeInteraction(input.interaction, input.timeZone)} couldn't be sent yet: Caliq didn't accept ` +
    "this bot's access key. That's a setup problem, not something you did. Your entry is saved and will be sent " +
    `automatically once an admin fixes the key. If it's urgent, let ${formatContact(input.contact)} know.`;
  return { text: fallbackText(text), blocks: [sectionBlock(text)] };
}

export type UnmappedUserMessageInput = {
  slackUserId: string;
  /** Who can add people to the employee map (config MAPPING_CONTACT): a name, email or Slack user ID. */
  mappingContact: string;
  who: 'you' | 'follow-up person';
  /** The Slack profile field that can hold the employee ID, when the workspace uses one. */
  profileFieldLabel?: string;
};

/** A Slack user has no Caliq employee ID, so nothing was sent; says exactly how to get mapped. */
export function buildUnmappedUserMessage(input: UnmappedUserMessageInput): MessageView {
  const id = escapeMrkdwn(input.slackUserId);
  const contact = formatContact(input.mappingContact);
  const problem =
    input.who === 'you'
      ? "🙋 I couldn't send this to Caliq: your Slack account isn't linked to a Caliq employee ID yet. Nothing was sent."
      : `🙋 I couldn't send this to Caliq: ${mentionUser(input.slackUserId)}, the follow-up person, isn't linked to a ` +
        'Caliq employee ID yet. Nothing was sent. Pick someone else for the follow-up, or get them linked.';
  const whose = input.who === 'you' ? 'your' : 'their';
  const profile = input.profileFieldLabel
    ? ` (or fills in the "${escapeMrkdwn(input.profileFieldLabel)}" field on ${whose} Slack profile with it)`
    : '';
  const fix =
    `To get ${input.who === 'you' ? 'you' : 'them'} linked, ask ${contact}: an admin adds the line ` +
    `\`${escapeMrkdwn(`${input.slackUserId},<employee ID>`)}\` to the EMPLOYEE_MAP file${profile}. ` +
    `${whose === 'your' ? 'Your' : 'Their'} Slack member ID is \`${id}\`. Then try again.`;
  return { text: fallbackText(`${problem}\n${fix}`), blocks: [sectionBlock(problem), sectionBlock(fix)] };
}

/** `status` or `followups` when the database could not be read: nothing changed, try again. */
export function buildListUnavailableMessage(what: 'status' | 'followups'): MessageView {
  const listed = what === 'status' ? 'your waiting entries' : 'your follow-ups';
  const text = `⏳ I couldn't read ${listed} just now (the bot's database didn't answer). Nothing changed; try again in a moment.`;
  return { text, blocks: [sectionBlock(text)] };
}
