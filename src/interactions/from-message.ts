// Prefills a draft from a Slack message (the "log from message" shortcut): its text, its time, and an obvious kind.
import type { InteractionKind } from '../caliq/index.js';
import { formatWhenPhrase } from '../dates/index.js';
import type { Draft } from './draft.js';
import { NOTES_MAX_LENGTH } from './limits.js';
import { unescapeSlackText } from './slack-text.js';

const ELLIPSIS = '…';

/** Written by dates/format.ts, next to the reader it must match; re-exported for existing importers. */
export { formatWhenPhrase };

/** Slack's `ts` is "seconds.micro" since the epoch. */
function dateFromSlackTs(ts: string): Date | undefined {
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(Math.floor(seconds * 1000)) : undefined;
}

/** Message text, then a blank line and the permalink; the text is cut (marked with …) so the whole fits. */
export function buildNotes(text: string, permalink: string | undefined, maxLength = NOTES_MAX_LENGTH): string {
  const body = text.trim();
  const suffix = permalink ? `\n\n${permalink}` : '';
  if (body.length + suffix.length <= maxLength) return `${body}${suffix}`.trim();
  const room = Math.max(0, maxLength - suffix.length - ELLIPSIS.length);
  // Never split an emoji (a surrogate pair) at the cut.
  const kept = body.slice(0, room).replace(/[\uD800-\uDBFF]$/, '');
  return `${kept.trimEnd()}${ELLIPSIS}${suffix}`;
}

const EMAIL_SIGNS = [/-----Original Message-----/i, /^\s*Sent from my \S/im];
const CALL_WORDS = /\b(call|called|phoned)\b|\bspoke (?:to|with)\b[\s\S]*\bon the phone\b/i;
const VISIT_WORDS = /\b(visited|site visit)\b/i;

/** Guesses the kind only where the text makes it obvious; undefined when unsure or when call and visit both appear. */
export function guessKind(text: string): InteractionKind | undefined {
  const headers = /^\s*From:/im.test(text) && /^\s*(Subject|To):/im.test(text);
  if (headers || EMAIL_SIGNS.some((sign) => sign.test(text))) return 'E';
  const call = CALL_WORDS.test(text);
  const visit = VISIT_WORDS.test(text);
  if (call && !visit) return 'C';
  if (visit && !call) return 'V';
  return undefined;
}

export function draftFromMessage(
  message: { text: string; ts: string; permalink?: string },
  options: { timeZone: string },
): Draft {
  const text = unescapeSlackText(message.text);
  const draft: Draft = {};
  const notes = buildNotes(text, message.permalink);
  if (notes) draft.notes = notes;
  const sentAt = dateFromSlackTs(message.ts);
  if (sentAt) draft.when = formatWhenPhrase(sentAt, options.timeZone);
  const kind = guessKind(text);
  if (kind) draft.kind = kind;
  return draft;
}
