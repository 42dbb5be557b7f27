// What the user is told when an interaction reached Caliq, is waiting for it, or is already on its way.
import type { KnownBlock } from '@slack/types';
import type { CaliqIssue, InteractionInput } from '../caliq/index.js';
import { formatInZone } from '../dates/index.js';
import { contextBlock, fallbackText, type MessageView, sectionBlock } from './blocks.js';
import { describeInteraction, mentionUser } from './describe.js';
import { formatIssue } from './issues.js';

type InteractionMessageInput = { interaction: InteractionInput; timeZone: string };

export type LoggedMessageInput = InteractionMessageInput & {
  /** The reminder that was scheduled; `timeZone` is the reader's (the logger's) zone. */
  followUp?: { recipientId: string; at: Date; timeZone: string };
  /** Who logged it: when they are also the follow-up person the line says "You'll be reminded". */
  submitterId?: string;
  /** Issues Caliq reported while still logging the interaction (warnings), shown word for word. */
  warnings?: CaliqIssue[];
};

function followUpLine(input: LoggedMessageInput): string | undefined {
  const { followUp } = input;
  if (!followUp) return undefined;
  const at = formatInZone(followUp.at, followUp.timeZone);
  const who = followUp.recipientId === input.submitterId ? "You'll" : `${mentionUser(followUp.recipientId)} will`;
  return `${who} be reminded on ${at} (your time).`;
}

function loggedView(headline: string, input: LoggedMessageInput): MessageView {
  const followUp = followUpLine(input);
  const main = followUp ? `${headline}\n${followUp}` : headline;
  const blocks: KnownBlock[] = [sectionBlock(main)];
  const warnings = input.warnings ?? [];
  if (warnings.length > 0) {
    blocks.push(contextBlock(`Caliq noted:\n${warnings.map(formatIssue).join('\n')}`));
  }
  return { text: fallbackText(main), blocks };
}

/** "✅ Logged call with ACME01 (Jane Smith) on …", with the follow-up line when a reminder was set. */
export function buildLoggedMessage(input: LoggedMessageInput): MessageView {
  return loggedView(`✅ Logged ${describeInteraction(input.interaction, input.timeZone)}.`, input);
}

/** The same UniqueID was already in Caliq, so nothing new was created. */
export function buildAlreadyLoggedMessage(input: InteractionMessageInput): MessageView {
  const text = `✅ Your ${describeInteraction(input.interaction, input.timeZone)} was already in Caliq, so I didn't log it twice.`;
  return { text: fallbackText(text), blocks: [sectionBlock(text)] };
}

/** Caliq is down or slow; the entry is journaled and the delivery worker will keep trying. */
export function buildSavedForLaterMessage(input: InteractionMessageInput): MessageView {
  const text =
    `⏳ Caliq isn't answering right now. Your ${describeInteraction(input.interaction, input.timeZone)} is saved ` +
    "and will be sent automatically; I'll tell you when it's in.";
  return { text: fallbackText(text), blocks: [sectionBlock(text)] };
}

/** A saved entry finally reached Caliq. */
export function buildDeliveredLaterMessage(input: LoggedMessageInput): MessageView {
  return loggedView(
    `✅ Caliq is back: your ${describeInteraction(input.interaction, input.timeZone)} is now logged.`,
    input,
  );
}

/** Someone pressed Retry (or submitted again) while a delivery attempt is under way. */
export function buildBusyMessage(input: InteractionMessageInput): MessageView {
  const text =
    `⏳ Your ${describeInteraction(input.interaction, input.timeZone)} is already being sent to Caliq. ` +
    "No need to do anything; I'll tell you how it goes.";
  return { text: fallbackText(text), blocks: [sectionBlock(text)] };
}
