// How the modal shows its understanding of dates and of the follow-up person, recomputed on each check.
import { formatInZone, parseWhen } from '../../dates/index.js';
import type { Draft } from '../../interactions/index.js';
import type { EmployeeLookup } from '../../people/index.js';
import { describeUnmappedFollowUp } from '../log-modal/submission-context.js';

export type HintInput = {
  draft: Draft;
  now: Date;
  userTimeZone: string;
  followUpTimeZone: string;
  followUpLookup: EmployeeLookup | undefined;
  mappingContact: string;
};

export type ModalHints = { when?: string; followUpWhen?: string; followUpBy?: string };

/** Pure: the hint lines under "When", "Follow up on" and "Follow-up by". */
export function computeModalHints(input: HintInput): ModalHints {
  const hints: ModalHints = {};
  const when = parseWhen(input.draft.when ?? '', { timeZone: input.userTimeZone, now: input.now, bias: 'past' });
  hints.when = when.ok
    ? `→ ${formatInZone(when.at, input.userTimeZone)} (your time)${when.at > input.now ? ' ⚠ that is in the future' : ''}`
    : `⚠ ${when.reason}`;

  if (input.draft.followUpWhen) {
    const followUp = parseWhen(input.draft.followUpWhen, {
      timeZone: input.followUpTimeZone,
      now: input.now,
      bias: 'future',
      defaultHour: 9,
    });
    const whose = input.followUpTimeZone === input.userTimeZone ? 'your time' : `their time, ${input.followUpTimeZone}`;
    hints.followUpWhen = followUp.ok
      ? `→ ${formatInZone(followUp.at, input.followUpTimeZone)} (${whose})${followUp.at <= input.now ? ' ⚠ that is in the past' : ''}`
      : `⚠ ${followUp.reason}`;
  }

  if (input.followUpLookup) {
    hints.followUpBy = input.followUpLookup.ok
      ? `→ Caliq employee ${input.followUpLookup.employeeId}; reminders use their time zone (${input.followUpTimeZone}).`
      : `⚠ ${describeUnmappedFollowUp(input.followUpLookup, input.mappingContact)}`;
  }
  return hints;
}
