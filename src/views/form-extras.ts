// The log modal's thread offer (a checkbox and the transcript shown as it will be sent) and its notice lines, built
// into the view and read back from it, so every later update and the submission carry them without server state.
import type { Checkboxes, ContextBlock, InputBlock, KnownBlock, PlainTextElement, PlainTextOption } from '@slack/types';
import { BLOCK, DISPLAY_BLOCK, ELEMENT } from '../ids.js';
import {
  ATTACH_THREAD_VALUE,
  type Draft,
  type RememberedContactOption,
  type ThreadOffer,
} from '../interactions/index.js';
import { readRememberedContacts } from './contact-blocks.js';
import { truncate } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

/** Slack shows plain_text as given; no emoji conversion, so the transcript reads back exactly. */
const rawText = (text: string): PlainTextElement => ({ type: 'plain_text', text, emoji: false });

function attachOption(thread: ThreadOffer): PlainTextOption {
  const noun = thread.messageCount === 1 ? 'message' : 'messages';
  return {
    text: rawText(truncate(`Attach the thread (${thread.messageCount} ${noun})`, SLACK_LIMITS.optionText)),
    value: ATTACH_THREAD_VALUE,
  };
}

/** "the oldest 4 messages are left out" when the thread did not fit Caliq's Notes. */
export function describeLeftOut(thread: ThreadOffer): string | undefined {
  if (thread.leftOut === 0) return undefined;
  const what = thread.leftOut === 1 ? 'the oldest message is' : `the oldest ${thread.leftOut} messages are`;
  return `To fit Caliq's Notes, ${what} left out of the transcript. Your own notes are never cut.`;
}

/** Whole lines packed into pieces of at most `max` characters (a transcript line is never longer). */
function packLines(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of text.split('\n')) {
    if (current.length > 0 && size + 1 + line.length > max) {
      pieces.push(current.join('\n'));
      current = [];
      size = 0;
    }
    size += (current.length > 0 ? 1 : 0) + line.length;
    current.push(truncate(line, max));
  }
  if (current.length > 0) pieces.push(current.join('\n'));
  return pieces;
}

/** The checkbox (ticked unless the user unticked it) and the transcript below it, as Caliq will receive it. */
export function buildThreadBlocks(draft: Draft): KnownBlock[] {
  const { thread } = draft;
  if (!thread) return [];
  const option = attachOption(thread);
  const element: Checkboxes = {
    type: 'checkboxes',
    action_id: ELEMENT.attachThread,
    options: [option],
    ...(draft.attachThread === false ? {} : { initial_options: [option] }),
  };
  const leftOut = describeLeftOut(thread);
  const checkbox: InputBlock = {
    type: 'input',
    block_id: BLOCK.attachThread,
    optional: true,
    label: rawText('Slack thread'),
    element,
    hint: rawText(leftOut ?? 'Added below your notes in Caliq, one line per message.'),
  };
  const pieces = packLines(thread.transcript, SLACK_LIMITS.sectionText);
  const transcript: ContextBlock[] = [];
  for (let i = 0; i < pieces.length; i += SLACK_LIMITS.contextElements) {
    transcript.push({
      type: 'context',
      block_id: `${DISPLAY_BLOCK.threadTranscript}${transcript.length}`,
      elements: pieces.slice(i, i + SLACK_LIMITS.contextElements).map(rawText),
    });
  }
  return [checkbox, ...transcript];
}

/** One context line per notice (where the contact came from, a shared channel, why the thread is missing). */
export function buildNoticeBlocks(notices: readonly string[]): ContextBlock[] {
  return notices.map((notice, i) => ({
    type: 'context',
    block_id: `${DISPLAY_BLOCK.formNotice}${i}`,
    elements: [rawText(truncate(notice, SLACK_LIMITS.sectionText))],
  }));
}

type LooseBlock = { type?: unknown; block_id?: unknown; elements?: unknown };

function textsOf(block: LooseBlock): string[] {
  if (!Array.isArray(block.elements)) return [];
  return block.elements.flatMap((element: unknown) => {
    const text = (element as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? [text] : [];
  });
}

const HEADER = /^Slack thread \((?:(\d+) of )?(\d+) messages?(?:, the oldest (\d+) left out)?\)/;

/** The thread offer and notices a view carries, read back from its blocks (a submitted or updated view). */
export function readFormExtras(blocks: readonly unknown[] | undefined): {
  thread?: ThreadOffer;
  notices: string[];
  rememberedContacts?: RememberedContactOption[];
} {
  const notices: string[] = [];
  const pieces: string[] = [];
  for (const raw of blocks ?? []) {
    const block = (raw ?? {}) as LooseBlock;
    if (typeof block.block_id !== 'string' || block.type !== 'context') continue;
    if (block.block_id.startsWith(DISPLAY_BLOCK.formNotice)) notices.push(...textsOf(block));
    if (block.block_id.startsWith(DISPLAY_BLOCK.threadTranscript)) pieces.push(...textsOf(block));
  }
  const remembered = readRememberedContacts(blocks);
  const people = remembered.length > 0 ? { rememberedContacts: remembered } : {};
  const transcript = pieces.join('\n');
  const header = HEADER.exec(transcript);
  if (!header) return { notices, ...people };
  const messageCount = Number(header[2]);
  return { thread: { messageCount, leftOut: Number(header[3] ?? 0), transcript }, notices, ...people };
}
