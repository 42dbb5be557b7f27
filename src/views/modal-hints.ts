// How the modal shows its understanding of dates and of the follow-up person, recomputed on each check.
import { formatForTwoZones, formatInZone, type ParsedWhen, parseWhen } from '../dates/index.js';
import type { Draft } from '../interactions/index.js';
import type { EmployeeLookup } from '../people/index.js';
import { describeUnmappedFollowUp } from './people-messages.js';

export type HintInput = {
  draft: Draft;
  now: Date;
  userTimeZone: string;
  followUpTimeZone: string;
  /** The follow-up person's name, for "in Carol's time (Tokyo)"; without it the line says "their time". */
  followUpName?: string;
  followUpLookup: EmployeeLookup | undefined;
  mappingContact: string;
};

export type ModalHints = { when?: string; followUpWhen?: string; followUpBy?: string };

/** ". No time given, so midday." when the text named a day but no time, so the rule used is never a surprise. */
function assumedNote(parsed: ParsedWhen): string {
  return parsed.ok && parsed.assumedTime ? `. No time given, so ${parsed.assumedTime}.` : '';
}

/** Pure: the hint lines under "When", "Follow up on" and "Follow-up by". */
export function computeModalHints(input: HintInput): ModalHints {
  const hints: ModalHints = {};
  const when = parseWhen(input.draft.when ?? '', { timeZone: input.userTimeZone, now: input.now, bias: 'past' });
  hints.when = when.ok
    ? `→ ${formatInZone(when.at, input.userTimeZone)} (your time)${when.at > input.now ? ' ⚠ that is in the future' : ''}${assumedNote(when)}`
    : `⚠ ${when.reason}`;

  if (input.draft.followUpWhen) {
    // The follow-up is read in the follow-up person's zone (their 09:00 is when they start work); the line says so.
    const followUp = parseWhen(input.draft.followUpWhen, {
      timeZone: input.followUpTimeZone,
      typistTimeZone: input.userTimeZone,
      now: input.now,
      bias: 'future',
      defaultHour: 9,
    });
    const zones = { theirs: input.followUpTimeZone, yours: input.userTimeZone, theirName: input.followUpName };
    hints.followUpWhen = followUp.ok
      ? `→ ${formatForTwoZones(followUp.at, zones)}${followUp.at <= input.now ? ' ⚠ that is in the past' : ''}${assumedNote(followUp)}`
      : `⚠ ${followUp.reason}`;
  }

  if (input.followUpLookup) {
    hints.followUpBy = input.followUpLookup.ok
      ? `→ Caliq employee ${input.followUpLookup.employeeId}; reminders use their time zone (${input.followUpTimeZone}).`
      : `⚠ ${describeUnmappedFollowUp(input.followUpLookup, input.mappingContact)}`;
  }
  return hints;
}
