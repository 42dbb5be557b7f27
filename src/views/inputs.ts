// The log modal's input builders: a text field and an input block with Slack's limits applied, shared by its parts.
import type { InputBlock, PlainTextInput } from '@slack/types';
import { plainText } from './blocks.js';
import { truncate } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

export function textInput(
  actionId: string,
  options: {
    maxLength: number;
    initial?: string;
    placeholder?: string;
    multiline?: boolean;
    dispatchOnEnter?: boolean;
  },
): PlainTextInput {
  const initial = options.initial ? truncate(options.initial, options.maxLength) : undefined;
  return {
    type: 'plain_text_input',
    action_id: actionId,
    max_length: options.maxLength,
    ...(initial ? { initial_value: initial } : {}),
    ...(options.placeholder ? { placeholder: plainText(options.placeholder) } : {}),
    ...(options.multiline ? { multiline: true } : {}),
    ...(options.dispatchOnEnter ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } } : {}),
  };
}

export function inputBlock(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  extra: { optional?: boolean; hint?: string; dispatchAction?: boolean } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plainText(label),
    element,
    ...(extra.optional ? { optional: true } : {}),
    ...(extra.hint ? { hint: plainText(truncate(extra.hint, SLACK_LIMITS.inputHint)) } : {}),
    ...(extra.dispatchAction ? { dispatch_action: true } : {}),
  };
}
