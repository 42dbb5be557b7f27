// Renders a Slack modal or message (Block Kit JSON) as readable terminal text: fields, hints, values and buttons.

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string => (isJson(value) && typeof value.text === 'string' ? value.text : '');

const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isJson) : []);

/** Slack mrkdwn made plain enough for a terminal: user mentions, links and bold/italic markers. */
export function plainMrkdwn(text: string): string {
  return text
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/(^|\s)\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1$2')
    .replace(/^(?:>|&gt;)/gm, '│ ');
}

/** What an input element shows before the user touches it. */
function describeElement(element: Json): string {
  const placeholder = textOf(element.placeholder);
  const empty = placeholder ? `(empty; placeholder "${placeholder}")` : '(empty)';
  switch (element.type) {
    case 'plain_text_input':
    case 'number_input':
      return typeof element.initial_value === 'string' && element.initial_value !== ''
        ? `[ ${element.initial_value} ]`
        : empty;
    case 'radio_buttons': {
      const chosen = isJson(element.initial_option) ? element.initial_option.value : undefined;
      return listOf(element.options)
        .map((option) => `${option.value === chosen ? '(•)' : '( )'} ${textOf(option.text)}`)
        .join('  ');
    }
    case 'static_select': {
      const options = listOf(element.options);
      const chosen = isJson(element.initial_option) ? textOf(element.initial_option.text) : undefined;
      return `${chosen ? `[ ${chosen} ▾ ]` : `[ ${placeholder || 'Choose'} ▾ ]`}  (${options.length} options)`;
    }
    case 'external_select': {
      const chosen = isJson(element.initial_option) ? textOf(element.initial_option.text) : undefined;
      return `${chosen ? `[ ${chosen} ▾ ]` : `[ ${placeholder || 'Type to search'} ▾ ]`}  (search as you type)`;
    }
    case 'users_select':
      return typeof element.initial_user === 'string' ? `[ @${element.initial_user} ▾ ]` : empty;
    default:
      return `(${String(element.type)})`;
  }
}

function describeAction(element: Json): string {
  if (element.type === 'button') return `[ ${textOf(element.text)} ]`;
  if (element.type === 'static_select' || element.type === 'overflow') {
    const options = listOf(element.options).map((option) => textOf(option.text));
    return `[ ${textOf(element.placeholder) || 'Choose'} ▾ ${options.join(' / ')} ]`;
  }
  return `[ ${String(element.type)} ]`;
}

/** One line (or a few) per block, indented by `indent`. */
export function renderBlocks(blocks: unknown, indent = '  '): string[] {
  const lines: string[] = [];
  const push = (text: string) => {
    for (const line of text.split('\n')) lines.push(`${indent}${line}`);
  };
  for (const block of listOf(blocks)) {
    switch (block.type) {
      case 'input': {
        const element = isJson(block.element) ? block.element : {};
        push(`${textOf(block.label)}${block.optional ? ' (optional)' : ''}: ${describeElement(element)}`);
        const hint = textOf(block.hint);
        if (hint) push(`    ↳ ${hint}`);
        break;
      }
      case 'header':
        push(`── ${textOf(block.text)} ──`);
        break;
      case 'divider':
        push('────────────────────────────────');
        break;
      case 'section': {
        const text = textOf(block.text);
        if (text) push(plainMrkdwn(text));
        for (const field of listOf(block.fields)) push(plainMrkdwn(textOf(field)));
        if (isJson(block.accessory)) push(describeAction(block.accessory));
        break;
      }
      case 'context':
        push(
          listOf(block.elements)
            .map((element) => plainMrkdwn(textOf(element)))
            .join('  '),
        );
        break;
      case 'actions':
        push(listOf(block.elements).map(describeAction).join('  '));
        break;
      default:
        push(`(${String(block.type)} block)`);
    }
  }
  return lines;
}

/** A modal as a framed form: title, every block, then its buttons. */
export function renderModal(view: Json, indent = '  '): string {
  const title = textOf(view.title);
  const buttons = [textOf(view.close), textOf(view.submit)].filter(Boolean).map((label) => `[ ${label} ]`);
  return [
    `${indent}┌─ ${title} ${'─'.repeat(Math.max(3, 40 - title.length))}`,
    ...renderBlocks(view.blocks, `${indent}│ `),
    `${indent}└─ ${buttons.join('  ')}`,
  ].join('\n');
}

/** A message: its blocks when it has some, else its text. */
export function renderMessage(message: Json, indent = '  '): string {
  const blocks = listOf(message.blocks);
  if (blocks.length > 0) return renderBlocks(blocks, indent).join('\n');
  return `${indent}${plainMrkdwn(typeof message.text === 'string' ? message.text : '')}`;
}
