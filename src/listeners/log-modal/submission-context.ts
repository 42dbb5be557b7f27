// Gathers what validation needs (who submits, who follows up, their time zones) from caches, waiting at most briefly.
import type { ValidationContext } from '../../interactions/index.js';
import type { EmployeeLookup } from '../../people/index.js';
import type { SlackMessage } from '../../slack-api/index.js';
import { buildUnmappedUserMessage, describeUnmappedFollowUp, SUBMITTER_LOOKUP_SLOW } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';
import { withDeadline } from './deadline.js';

/** Slack allows 3 s for the whole view_submission answer; lookups that missed the cache get at most this. */
const LOOKUP_BUDGET_MS = 1200;

const TIMED_OUT: EmployeeLookup = {
  ok: false,
  reason: 'lookup_failed',
  detail: 'Slack did not answer in time',
};

export type SubmissionContext = {
  contactedBy: EmployeeLookup;
  userTimeZone: string;
  followUp: { lookup: EmployeeLookup; timeZone: string } | undefined;
};

async function employeeOf(deps: ListenerDeps, slackUserId: string): Promise<EmployeeLookup> {
  return (
    deps.people.lookupEmployee(slackUserId) ??
    withDeadline(deps.people.resolveEmployee(slackUserId), LOOKUP_BUDGET_MS, TIMED_OUT)
  );
}

async function timeZoneOf(deps: ListenerDeps, slackUserId: string): Promise<string> {
  const known = deps.people.timeZoneOf(slackUserId);
  if (known) return known;
  return withDeadline(deps.people.resolveTimeZone(slackUserId), LOOKUP_BUDGET_MS, deps.config.caliq.timeZone);
}

/** Everything in parallel so the slowest lookup, not their sum, bounds the wait. */
export async function resolveSubmissionContext(
  deps: ListenerDeps,
  userId: string,
  followUpBy: string | undefined,
): Promise<SubmissionContext> {
  const [contactedBy, userTimeZone, followUpLookup, followUpZone] = await Promise.all([
    employeeOf(deps, userId),
    timeZoneOf(deps, userId),
    followUpBy ? employeeOf(deps, followUpBy) : undefined,
    followUpBy ? timeZoneOf(deps, followUpBy) : undefined,
  ]);
  return {
    contactedBy,
    userTimeZone,
    followUp:
      followUpBy && followUpLookup && followUpZone ? { lookup: followUpLookup, timeZone: followUpZone } : undefined,
  };
}

/** The checks' context for a draft from this person, with the lookups already made; the same for every entry point. */
export function validationContextFor(
  deps: ListenerDeps,
  request: { uniqueId: string; contactedBy: string; context: SubmissionContext },
): ValidationContext {
  const { context } = request;
  const lookup = context.followUp?.lookup;
  return {
    uniqueId: request.uniqueId,
    now: deps.now(),
    userTimeZone: context.userTimeZone,
    followUpTimeZone: context.followUp?.timeZone ?? context.userTimeZone,
    contactedBy: request.contactedBy,
    followUpEmployee:
      lookup === undefined
        ? undefined
        : lookup.ok
          ? { ok: true, employeeId: lookup.employeeId }
          : { ok: false, message: describeUnmappedFollowUp(lookup, deps.config.people.mappingContact) ?? '' },
    knownAccountNos: deps.reference.knownAccountNos(),
    channels: deps.reference.channels.current(),
    defaultChannelId: deps.config.caliq.defaultChannelId,
  };
}

/** What a submitter who can't be sent for is told: Slack was too slow to say who they are, or nobody mapped them. */
export function unmappedSubmitterAnswer(
  deps: ListenerDeps,
  slackUserId: string,
  reason: Exclude<EmployeeLookup, { ok: true }>['reason'],
): SlackMessage {
  if (reason === 'lookup_failed') return SUBMITTER_LOOKUP_SLOW;
  return buildUnmappedUserMessage({ slackUserId, mappingContact: deps.config.people.mappingContact, who: 'you' });
}
