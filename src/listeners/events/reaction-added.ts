// The LOG_REACTION emoji on a message in a channel the bot is in: the person who added it, and nobody else, is asked
// "Log this message to Caliq?" (an ephemeral message with a button); an unmapped person is told why not instead.
import type { App } from '@slack/bolt';
import { buildReactionPrompt, buildUnmappedUserMessage } from '../../views/index.js';
import { afterAck } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';

/** The same person reacting to the same message again within this gets no second prompt. */
export const REPEAT_WINDOW_MS = 60_000;

/** Remembers who was prompted for what and when, in this instance's memory (a repeat prompt is harmless). */
export function createRepeatFilter(now: () => Date, windowMs = REPEAT_WINDOW_MS) {
  const seen = new Map<string, number>();
  return {
    /** True the first time in the window; false for a repeat. */
    isFirst(key: string): boolean {
      const at = now().getTime();
      for (const [old, when] of seen) if (at - when >= windowMs) seen.delete(old);
      if (seen.has(key)) return false;
      seen.set(key, at);
      return true;
    },
  };
}

export function registerReactionAdded(app: App, deps: ListenerDeps): void {
  const reaction = deps.config.slack.logReaction;
  if (!reaction) return;
  const repeats = createRepeatFilter(deps.now);
  const log = deps.logger.child({ module: 'reaction-added' });

  app.event('reaction_added', async ({ event }) => {
    if (event.reaction !== reaction || event.item.type !== 'message') return;
    const { channel: conversationId, ts } = event.item;
    const userId = event.user;
    if (!repeats.isFirst(`${userId}:${conversationId}:${ts}`)) {
      log.debug({ userId, conversationId, ts }, 'repeated reaction; prompted already');
      return;
    }
    // Ephemeral in the channel (or, if that fails, a DM): nobody else, in this organisation or another, sees it.
    const replyTo = { conversationId };
    await afterAck(deps, { slackUserId: userId, action: 'open_form', replyTo }, async () => {
      const lookup = await deps.people.resolveEmployee(userId);
      const message =
        lookup.ok || lookup.reason === 'lookup_failed'
          ? buildReactionPrompt({ conversationId, ts })
          : buildUnmappedUserMessage({
              slackUserId: userId,
              mappingContact: deps.config.people.mappingContact,
              who: 'you',
            });
      await deps.notifier.notify({ slackUserId: userId, replyTo, message });
    });
  });
}
