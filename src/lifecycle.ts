// The bot's parts start in the order they are listed and stop in the reverse order, each part owning its own start and stop.
import type { Logger } from './logger.js';

export type Part = {
  /** Named in the log when its stop fails. */
  name: string;
  start?: () => Promise<unknown> | unknown;
  stop?: () => Promise<unknown> | unknown;
};

/** Starts each part after the one before it has started; a failure stops the start-up there (the caller stops them). */
export async function startParts(parts: readonly Part[]): Promise<void> {
  for (const part of parts) await part.start?.();
}

/** Stops every part, the last started first; one part failing to stop does not keep the others running. */
export async function stopParts(parts: readonly Part[], logger: Logger): Promise<void> {
  for (const part of [...parts].reverse()) {
    try {
      await part.stop?.();
    } catch (error) {
      logger.warn({ err: error, part: part.name }, 'a part did not stop cleanly');
    }
  }
}
