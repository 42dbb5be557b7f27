// The value carried by reminder buttons: which reminder, at which version (stale buttons are inert), which snooze.
import { z } from 'zod';
import { SNOOZE_OPTIONS, type SnoozeOption } from '../reminders/index.js';
import { SLACK_LIMITS, ViewLimitError } from './limits.js';
import { readOwnJson } from './read-json.js';

/** The words on each snooze choice; the choices themselves are the reminders' rule. */
export const SNOOZE_LABELS: Readonly<Record<SnoozeOption, string>> = {
  '1h': '1 hour',
  tomorrow: 'Tomorrow 9:00',
  next_week: 'Next week',
};

export type ReminderAction = { id: string; version: number; option?: SnoozeOption };

// Short keys keep a snooze option's value within Slack's 75 characters with a UUID for an ID.
const wireSchema = z.object({
  i: z.string().min(1),
  v: z.number().int().nonnegative(),
  o: z.enum(SNOOZE_OPTIONS).optional(),
});

/** Compact JSON for a button or option value; throws ViewLimitError beyond a button value's 2000 characters. */
export function encodeReminderAction(action: ReminderAction): string {
  const wire: z.input<typeof wireSchema> = { i: action.id, v: action.version };
  if (action.option) wire.o = action.option;
  const encoded = JSON.stringify(wire);
  if (encoded.length > SLACK_LIMITS.buttonValue) {
    throw new ViewLimitError(`reminder action value is ${encoded.length} characters; Slack allows 2000`);
  }
  return encoded;
}

/** The action from a button or option value, or undefined when it is not one of ours. Never throws. */
export function decodeReminderAction(value: string | undefined): ReminderAction | undefined {
  const data = readOwnJson(value, wireSchema);
  if (!data) return undefined;
  const { i, v, o } = data;
  return o ? { id: i, version: v, option: o } : { id: i, version: v };
}
