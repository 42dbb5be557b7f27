// The sentences a date field answers with when it refuses what was typed, each with an example that does work.
import { DateTime } from 'luxon';
import { monthFirst } from './chrono-reader.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from './names.js';
import { cityOf, offsetName, type Wall } from './zone-wall.js';

export type WhenProblem = 'unread' | 'leftover' | 'impossible' | 'ambiguous' | 'zone';
export type Refusal = { ok: false; reason: string; problem: WhenProblem };

const refuse = (problem: WhenProblem, reason: string): Refusal => ({ ok: false, reason, problem });

/** Examples in the order the zone reads numbers: 25/11 in London and Tokyo, 11/25 in New York. */
export function examplesFor(timeZone: string): string {
  const numeric = monthFirst(timeZone) ? '11/25 14:30' : '25/11 14:30';
  return `Try "yesterday 3pm", "${numeric}", "24 Dec 10:00" or "next Friday 10:00".`;
}

export function unreadRefusal(text: string, timeZone: string): Refusal {
  return refuse('unread', `I couldn't read "${text}" as a date. ${examplesFor(timeZone)}`);
}

export function leftoverRefusal(read: string, leftovers: readonly string[], timeZone: string): Refusal {
  const notRead = leftovers.map((piece) => `"${piece}"`).join(' or ');
  return refuse('leftover', `I read "${read}" but not ${notRead}, so I won't guess. ${examplesFor(timeZone)}`);
}

export function severalRefusal(pieces: readonly string[]): Refusal {
  const listed = pieces.map((piece) => `"${piece}"`).join(' and ');
  return refuse('ambiguous', `I read ${listed} as different dates; type just one, e.g. "${pieces[0]}".`);
}

export function rangeRefusal(text: string): Refusal {
  return refuse('ambiguous', `"${text}" is a range; type one moment, e.g. its start.`);
}

export function bareHourRefusal(text: string, hour: number): Refusal {
  const other = hour === 12 ? 0 : hour + 12;
  return refuse(
    'ambiguous',
    `I can't tell whether "${text}" means ${pad(hour)}:00 or ${pad(other)}:00; add am or pm ("${hour}pm") or write the minutes ("${pad(hour === 12 ? 12 : other)}:00").`,
  );
}

export function impossibleRefusal(reason: string): Refusal {
  return refuse('impossible', reason);
}

export function twoDigitYearRefusal(text: string): Refusal {
  return refuse(
    'ambiguous',
    `In "${text}" I can't tell whether the two-digit number is a day or a year; write the year in full ("24 Dec 2026") or with an apostrophe ("24 Dec '26").`,
  );
}

export function monthOnlyRefusal(text: string, month: number, year: number): Refusal {
  const name = `${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
  return refuse('ambiguous', `"${text}" names a month but not a day; add the day, e.g. "24 ${name} 10:00".`);
}

/** A day that the year read makes impossible ("29 Feb" read as 2027). */
export function noSuchDayRefusal(wall: Wall): Refusal {
  return refuse('impossible', `There's no ${wall.day} ${MONTH_NAMES[wall.month - 1]} ${wall.year}.`);
}

export function weekdayRefusal(wall: Wall, typedWeekday: number): Refusal {
  const actual = WEEKDAY_NAMES[DateTime.fromObject(wall, { zone: 'UTC' }).weekday % 7];
  const date = `${wall.day} ${MONTH_ABBREVIATIONS[wall.month - 1]} ${wall.year}`;
  return refuse('impossible', `${date} is a ${actual}, not a ${WEEKDAY_NAMES[typedWeekday]}; check which you meant.`);
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** "29 Mar 2026 02:30", month names fixed (ICU's en-GB abbreviations change between versions). */
const phrase = (wall: Wall): string =>
  `${wall.day} ${MONTH_ABBREVIATIONS[wall.month - 1]} ${wall.year} ${pad(wall.hour)}:${pad(wall.minute)}`;
const dayOf = (wall: Wall): string => {
  const date = DateTime.fromObject(wall, { zone: 'UTC' });
  return `${WEEKDAY_NAMES[date.weekday % 7]?.slice(0, 3)} ${wall.day} ${MONTH_ABBREVIATIONS[wall.month - 1]} ${wall.year}`;
};

/** A wall-clock time the clocks jump over: name it, and the time it would be on the clocks after the change. */
export function skippedRefusal(wall: Wall, timeZone: string, sameMomentAfter: Wall): Refusal {
  const day = dayOf(wall);
  const time = `${pad(wall.hour)}:${pad(wall.minute)}`;
  return refuse(
    'impossible',
    `There's no ${time} on ${day} in ${cityOf(timeZone)}: the clocks go forward that night and skip it. Type a time outside the gap, e.g. "${phrase(sameMomentAfter)}" (the same moment on the new clock).`,
  );
}

/** A wall-clock time that happens twice when the clocks go back: offer both, each with its offset. */
export function repeatedRefusal(wall: Wall, timeZone: string, first: Date, second: Date): Refusal {
  const day = dayOf(wall);
  const time = `${pad(wall.hour)}:${pad(wall.minute)}`;
  const firstPhrase = `${phrase(wall)} ${offsetName(first, timeZone)}`;
  const secondPhrase = `${phrase(wall)} ${offsetName(second, timeZone)}`;
  return refuse(
    'ambiguous',
    `${time} happens twice on ${day} in ${cityOf(timeZone)} (the clocks go back that night). Type "${firstPhrase}" for the first or "${secondPhrase}" for the second.`,
  );
}

export function zoneRefusal(timeZone: string): Refusal {
  return refuse('zone', `Your Slack time zone "${timeZone}" isn't one I know, so I can't read dates yet.`);
}
