// Reads a date as people type it ("yesterday 3pm", "next Friday") in the user's own IANA zone, whole or not at all.
import type * as chrono from 'chrono-node';
import { DateTime, IANAZone } from 'luxon';
import { isFiller, readText } from './chrono-reader.js';
import { findImpossible } from './impossible.js';
import { MONTH_WORD } from './names.js';
import {
  bareHourRefusal,
  impossibleRefusal,
  leftoverRefusal,
  monthOnlyRefusal,
  noSuchDayRefusal,
  type Refusal,
  rangeRefusal,
  repeatedRefusal,
  severalRefusal,
  skippedRefusal,
  twoDigitYearRefusal,
  unreadRefusal,
  weekdayRefusal,
  zoneRefusal,
} from './refusals.js';
import { instantsOf, isRealWall, shiftDays, toInstant, type Wall, wallAt } from './zone-wall.js';

export { chooseChrono } from './chrono-reader.js';
export type { WhenProblem } from './refusals.js';

export type ParsedWhen =
  | {
      ok: true;
      at: Date;
      timeGiven: boolean;
      /** The part of the text that names the date, as typed. */
      matchedText: string;
      /** When no time was typed, the time used instead: "now", "midday" or "09:00". */
      assumedTime?: string;
    }
  | Refusal;

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
  /**
   * IANA zone of the person typing, when the text is read in someone else's (a follow-up is read in the follow-up
   * person's zone): "my time" then means the typist's, and is refused rather than ignored. Default: `timeZone`.
   */
  typistTimeZone?: string;
};

/** How far ahead of now a 'past' time may be and still count as "now-ish" (clocks differ, people round). */
export const PAST_TOLERANCE_MS = 5 * 60_000;

const NOW_WORDS = new Set(['now', 'just now', 'right now']);
/** chrono reads these as a time of day without marking the hour certain. */
const TIME_OF_DAY_WORDS = /\b(morning|afternoon|evening|night|tonight|noon|midday|midnight)\b/i;
const FORWARD_WORDS = /\b(next|this|coming)\b/i;
/** chrono's forwardDate moves "last Monday" to the coming Monday; words like these must keep pointing back. */
const BACKWARD_WORDS = /\b(last|previous|ago|yesterday)\b/i;
/** A time written with minutes ("9:00", "10.30am"), which says which half of the day on its own terms. */
const CLOCK = /\d[:.]\d{2}/;
const MONTH_NAME = new RegExp(`\\b${MONTH_WORD}`, 'i');

/** The zone's wall clock at `now`, written into a Date as if it were UTC: chrono then does calendar maths on it with no DST. */
function toFakeUtc(wall: DateTime): Date {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond));
}

function wallOf(components: chrono.ParsedComponents): Wall {
  const get = (c: chrono.Component): number => components.get(c) ?? 0;
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const hhmm = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** Refuses what chrono read but must not be guessed at: a range, a month with no day, "24 Dec 26". */
function checkShape(result: chrono.ParsedResult, matchedText: string, rewritten: string): Refusal | undefined {
  const start = result.start;
  if (result.end) return rangeRefusal(matchedText);
  if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('weekday')) {
    return monthOnlyRefusal(matchedText, start.get('month') ?? 1, start.get('year') ?? 0);
  }
  // "Dec 24" is a day; a year after a month name must be written with four digits or an apostrophe ("Dec '24").
  const spelled = rewritten.slice(result.index, result.index + result.text.length);
  if (start.isCertain('year') && MONTH_NAME.test(spelled) && !/\b\d{4}\b/.test(spelled)) {
    return twoDigitYearRefusal(matchedText);
  }
  return undefined;
}

/** The instant of a typed wall-clock time, refusing one the clocks skip or repeat. */
function typedInstant(wall: Wall, timeZone: string): Date | Refusal {
  const instants = instantsOf(wall, timeZone);
  const [first, second] = instants;
  if (first && second) return repeatedRefusal(wall, timeZone, first, second);
  if (first) return first;
  return skippedRefusal(wall, timeZone, wallAt(toInstant(wall, timeZone), timeZone));
}

/** "Tue 9 Dec" when 9 Dec is a Wednesday: the two halves disagree, and neither is preferred. */
function checkWeekday(start: chrono.ParsedComponents, wall: Wall): Refusal | undefined {
  const typed = start.get('weekday');
  if (!start.isCertain('weekday') || !start.isCertain('day') || typed === null) return undefined;
  return DateTime.fromObject(wall, { zone: 'UTC' }).weekday % 7 === typed ? undefined : weekdayRefusal(wall, typed);
}

/** "at 3", "tomorrow at 9": an hour of 1-12 with no minutes and no am/pm could be either half of the day. */
function checkBareHour(start: chrono.ParsedComponents, matchedText: string): Refusal | undefined {
  const hour = start.get('hour') ?? 0;
  const bare = start.isCertain('hour') && !start.isCertain('meridiem') && hour >= 1 && hour <= 12;
  return bare && !CLOCK.test(matchedText) && !TIME_OF_DAY_WORDS.test(matchedText)
    ? bareHourRefusal(matchedText, hour)
    : undefined;
}

type Reading = { start: chrono.ParsedComponents; matchedText: string; nowWall: DateTime };

/**
 * Moves the wall clock read to the occurrence the bias means. Past: a bare time later than now is yesterday's, a bare
 * weekday later than now last week's, a day and month never next year's. Future: a bare weekday already over is next
 * week's. Words like "next", "last", "today" are left as said.
 */
