// Small Block Kit constructors that apply Slack's limits, so each message builder stays about wording.
import type { ActionsBlock, Button, ContextBlock, KnownBlock, PlainTextElement, SectionBlock } from '@slack/types';
import { truncate, truncateMrkdwn } from './escape.js';
import { SLACK_LIMITS, ViewLimitError } from './limits.js';

/** A chat message: `text` is the notification / screen-reader fallback and is never empty. */
export type MessageView = { text: string; blocks: KnownBlock[] };

export function plainText(text: string): PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

/** A section of mrkdwn that is already escaped; cut to Slack's 3000 characters. */
export function sectionBlock(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(mrkdwn, SLACK_LIMITS.sectionText) } };
}

export function contextBlock(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateMrkdwn(mrkdwn, SLACK_LIMITS.sectionText) }] };
}

export function buttonElement(input: {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}): Button {
  if (input.value.length > SLACK_LIMITS.buttonValue) {
    throw new ViewLimitError(
      `button value is ${input.value.length} characters; Slack allows ${SLACK_LIMITS.buttonValue}`,
    );
  }
  return {
    type: 'button',
    action_id: input.actionId,
    text: plainText(truncate(input.text, SLACK_LIMITS.buttonText)),
    value: input.value,
    ...(input.style ? { style: input.style } : {}),
  };
}

export function actionsBlock(elements: ActionsBlock['elements']): ActionsBlock {
  return { type: 'actions', elements };
}

/** Plain fallback `text`: the first line of what the blocks say, within Slack's limit. */
export function fallbackText(text: string): string {
  return truncateMrkdwn(text, 3000);
}
