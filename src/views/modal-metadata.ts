// Packs the log modal's private_metadata (UniqueID, where to reply, how it was opened) and reads it back safely.
import { z } from 'zod';
import { type ModalMetadata, readReplyTarget } from '../interactions/index.js';
import { SLACK_LIMITS, ViewLimitError } from './limits.js';
import { readOwnJson } from './read-json.js';

const modalMetadataSchema = z.object({
  uniqueId: z.string().min(1).max(100),
  replyTo: z.object({
    responseUrl: z.url({ protocol: /^https?$/ }).optional(),
    conversationId: z.string().min(1).max(50).optional(),
    /** The same, as forms opened before the rename wrote it. */
    channelId: z.string().min(1).max(50).optional(),
    replaceOriginal: z.boolean().optional(),
  }),
  source: z.enum(['command', 'shortcut', 'global_shortcut', 'home', 'edit', 'reminder', 'quick_log']),
});

/** JSON for `private_metadata`. Throws ViewLimitError beyond Slack's 3000 characters (a response URL is ~100). */
export function encodeModalMetadata(meta: ModalMetadata): string {
  const encoded = JSON.stringify({ uniqueId: meta.uniqueId, replyTo: meta.replyTo, source: meta.source });
  if (encoded.length > SLACK_LIMITS.privateMetadata) {
    throw new ViewLimitError(
      `private_metadata would be ${encoded.length} characters; Slack allows ${SLACK_LIMITS.privateMetadata}`,
    );
  }
  return encoded;
}

/** The metadata from a view payload, or undefined when it is missing or not ours. Never throws. */
export function decodeModalMetadata(raw: string | undefined): ModalMetadata | undefined {
  const data = readOwnJson(raw, modalMetadataSchema);
  if (!data) return undefined;
  const { uniqueId, replyTo, source } = data;
  return { uniqueId, replyTo: readReplyTarget(replyTo), source };
}
