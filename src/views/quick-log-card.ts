// The ephemeral preview a quick log answers with: each field as it will reach Caliq, or what is missing, and buttons.
import type { KnownBlock } from '@slack/types';
import type { CaliqChannel, InteractionInput } from '../caliq/index.js';
import { formatForTwoZones, formatInZone } from '../dates/index.js';
import { ACTION } from '../ids.js';
import type { PlainAnswer } from './answer-messages.js';
import { actionsBlock, buttonElement, contextBlock, fallbackText, type MessageView, sectionBlock } from './blocks.js';
import { describeKind, mentionUser } from './describe.js';
import { escapeMrkdwn, truncateMrkdwn } from './escape.js';

/** How long a card may be logged after it was shown; older cards only say to start again. */
export const QUICK_LOG_MAX_AGE_MS = 15 * 60_000;

export type QuickLogCardInput = {
  interaction: InteractionInput;
  /** The account's name when Caliq has told us. */
  accountName: string | undefined;
  channels: readonly CaliqChannel[] | undefined;
  /** The reader's zone: "when" is shown in it. */
  timeZone: string;
  followUp?: { slackUserId: string; timeZone: string } | undefined;
  /** The encoded button value (UniqueID, creation time, draft). */
  value: string;
};

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function fieldLines(input: QuickLogCardInput): string[] {
  const { interaction, timeZone } = input;
  const account = 'accountNo' in interaction.customer ? interaction.customer.accountNo : '';
  const name = input.accountName ? ` · ${input.accountName}` : '';
  const contact =
    'firstName' in interaction.contact ? `${interaction.contact.firstName} ${interaction.contact.surname}` : '';
  const channel = input.channels?.find((known) => known.id === interaction.channelId)?.description;
  const when = interaction.onDateTime ? `${formatInZone(interaction.onDateTime, timeZone)} (your time)` : 'now';
  const lines = [
    `*Kind:* ${capitalize(describeKind(interaction.kind))}`,
    `*Account:* ${escapeMrkdwn(account + name)}`,
    `*Contact:* ${escapeMrkdwn(contact)}`,
    `*When:* ${escapeMrkdwn(when)}`,
    `*Channel:* ${escapeMrkdwn(channel ?? String(interaction.channelId))}`,
  ];
  if (interaction.notes) lines.push(`*Notes:* ${escapeMrkdwn(interaction.notes)}`);
  if (interaction.followUp && input.followUp) {
    const at = formatForTwoZones(new Date(interaction.followUp.at), {
      theirs: input.followUp.timeZone,
      yours: timeZone,
    });
    lines.push(`*Follow up:* ${escapeMrkdwn(at)}, by ${mentionUser(input.followUp.slackUserId)}`);
  }
  return lines;
}

const cancelButton = (value: string) => buttonElement({ text: 'Cancel', actionId: ACTION.quickLogCancel, value });

/** Everything reads: the fields as Caliq will get them, and Log it, Edit, Cancel. */
export function buildQuickLogCard(input: QuickLogCardInput): MessageView {
  const headline = 'Here is what I’ll log in Caliq. Nothing is sent until you press *Log it*.';
  const blocks: KnownBlock[] = [
    sectionBlock(headline),
    sectionBlock(fieldLines(input).join('\n')),
    actionsBlock([
      buttonElement({ text: 'Log it', actionId: ACTION.quickLogConfirm, value: input.value, style: 'primary' }),
      buttonElement({ text: 'Edit', actionId: ACTION.quickLogEdit, value: input.value }),
      cancelButton(input.value),
    ]),
    contextBlock('This preview can be logged for 15 minutes.'),
  ];
  const text = `Preview: ${describeKind(input.interaction.kind)}; press Log it to send it to Caliq.`;
  return { text: fallbackText(text), blocks };
}

/** Something is missing or ambiguous: what, and Edit first; there is no Log it, so nothing can be sent. */
export function buildQuickLogProblemCard(input: { problems: readonly string[]; value: string }): MessageView {
  const list = input.problems.map((problem) => `• ${problem}`).join('\n');
  const headline = 'I can’t log this line yet, so nothing was sent:';
  return {
    text: fallbackText(`${headline} ${input.problems.join(' ')}`),
    blocks: [
      sectionBlock(truncateMrkdwn(`${headline}\n${list}`, 3000)),
      actionsBlock([
        buttonElement({ text: 'Edit', actionId: ACTION.quickLogEdit, value: input.value, style: 'primary' }),
        cancelButton(input.value),
      ]),
      contextBlock('Edit opens the form with what I could read. `/log-interaction help` shows how to write a line.'),
    ],
  };
}

/** Longer lines go to the form: a card's buttons carry the whole draft in 2000 characters. */
export const QUICK_LOG_MAX_TEXT = 1200;
export const QUICK_LOG_TOO_LONG: PlainAnswer = {
  text: 'That line is too long for a preview, so nothing was sent. Run /log-interaction alone to use the form.',
};
export const QUICK_LOG_STALE: PlainAnswer = {
  text: 'This preview is more than 15 minutes old, so nothing was sent. Run /log-interaction again to start over.',
};
export const QUICK_LOG_CANCELLED: PlainAnswer = { text: 'Cancelled; nothing was sent to Caliq.' };
export const QUICK_LOG_UNREADABLE: PlainAnswer = {
  text: 'I could not read that preview, so nothing was sent. Run /log-interaction again.',
};
