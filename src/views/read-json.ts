// Reads back a value the bot itself wrote into Slack (private_metadata, a button's value): its JSON, checked by zod.
import type { z } from 'zod';

/** The value when `raw` is JSON that `schema` accepts; undefined when it is missing, not JSON or not ours. Never throws. */
export function readOwnJson<T>(raw: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : undefined;
}
