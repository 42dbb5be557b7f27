// Follow-up reminder DMs and their after-states (done, snoozed), the `followups` list, and the refusal for others.
import type { ActionsBlock, KnownBlock, PlainTextOption } from '@slack/types';
import { formatInZone } from '../dates/index.js';
import { ACTION } from '../ids.js';
import { SNOOZE_OPTIONS } from '../reminders/index.js';
import type { Reminder } from '../store/index.js';
import {
  actionsBlock,
  buttonElement,
  contextBlock,
  fallbackText,
  type MessageView,
  plainText,
  sectionBlock,
} from './blocks.js';
import { describeCustomerOf, describeElapsed, describeInteraction, describeKind, mentionUser } from './describe.js';
import { quoteMrkdwn, truncate } from './escape.js';
import { SLACK_LIMITS, ViewLimitError } from './limits.js';
import { encodeReminderAction, SNOOZE_LABELS } from './reminder-actions.js';

const MAX_NOTES_CHARS = 1000;
const MAX_LIST_NOTES_CHARS = 150;
/** Each follow-up takes a section and an actions block; one block for the heading, one for "and N more". */
const MAX_LISTED = Math.floor((SLACK_LIMITS.messageBlocks - 2) / 2);

/** Done, Log follow-up and a Snooze menu; every value names the reminder and its version. */
export function buildReminderButtons(reminder: Reminder): ActionsBlock {
  const plain = encodeReminderAction({ id: reminder.id, version: reminder.version });
  const snoozeOptions: PlainTextOption[] = SNOOZE_OPTIONS.map((option) => {
    const label = SNOOZE_LABELS[option];
    const value = encodeReminderAction({ id: reminder.id, version: reminder.version, option });
    if (value.length > SLACK_LIMITS.optionValue) {
      throw new ViewLimitError(`snooze option value is ${value.length} characters; keep reminder IDs short`);
    }
    return { text: plainText(label), value };
  });
  return actionsBlock([
    buttonElement({ text: 'Done', actionId: ACTION.reminderDone, value: plain, style: 'primary' }),
    buttonElement({ text: 'Log follow-up', actionId: ACTION.reminderLogFollowUp, value: plain }),
    {
      type: 'static_select',
      action_id: ACTION.reminderSnooze,
      placeholder: plainText('Snooze…'),
      options: snoozeOptions,
    },
  ]);
}

function loggedByLine(reminder: Reminder, timeZone: string): string {
  const who =
    reminder.loggedBySlackUserId === reminder.recipientSlackUserId ? 'You' : mentionUser(reminder.loggedBySlackUserId);
  return `${who} logged a ${describeInteraction(reminder.interaction, timeZone)}.`;
}

/** What was logged and what to do: the context every reminder state keeps showing. */
function reminderDetails(reminder: Reminder, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const todo = reminder.interaction.followUp?.notes?.trim();
  if (todo) blocks.push(sectionBlock(`*What to do*\n${quoteMrkdwn(truncate(todo, MAX_NOTES_CHARS))}`));
  const notes = reminder.interaction.notes?.trim();
  if (notes)
    blocks.push(
      sectionBlock(
        `*Notes from the ${describeKind(reminder.interaction.kind)}*\n${quoteMrkdwn(truncate(notes, MAX_NOTES_CHARS))}`,
      ),
    );
  blocks.push(contextBlock(loggedByLine(reminder, timeZone)));
  return blocks;
}

/** The reminder DM: customer, what was logged and by whom, the follow-up notes, when it was due, and the buttons. */
export function buildReminderMessage(input: {
  reminder: Reminder;
  /** The recipient's zone. */
  timeZone: string;
  late: boolean;
  now: Date;
}): MessageView {
  const { reminder, timeZone } = input;
  const customer = describeCustomerOf(reminder.interaction);
  const due = formatInZone(reminder.dueAt, timeZone);
  const headline = `⏰ *Time to follow up with ${customer}*\nDue ${due} (your time).`;
  const blocks: KnownBlock[] = [sectionBlock(headline), ...reminderDetails(reminder, timeZone)];
  if (input.late) {
    blocks.push(
      contextBlock(
        `This reminder is late: I was offline when it fell due (${due}, ${describeElapsed(reminder.dueAt, input.now)} ago).`,
      ),
    );
  }
  blocks.push(buildReminderButtons(reminder));
  return {
    text: fallbackText(`⏰ Time to follow up with ${customer}: ${describeInteraction(reminder.interaction, timeZone)}`),
    blocks,
  };
}

