// The private prompt an emoji reaction brings: "Log this message to Caliq?" and a button that opens the form for it.
import { z } from 'zod';
import { ACTION } from '../ids.js';
import { actionsBlock, buttonElement, type MessageView, sectionBlock } from './blocks.js';
import { readOwnJson } from './read-json.js';

/** Which message the button logs. */
export type ReactionTarget = { conversationId: string; ts: string };

const wireSchema = z.object({ c: z.string().min(1).max(50), t: z.string().regex(/^\d+\.\d+$/) });

export const REACTION_PROMPT_TEXT = 'Log this message to Caliq?';

export function buildReactionPrompt(target: ReactionTarget): MessageView {
  const value = JSON.stringify({ c: target.conversationId, t: target.ts });
  return {
    text: REACTION_PROMPT_TEXT,
    blocks: [
      sectionBlock(`${REACTION_PROMPT_TEXT} Only you can see this.`),
      actionsBlock([
        buttonElement({ text: 'Log interaction', actionId: ACTION.logFromReaction, value, style: 'primary' }),
      ]),
    ],
  };
}

/** The message a prompt's button names, or undefined when the value is not one of ours. Never throws. */
export function decodeReactionTarget(value: string | undefined): ReactionTarget | undefined {
  const data = readOwnJson(value, wireSchema);
  return data ? { conversationId: data.c, ts: data.t } : undefined;
}