function applyBias(wall: Wall, reading: Reading, options: ParseWhenOptions): Wall {
  const { start, matchedText, nowWall } = reading;
  const dayNamed = start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month');
  const onlyWeekday = start.isCertain('weekday') && !start.isCertain('day');
  const leaveAsSaid =
    FORWARD_WORDS.test(matchedText) || BACKWARD_WORDS.test(matchedText) || /\btoday\b/i.test(matchedText);
  const later = (than: number) => toInstant(wall, options.timeZone).getTime() > than;
  if (options.bias === 'future') {
    return onlyWeekday && !leaveAsSaid && !later(options.now.getTime()) ? shiftDays(wall, 7) : wall;
  }
  const limit = options.now.getTime() + PAST_TOLERANCE_MS;
  if (start.isCertain('hour') && !dayNamed && !leaveAsSaid && later(limit)) return shiftDays(wall, -1);
  if (onlyWeekday && !leaveAsSaid && later(limit)) return shiftDays(wall, -7);
  const dayAndMonthOnly = start.isCertain('day') && start.isCertain('month') && !start.isCertain('year');
  return dayAndMonthOnly && wall.year > nowWall.year ? { ...wall, year: wall.year - 1 } : wall;
}

/**
 * Parses `text` as an instant, or refuses it with a reason. Everything meaningful in the text must be read: what chrono
 * leaves over may only be filler ("at", punctuation, "your time"); impossible numbers ("25:00", "31/02"), ranges, a
 * weekday that does not match the date, and wall-clock times skipped or repeated by a daylight-saving change are
 * refused, never rounded. The components chrono reads are rebuilt with luxon in `timeZone`, because chrono itself only
 * knows fixed offsets and abbreviations, which go wrong across daylight-saving changes.
 *
 * Bias 'past' (chrono has no backward mode, so `applyBias` adjusts): "3pm" at 11:00 is yesterday 15:00. Bias 'future'
 * uses chrono's forwardDate. Words like "next"/"this" are left as said, so the caller can object.
 */
export function parseWhen(text: string, options: ParseWhenOptions): ParsedWhen {
  const { timeZone, now, bias } = options;
  const trimmed = text.trim().replace(/\s+/g, ' ');
  // IANAZone instances are cached with their validity, so "now" costs no time-zone arithmetic (it is on the ack path).
  if (!IANAZone.create(timeZone).isValid) return zoneRefusal(timeZone);
  if (trimmed === '' || NOW_WORDS.has(trimmed.toLowerCase())) {
    return { ok: true, at: now, timeGiven: true, matchedText: trimmed };
  }
  const impossible = findImpossible(trimmed, timeZone);
  if (impossible) return impossibleRefusal(impossible);

  const nowWall = DateTime.fromJSDate(now).setZone(timeZone);
  const fakeNow = toFakeUtc(nowWall);
  let reading = readText(trimmed, timeZone, fakeNow, bias === 'future');
  const first = reading.results[0];
  if (first && bias === 'future' && BACKWARD_WORDS.test(first.text))
    reading = readText(trimmed, timeZone, fakeNow, false);

  const { results, spans, rewritten } = reading;
  const pieces = spans.map(([from, to]) => trimmed.slice(from, to).trim());
  const result = results[0];
  const matchedText = pieces[0] ?? '';
  if (!result) return unreadRefusal(trimmed, timeZone);
  if (results.length > 1) return severalRefusal(pieces);
  const typistsOwnZone = (options.typistTimeZone ?? timeZone) === timeZone;
  const leftovers = reading.unread.filter((piece) => !isFiller(piece, timeZone, typistsOwnZone));
  if (leftovers.length > 0) return leftoverRefusal(matchedText, leftovers, timeZone);
  const shape = checkShape(result, matchedText, rewritten);
  if (shape) return shape;

  const start = result.start;
  const tags = start.tags();
  const timeGiven = start.isCertain('hour') || TIME_OF_DAY_WORDS.test(matchedText);

  // "2 hours ago", "in 30 minutes", "now": an exact distance from now, not a wall-clock time.
  if (tags.has('result/relativeDateAndTime') || tags.has('casualReference/now')) {
    const offsetMs = start.date().getTime() - fakeNow.getTime();
    return { ok: true, at: new Date(now.getTime() + offsetMs), timeGiven: true, matchedText };
  }

  const bareHour = checkBareHour(start, matchedText);
  if (bareHour) return bareHour;

  // "3pm EST", "25 Nov 2026 01:30 UTC+01:00": the text names its own offset, so the user's zone does not apply.
  if (start.isCertain('timezoneOffset')) {
    return checkWeekday(start, wallOf(start)) ?? { ok: true, at: start.date(), timeGiven, matchedText };
  }

  let wall = wallOf(start);
  let assumedTime: string | undefined;
  const isToday = wall.year === nowWall.year && wall.month === nowWall.month && wall.day === nowWall.day;
  if (!timeGiven) {
    const hour = options.defaultHour ?? (bias === 'future' ? 9 : isToday ? undefined : 12);
    if (hour === undefined) return { ok: true, at: now, timeGiven: false, matchedText, assumedTime: 'now' };
    wall = { ...wall, hour, minute: 0 };
    assumedTime = hour === 12 ? 'midday' : hhmm(hour);
  }

  wall = applyBias(wall, { start, matchedText, nowWall }, options);
  if (!isRealWall(wall)) return noSuchDayRefusal(wall);
  const weekday = checkWeekday(start, wall);
  if (weekday) return weekday;
  if (!start.isCertain('hour')) {
    return { ok: true, at: toInstant(wall, timeZone), timeGiven, matchedText, ...(assumedTime ? { assumedTime } : {}) };
  }
  const at = typedInstant(wall, timeZone);
  return at instanceof Date ? { ok: true, at, timeGiven, matchedText } : at;
}