/** The reminder DM after Done: same details, nothing left to press. */
export function buildReminderDoneMessage(input: {
  reminder: Reminder;
  timeZone: string;
  doneBy: string;
  doneAt: Date;
}): MessageView {
  const { reminder, timeZone } = input;
  const customer = describeCustomerOf(reminder.interaction);
  const by = input.doneBy === reminder.recipientSlackUserId ? 'you' : mentionUser(input.doneBy);
  const headline = `✅ *Followed up with ${customer}*\nMarked done by ${by} on ${formatInZone(input.doneAt, timeZone)}.`;
  return {
    text: fallbackText(`✅ Followed up with ${customer}.`),
    blocks: [sectionBlock(headline), ...reminderDetails(reminder, timeZone)],
  };
}

/** The reminder DM after Snooze: no buttons until the reminder comes back as a new message. */
export function buildReminderSnoozedMessage(input: { reminder: Reminder; timeZone: string; until: Date }): MessageView {
  const { reminder, timeZone } = input;
  const customer = describeCustomerOf(reminder.interaction);
  const until = formatInZone(input.until, timeZone);
  const headline = `💤 *Follow-up with ${customer} snoozed until ${until}*\nI'll remind you again then.`;
  return {
    text: fallbackText(`💤 Follow-up with ${customer} snoozed until ${until}.`),
    blocks: [sectionBlock(headline), ...reminderDetails(reminder, timeZone)],
  };
}

/** One follow-up as a list line: overdue or due when, customer and interaction, what to do. */
export function describeFollowUpLine(reminder: Reminder, timeZone: string, now: Date): string {
  const due = formatInZone(reminder.dueAt, timeZone);
  const when = reminder.dueAt.getTime() <= now.getTime() ? `🔴 *Overdue* since ${due}` : `🗓️ Due ${due}`;
  const todo = reminder.interaction.followUp?.notes?.trim();
  const what = `${describeCustomerOf(reminder.interaction)}: ${describeInteraction(reminder.interaction, timeZone)}`;
  return `${when}\n${what}${todo ? `\n${quoteMrkdwn(truncate(todo, MAX_LIST_NOTES_CHARS))}` : ''}`;
}

/** How far ahead `followups` lists: a month, so next year's plans don't crowd out this week's. */
export const FOLLOWUPS_WINDOW_DAYS = 30;

/** The `followups` answer: open follow-ups, overdue first, each with the reminder buttons. */
export function buildFollowupsListMessage(reminders: Reminder[], timeZone: string, now: Date): MessageView {
  const open = reminders
    .filter((reminder) => reminder.state !== 'done')
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  if (open.length === 0) {
    const text = '🎉 No open follow-ups. Set a follow-up date when you log an interaction and it will show up here.';
    return { text, blocks: [sectionBlock(text)] };
  }
  const overdue = open.filter((reminder) => reminder.dueAt.getTime() <= now.getTime()).length;
  const heading = `*Your open follow-ups: ${open.length}*${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  const blocks: KnownBlock[] = [sectionBlock(heading)];
  const shown = open.slice(0, MAX_LISTED);
  for (const reminder of shown) {
    blocks.push(sectionBlock(describeFollowUpLine(reminder, timeZone, now)), buildReminderButtons(reminder));
  }
  if (open.length > shown.length) blocks.push(contextBlock(`…and ${open.length - shown.length} more, due later.`));
  return { text: fallbackText(heading.replace(/\*/g, '')), blocks };
}

/** Someone other than the recipient pressed a reminder button. */
export function buildNotYourReminderMessage(input: { ownerId?: string } = {}): MessageView {
  const owner = input.ownerId ? mentionUser(input.ownerId) : 'someone else';
  const text = `🙂 This follow-up belongs to ${owner}, so only they can mark it done, snooze it or log it.`;
  return { text, blocks: [sectionBlock(text)] };
}
