// Checks a built message or modal against Slack's limits, so tests (and a cautious caller) catch what Slack would refuse.
import type { ModalView } from '@slack/types';
import { SLACK_LIMITS } from './limits.js';

type Json = unknown;

function textOf(value: Json): string | undefined {
  if (typeof value === 'object' && value !== null && 'text' in value) {
    const { text } = value as { text: unknown };
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}

function checkLength(problems: string[], where: string, text: string | undefined, max: number): void {
  if (text !== undefined && text.length > max) problems.push(`${where}: ${text.length} characters, limit ${max}`);
}

function checkOption(problems: string[], where: string, option: Json): void {
  checkLength(problems, `${where}.text`, textOf((option as { text?: Json }).text), SLACK_LIMITS.optionText);
  const { value } = option as { value?: unknown };
  if (typeof value === 'string') checkLength(problems, `${where}.value`, value, SLACK_LIMITS.optionValue);
}

function checkElement(problems: string[], where: string, element: Json): void {
  if (typeof element !== 'object' || element === null) return;
  const e = element as Record<string, Json>;
  if (e.type === 'button') {
    checkLength(problems, `${where}.text`, textOf(e.text), SLACK_LIMITS.buttonText);
    if (typeof e.value === 'string') checkLength(problems, `${where}.value`, e.value, SLACK_LIMITS.buttonValue);
  }
  if (typeof e.action_id === 'string') checkLength(problems, `${where}.action_id`, e.action_id, SLACK_LIMITS.actionId);
  if (typeof e.max_length === 'number' && e.max_length > SLACK_LIMITS.plainTextInputMaxLength) {
    problems.push(`${where}.max_length: ${e.max_length}, limit ${SLACK_LIMITS.plainTextInputMaxLength}`);
  }
  if (
    typeof e.initial_value === 'string' &&
    typeof e.max_length === 'number' &&
    e.initial_value.length > e.max_length
  ) {
    problems.push(`${where}.initial_value: longer than its max_length ${e.max_length}`);
  }
  checkLength(problems, `${where}.placeholder`, textOf(e.placeholder), SLACK_LIMITS.placeholder);
  if (Array.isArray(e.options)) {
    const max =
      e.type === 'radio_buttons' || e.type === 'checkboxes'
        ? SLACK_LIMITS.radioOptions
        : SLACK_LIMITS.staticSelectOptions;
    if (e.options.length > max) problems.push(`${where}.options: ${e.options.length}, limit ${max}`);
    e.options.forEach((option, i) => {
      checkOption(problems, `${where}.options[${i}]`, option);
    });
  }
}

function checkBlocks(problems: string[], blocks: readonly Json[]): void {
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const b = block as Record<string, Json>;
    const where = `blocks[${i}]`;
    if (typeof b.block_id === 'string') {
      if (blockIds.has(b.block_id)) problems.push(`${where}.block_id: ${b.block_id} used twice`);
      blockIds.add(b.block_id);
      checkLength(problems, `${where}.block_id`, b.block_id, SLACK_LIMITS.blockId);
    }
    if (b.type === 'section') checkLength(problems, `${where}.text`, textOf(b.text), SLACK_LIMITS.sectionText);
    if (b.type === 'header') checkLength(problems, `${where}.text`, textOf(b.text), SLACK_LIMITS.headerText);
    if (b.type === 'input') {
      checkLength(problems, `${where}.label`, textOf(b.label), SLACK_LIMITS.inputLabel);
      checkLength(problems, `${where}.hint`, textOf(b.hint), SLACK_LIMITS.inputHint);
      checkElement(problems, `${where}.element`, b.element);
    }
    if (b.type === 'context' && Array.isArray(b.elements)) {
      if (b.elements.length > SLACK_LIMITS.contextElements) problems.push(`${where}.elements: too many`);
      b.elements.forEach((element, j) => {
        checkLength(problems, `${where}.elements[${j}]`, textOf(element), SLACK_LIMITS.sectionText);
      });
    }
    if (b.type === 'actions' && Array.isArray(b.elements)) {
      if (b.elements.length > SLACK_LIMITS.actionsElements) problems.push(`${where}.elements: too many`);
      const actionIds = new Set<string>();
      b.elements.forEach((element, j) => {
        const actionId = (element as { action_id?: unknown }).action_id;
        if (typeof actionId === 'string') {
          if (actionIds.has(actionId)) problems.push(`${where}.elements[${j}]: action_id ${actionId} used twice`);
          actionIds.add(actionId);
        }
        checkElement(problems, `${where}.elements[${j}]`, element);
      });
    }
    if (b.accessory) checkElement(problems, `${where}.accessory`, b.accessory);
  });
}

/** Every way a chat message (text + blocks) breaks Slack's limits; empty when it is fine. */
export function listMessageLimitViolations(message: { text: string; blocks?: readonly Json[] }): string[] {
  const problems: string[] = [];
  if (message.text.trim() === '') problems.push('text: empty');
  checkLength(problems, 'text', message.text, SLACK_LIMITS.messageText);
  const blocks = message.blocks ?? [];
  if (blocks.length > SLACK_LIMITS.messageBlocks) {
    problems.push(`blocks: ${blocks.length}, limit ${SLACK_LIMITS.messageBlocks}`);
  }
  checkBlocks(problems, blocks);
  return problems;
}

/** Every way a modal breaks Slack's limits; empty when it is fine. */
export function listModalLimitViolations(view: ModalView): string[] {
  const problems: string[] = [];
  checkLength(problems, 'title', view.title.text, SLACK_LIMITS.modalTitle);
  checkLength(problems, 'submit', view.submit?.text, SLACK_LIMITS.modalButton);
  checkLength(problems, 'close', view.close?.text, SLACK_LIMITS.modalButton);
  checkLength(problems, 'callback_id', view.callback_id, SLACK_LIMITS.callbackId);
  checkLength(problems, 'private_metadata', view.private_metadata, SLACK_LIMITS.privateMetadata);
  if (view.blocks.length > SLACK_LIMITS.modalBlocks) {
    problems.push(`blocks: ${view.blocks.length}, limit ${SLACK_LIMITS.modalBlocks}`);
  }
  if (view.blocks.some((block) => block.type === 'input') && !view.submit)
    problems.push('submit: required with inputs');
  checkBlocks(problems, view.blocks);
  const bytes = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (bytes > SLACK_LIMITS.viewBytes) problems.push(`view: ${bytes} bytes, limit ${SLACK_LIMITS.viewBytes}`);
  return problems;
}
