// A Slack thread as a plain-text transcript for Caliq's Notes: one line per person's message, cut from the oldest end.
import { DateTime } from 'luxon';
import { NOTES_MAX_LENGTH } from './limits.js';
import { type NameOf, unescapeSlackText } from './slack-text.js';

/** One message of a thread as Slack gave it, with its author's name already looked up. */
export type ThreadMessage = {
  ts: string;
  authorName: string;
  /** Slack's escaped markup, as in the message's `text`. */
  text: string;
  files: readonly { name: string; permalink?: string }[];
  /** A bot's or app's message (ours included): left out of the transcript. */
  fromBot: boolean;
};

/** The thread as the form offers it; `transcript` is what goes below the user's notes when the box is ticked. */
export type ThreadOffer = {
  /** People's messages in the thread (bots' left out). */
  messageCount: number;
  /** How many of the oldest did not fit. */
  leftOut: number;
  transcript: string;
};

/** A single message's line is cut here, so one 40,000-character message cannot crowd out the rest of the thread. */
export const TRANSCRIPT_LINE_MAX = 2000;
/** Keeps the form well inside Slack's 250 kB view limit whatever the script (a character may take 4 bytes). */
export const TRANSCRIPT_MAX_BYTES = 150_000;
const SEPARATOR = '\n\n';

/** Room for the transcript in Caliq's Notes when the user's own notes may use their whole field. */
export function transcriptBudget(notesMaxLength: number): number {
  return Math.max(0, notesMaxLength - NOTES_MAX_LENGTH - SEPARATOR.length);
}

function cutLine(line: string): string {
  if (line.length <= TRANSCRIPT_LINE_MAX) return line;
  return `${line.slice(0, TRANSCRIPT_LINE_MAX - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

function lineOf(message: ThreadMessage, timeZone: string, nameOf: NameOf | undefined): string {
  const at = DateTime.fromMillis(Math.floor(Number(message.ts) * 1000), { zone: timeZone }).setLocale('en-GB');
  const text = unescapeSlackText(message.text, nameOf)
    .replace(/\s*\n\s*/g, ' / ')
    .trim();
  const files = message.files.map((file) => `[file: ${file.name}${file.permalink ? ` ${file.permalink}` : ''}]`);
  return cutLine([`${at.toFormat('d LLL HH:mm')} ${message.authorName}:`, text, ...files].filter(Boolean).join(' '));
}

function headerOf(count: number, leftOut: number, permalink: string | undefined): string {
  const shown = count - leftOut;
  const noun = count === 1 ? 'message' : 'messages';
  const size = leftOut > 0 ? `${shown} of ${count} ${noun}, the oldest ${leftOut} left out` : `${count} ${noun}`;
  return `Slack thread (${size})${permalink ? `: ${permalink}` : ''}`;
}

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The transcript of the people's messages, oldest first, in the reader's zone; when it would pass `budget` characters
 * the oldest messages are dropped (whole lines only) and the header says how many.
 */
export function buildThreadOffer(
  messages: readonly ThreadMessage[],
  options: { timeZone: string; permalink?: string; budget: number; nameOf?: NameOf },
): ThreadOffer {
  const people = messages.filter((message) => !message.fromBot);
  const lines = people.map((message) => lineOf(message, options.timeZone, options.nameOf));
  const count = lines.length;
  // The header's length depends on how many are left out; its longest form bounds it.
  const headerRoom = headerOf(count, count, options.permalink).length + 1;
  let size = headerRoom;
  let bytes = headerRoom * 4;
  let kept = 0;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] ?? '';
    if (size + line.length + 1 > options.budget || bytes + bytesOf(line) + 1 > TRANSCRIPT_MAX_BYTES) break;
    size += line.length + 1;
    bytes += bytesOf(line) + 1;
    kept += 1;
  }
  const leftOut = count - kept;
  const transcript = [headerOf(count, leftOut, options.permalink), ...lines.slice(leftOut)].join('\n');
  return { messageCount: count, leftOut, transcript };
}

/**
 * The Notes Caliq receives: the user's own words untouched, then the transcript. Should the whole pass `maxLength`
 * (the setting lowered since the form opened), transcript lines go from the oldest end; the user's words never do.
 */
export function composeNotes(userNotes: string | undefined, transcript: string | undefined, maxLength: number) {
  const own = userNotes?.trim() ?? '';
  if (!transcript) return own;
  const [header = '', ...lines] = transcript.split('\n');
  const room = maxLength - own.length - (own ? SEPARATOR.length : 0);
  while (lines.length > 0 && [header, ...lines].join('\n').length > room) lines.shift();
  if ([header, ...lines].join('\n').length > room) return own;
  const whole = [header, ...lines].join('\n');
  return own ? `${own}${SEPARATOR}${whole}` : whole;
}
