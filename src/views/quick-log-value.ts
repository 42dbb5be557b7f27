// Packs a quick log card's button value (the UniqueID, when the card was made, the draft it shows) and reads it back.
import { z } from 'zod';
import type { Draft } from '../interactions/index.js';
import { SLACK_LIMITS } from './limits.js';
import { readOwnJson } from './read-json.js';

/** What every button of one card carries: pressing any of them needs nothing but this. */
export type QuickLogValue = { uniqueId: string; createdAt: Date; draft: Draft };

const text = z.string().max(3000).optional();
const valueSchema = z.object({
  u: z.string().min(1).max(100),
  t: z.number().int().positive(),
  d: z.object({
    accountNo: text,
    kind: z.enum(['C', 'E', 'V']).optional(),
    channelId: z.number().int().optional(),
    contactFirstName: text,
    contactSurname: text,
    when: text,
    notes: text,
    followUpWhen: text,
    followUpBy: text,
    followUpNotes: text,
  }),
});

/** The button value, or undefined when it would pass Slack's 2000 characters (then the form is used instead). */
export function encodeQuickLogValue(value: QuickLogValue): string | undefined {
  const encoded = JSON.stringify({ u: value.uniqueId, t: value.createdAt.getTime(), d: value.draft });
  return encoded.length <= SLACK_LIMITS.buttonValue ? encoded : undefined;
}

/** The value of a pressed button, or undefined when it is not one of ours. Never throws. */
export function decodeQuickLogValue(raw: string | undefined): QuickLogValue | undefined {
  const data = readOwnJson(raw, valueSchema);
  if (!data) return undefined;
  const draft: Draft = {};
  for (const [key, field] of Object.entries(data.d)) {
    if (field !== undefined) (draft as Record<string, unknown>)[key] = field;
  }
  return { uniqueId: data.u, createdAt: new Date(data.t), draft };
}
