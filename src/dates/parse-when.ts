// Reads a date as people type it ("yesterday 3pm", "next Friday") in the user's own IANA zone, or says why it can't.
import * as chrono from 'chrono-node';
import { DateTime, IANAZone } from 'luxon';

export type ParsedWhen =
  | { ok: true; at: Date; timeGiven: boolean; matchedText: string }
  | { ok: false; reason: string };

export type ParseWhenOptions = {
  /** IANA zone the words are meant in ("Europe/London"). */
  timeZone: string;
  now: Date;
  /** 'past' for when something happened, 'future' for when something is due. */
  bias: 'past' | 'future';
  /**
   * Hour of day used when the text names a day but no time. Default: 9 for 'future'; for 'past', the current time when
   * the day is today and 12 (midday) on any other day.
   */
  defaultHour?: number;
};

/** How far ahead of now a 'past' time may be and still count as "now-ish" (clocks differ, people round). */
export const PAST_TOLERANCE_MS = 5 * 60_000;

const EXAMPLES = 'Try "yesterday 3pm", "25/11 14:30" or "next Friday 10:00".';
const NOW_WORDS = new Set(['now', 'just now', 'right now']);
/** chrono reads these as a time of day without marking the hour certain. */
const TIME_OF_DAY_WORDS = /\b(morning|afternoon|evening|night|tonight|noon|midday|midnight)\b/i;
const FORWARD_WORDS = /\b(next|this|coming)\b/i;
/** chrono's forwardDate moves "last Monday" to the coming Monday; words like these must keep pointing back. */
const BACKWARD_WORDS = /\b(last|previous|ago|yesterday)\b/i;

/**
 * US month/day order only for zones in the Americas named America/*, because those users mostly write 11/25; everyone
 * else (the UK team first) writes 25/11. A user's zone is the only locale hint Slack gives us for free.
 */
export function chooseChrono(timeZone: string): chrono.Chrono {
  return timeZone.startsWith('America/') ? chrono.en.casual : chrono.en.GB;
}

/** The zone's wall clock at `now`, written into a Date as if it were UTC: chrono then does calendar maths on it with no DST. */
function toFakeUtc(wall: DateTime): Date {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond));
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number };

function wallOf(components: chrono.ParsedComponents): Wall {
  const get = (c: chrono.Component): number => components.get(c) ?? 0;
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

function shiftDays(wall: Wall, days: number): Wall {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Wall-clock fields in the zone → instant. A time skipped by spring-forward moves forward by the gap (luxon's rule). */
function toInstant(wall: Wall, timeZone: string): Date {
  return DateTime.fromObject({ ...wall, second: 0, millisecond: 0 }, { zone: timeZone }).toJSDate();
}

function reasonFor(text: string): string {
  return `I couldn't read "${text}" as a date. ${EXAMPLES}`;
}

/**
 * Parses `text` as an instant. The components chrono reads are rebuilt with luxon in `timeZone`, because chrono itself
 * only knows fixed offsets and abbreviations, which go wrong across daylight-saving changes.
 *
 * Bias 'past' (chrono has no backward mode, so we adjust): a bare time later than now means yesterday ("3pm" at 11:00 is
 * yesterday 15:00); a bare weekday later than now means last week's ("Friday" on a Wednesday is five days ago); a day and
 * month without a year never lands in next year. Words like "next"/"this" are left as said, so the caller can object.
 * Bias 'future' uses chrono's forwardDate, and a bare weekday that is already over today means next week's.
 */
export function parseWhen(text: string, options: ParseWhenOptions): ParsedWhen {
  const { timeZone, now, bias } = options;
  const trimmed = text.trim().replace(/\s+/g, ' ');
  // IANAZone instances are cached with their validity, so "now" costs no time-zone arithmetic (it is on the ack path).
  if (!IANAZone.create(timeZone).isValid) {
    return { ok: false, reason: `Your Slack time zone "${timeZone}" isn't one I know, so I can't read dates yet.` };
  }
  if (trimmed === '' || NOW_WORDS.has(trimmed.toLowerCase())) {
    return { ok: true, at: now, timeGiven: true, matchedText: trimmed };
  }
  const nowWall = DateTime.fromJSDate(now).setZone(timeZone);

  const fakeNow = toFakeUtc(nowWall);
  const read = (forwardDate: boolean) =>
    chooseChrono(timeZone).parse(trimmed, { instant: fakeNow, timezone: 0 }, { forwardDate })[0];
  let result = read(bias === 'future');
  if (result && bias === 'future' && BACKWARD_WORDS.test(result.text)) result = read(false);
  if (!result) return { ok: false, reason: reasonFor(trimmed) };

  const start = result.start;
  const tags = start.tags();
  const matchedText = result.text;
  const timeGiven = start.isCertain('hour') || TIME_OF_DAY_WORDS.test(matchedText);

  // "2 hours ago", "in 30 minutes", "now": an exact distance from now, not a wall-clock time.
  if (tags.has('result/relativeDateAndTime') || tags.has('casualReference/now')) {
    const offsetMs = start.date().getTime() - fakeNow.getTime();
    return { ok: true, at: new Date(now.getTime() + offsetMs), timeGiven: true, matchedText };
  }

  // "3pm EST": the text names its own offset, so the user's zone does not apply.
  if (start.isCertain('timezoneOffset')) {
    return { ok: true, at: start.date(), timeGiven, matchedText };
  }

  let wall = wallOf(start);
  const isToday = wall.year === nowWall.year && wall.month === nowWall.month && wall.day === nowWall.day;
  if (!timeGiven) {
    if (options.defaultHour !== undefined) {
      wall = { ...wall, hour: options.defaultHour, minute: 0 };
    } else if (bias === 'future') {
      wall = { ...wall, hour: 9, minute: 0 };
    } else if (isToday) {
      return { ok: true, at: now, timeGiven: false, matchedText };
    } else {
      wall = { ...wall, hour: 12, minute: 0 };
    }
  }

  const dayNamed = start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month');
  const onlyWeekday = start.isCertain('weekday') && !start.isCertain('day');
  const leaveAsSaid =
    FORWARD_WORDS.test(matchedText) || BACKWARD_WORDS.test(matchedText) || /\btoday\b/i.test(matchedText);
  let at = toInstant(wall, timeZone);

  if (bias === 'past') {
    const tooLate = () => at.getTime() > now.getTime() + PAST_TOLERANCE_MS;
    if (start.isCertain('hour') && !dayNamed && !leaveAsSaid && tooLate()) {
      wall = shiftDays(wall, -1);
    } else if (onlyWeekday && !leaveAsSaid && tooLate()) {
      wall = shiftDays(wall, -7);
    } else if (
      start.isCertain('day') &&
      start.isCertain('month') &&
      !start.isCertain('year') &&
      wall.year > nowWall.year
    ) {
      wall = { ...wall, year: wall.year - 1 };
    }
    at = toInstant(wall, timeZone);
  } else if (onlyWeekday && !leaveAsSaid && at.getTime() <= now.getTime()) {
    at = toInstant(shiftDays(wall, 7), timeZone);
  }

  return { ok: true, at, timeGiven, matchedText };
}
