// The `status` answer: the user's entries from the last 7 days that are not in Caliq yet, each with Retry and Edit.
import type { KnownBlock } from '@slack/types';
import type { JournalEntry } from '../store/index.js';
import { contextBlock, fallbackText, type MessageView, sectionBlock } from './blocks.js';
import { describeInteraction } from './describe.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { SLACK_LIMITS } from './limits.js';
import { buildEntryButtons } from './problem-messages.js';

export const STATUS_WINDOW_DAYS = 7;
const WINDOW_MS = STATUS_WINDOW_DAYS * 24 * 60 * 60 * 1000;
/** Each entry takes a section and an actions block; one block for the heading, one for "and N more". */
const MAX_ENTRIES = Math.floor((SLACK_LIMITS.messageBlocks - 2) / 2);
const MAX_ERROR_CHARS = 200;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Where an entry stands, in one escaped line ("⏳ *Waiting for Caliq*: 2 attempts so far"). */
export function describeEntryState(entry: JournalEntry): string {
  const lastError = entry.lastError ? escapeMrkdwn(truncate(entry.lastError, MAX_ERROR_CHARS)) : undefined;
  switch (entry.state) {
    case 'pending': {
      const tries = entry.attempts === 0 ? 'not tried yet' : `${plural(entry.attempts, 'attempt')} so far`;
      return `⏳ *Waiting for Caliq*: ${tries}${lastError ? `; last error: ${lastError}` : ''}`;
    }
    case 'rejected': {
      const [first, ...rest] = entry.issues;
      if (!first) return '❌ *Refused by Caliq*';
      const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
      return `❌ *Refused by Caliq*: ${escapeMrkdwn(truncate(first.message, MAX_ERROR_CHARS))}${more}`;
    }
    case 'failed':
      return `⚠️ *Not sent*${lastError ? `: ${lastError}` : ''} (${plural(entry.attempts, 'attempt')})`;
    case 'logged':
      return '✅ *Logged*';
  }
}

/** Pending, rejected and failed entries of the last 7 days, newest first, within one message's 50 blocks. */
export function buildStatusMessage(entries: JournalEntry[], timeZone: string, now: Date): MessageView {
  const since = now.getTime() - WINDOW_MS;
  const waiting = entries
    .filter((entry) => entry.state !== 'logged' && entry.createdAt.getTime() >= since)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (waiting.length === 0) {
    const text = `👍 Nothing waiting: everything you logged in the last ${STATUS_WINDOW_DAYS} days reached Caliq.`;
    return { text, blocks: [sectionBlock(text)] };
  }
  const verb = waiting.length === 1 ? "isn't" : "aren't";
  const heading = `*${plural(waiting.length, 'entry', 'entries')} from the last ${STATUS_WINDOW_DAYS} days ${verb} in Caliq yet*`;
  const blocks: KnownBlock[] = [sectionBlock(heading)];
  const shown = waiting.slice(0, MAX_ENTRIES);
  for (const entry of shown) {
    blocks.push(sectionBlock(`${describeInteraction(entry.interaction, timeZone)}\n${describeEntryState(entry)}`));
    blocks.push(buildEntryButtons(entry.uniqueId));
  }
  if (waiting.length > shown.length) {
    blocks.push(contextBlock(`…and ${waiting.length - shown.length} more, older ones.`));
  }
  return { text: fallbackText(heading.replace(/\*/g, '')), blocks };
}
