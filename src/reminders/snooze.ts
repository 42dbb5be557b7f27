// When a snoozed reminder comes back, computed in the recipient's IANA time zone so "9:00" survives DST changes.
import { DateTime } from 'luxon';

export const SNOOZE_OPTIONS = ['1h', 'tomorrow', 'next_week'] as const;

export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];

export const isSnoozeOption = (value: unknown): value is SnoozeOption =>
  (SNOOZE_OPTIONS as readonly unknown[]).includes(value);

/** The local hour a day-based snooze comes back at. */
const MORNING_HOUR = 9;

/**
 * The instant a reminder snoozed at `now` is due again:
 * - `1h`: exactly one hour later (elapsed time, whatever the clocks do);
 * - `tomorrow`: 09:00 on the next calendar day in `timeZone`;
 * - `next_week`: 09:00 on Monday of the next week in `timeZone`, as Slack's own "next week" does; a working week
 *   starts on Monday, so from any day this lands at the start of the following one (from Sunday: the next day).
 */
export function snoozeUntil(option: SnoozeOption, now: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const morning = { hour: MORNING_HOUR, minute: 0, second: 0, millisecond: 0 };
  switch (option) {
    case '1h':
      return new Date(now.getTime() + 3_600_000);
    case 'tomorrow':
      return local.plus({ days: 1 }).set(morning).toJSDate();
    case 'next_week':
      return local.startOf('week').plus({ weeks: 1 }).set(morning).toJSDate();
  }
}
