// Slack user → Caliq employee ID (map file, then profile field, then Caliq's list) and time zone, cached for submissions.
import type { CaliqEmployee } from '../caliq/index.js';
import { CALIQ_LIMITS } from '../caliq/index.js';
import type { Logger } from '../logger.js';
import type { CachedUserPrefs } from '../store/index.js';
import { createSingleFlight, createTtlCache } from './cache.js';
import type { EmployeeMap } from './employee-map.js';
import { type EmployeeLookup, matchCaliqEmployee } from './match-employee.js';
import type { SlackUserFacts, SlackUserSource } from './slack-user-source.js';
import { createTimeZoneResolver } from './time-zones.js';

export type { EmployeeLookup } from './match-employee.js';

export type PeopleDirectory = {
  /** Synchronous, for view_submission: the map file, else an earlier resolution (fresh or stale), else undefined. */
  lookupEmployee(slackUserId: string): EmployeeLookup | undefined;
  /** Resolves and caches; never throws (Slack errors become `lookup_failed`). */
  resolveEmployee(slackUserId: string): Promise<EmployeeLookup>;
  /** Synchronous, from memory only: the cached zone, else the stored one if loaded, else undefined. */
  timeZoneOf(slackUserId: string): string | undefined;
  /** Slack's zone for the user; on failure the last known zone or the fallback. Never throws. */
  resolveTimeZone(slackUserId: string): Promise<string>;
  /** Starts both resolutions in the background (called right after views.open); never rejects. */
  warm(slackUserId: string): void;
};

export type PeopleDirectoryOptions = {
  employeeMap: EmployeeMap;
  /** Label of the Slack custom profile field holding the Caliq employee ID (EMPLOYEE_PROFILE_FIELD). */
  profileFieldLabel: string | undefined;
  slack: SlackUserSource;
  /** Caliq's employee list, cached elsewhere; undefined while unknown. */
  employees: () => readonly CaliqEmployee[] | undefined;
  prefs: CachedUserPrefs;
  logger: Logger;
  /** How long a found mapping, a time zone and the profile field labels are trusted; default 1 hour. */
  ttlMs?: number;
  /** How long "not mapped" / "ambiguous" is remembered, short so a profile fix shows up soon; default 5 minutes. */
  negativeTtlMs?: number;
  /** How long a failed lookup is remembered before Slack is asked again; default 30 seconds. */
  failureTtlMs?: number;
  now?: () => number;
  /** Used when Slack has no zone for the user (bots, deleted users) and none was stored, e.g. CALIQ_TIME_ZONE. */
  fallbackTimeZone: string;
};

const TEAM_FIELDS_KEY = 'team';

const describeError = (error: unknown): string => {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
};

export function createPeopleDirectory(options: PeopleDirectoryOptions): PeopleDirectory {
  const { employeeMap, slack } = options;
  const logger = options.logger.child({ module: 'people' });
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 3_600_000;
  const negativeTtlMs = Math.min(options.negativeTtlMs ?? 300_000, ttlMs);
  const failureTtlMs = Math.min(options.failureTtlMs ?? 30_000, negativeTtlMs);
  const profileFieldLabel = options.profileFieldLabel?.trim().toLowerCase() || undefined;

  const lookups = createTtlCache<EmployeeLookup>(now);
  const teamFields = createTtlCache<string | undefined>(now);
  const fetchUser = createSingleFlight((userId) => slack.getUser(userId));
  const timeZones = createTimeZoneResolver({
    fetchUser,
    prefs: options.prefs,
    logger,
    ttlMs,
    failureTtlMs,
    now,
    fallbackTimeZone: options.fallbackTimeZone,
  });

  const fromMapFile = (slackUserId: string): EmployeeLookup | undefined => {
    const employeeId = employeeMap.bySlackUser.get(slackUserId.toUpperCase());
    return employeeId === undefined ? undefined : { ok: true, employeeId, source: 'map' };
  };

  /** The id of the profile field whose label is configured, looked up once per TTL (team.profile.get is Tier 3). */
  const fetchProfileFieldId = createSingleFlight(async (): Promise<string | undefined> => {
    const fields = await slack.getTeamProfileFields();
    const field = fields.find((candidate) => candidate.label.trim().toLowerCase() === profileFieldLabel);
    if (field === undefined) {
      logger.warn(
        { label: options.profileFieldLabel, labels: fields.map((candidate) => candidate.label) },
        'no Slack custom profile field has the configured EMPLOYEE_PROFILE_FIELD label',
      );
    }
    teamFields.set(TEAM_FIELDS_KEY, field?.id, ttlMs);
    return field?.id;
  });

  const profileFieldId = async (): Promise<string | undefined> => {
    const cached = teamFields.get(TEAM_FIELDS_KEY);
    return cached?.fresh ? cached.value : fetchProfileFieldId(TEAM_FIELDS_KEY);
  };

  /** The profile field's value when it is usable; a value too long for Caliq is reported and passed over. */
  const fromProfile = async (slackUserId: string): Promise<EmployeeLookup | undefined> => {
    if (profileFieldLabel === undefined) return undefined;
    const fieldId = await profileFieldId();
    if (fieldId === undefined) return undefined;
    const value = (await slack.getProfileFields(slackUserId))[fieldId]?.trim() ?? '';
    if (value === '') return undefined;
    if (value.length > CALIQ_LIMITS.employeeId) {
      logger.warn({ slackUserId, length: value.length }, 'profile field value is too long to be a Caliq employee ID');
      return undefined;
    }
    return { ok: true, employeeId: value, source: 'profile' };
  };

  const fromCaliq = (user: SlackUserFacts): EmployeeLookup => {
    const employees = options.employees();
    if (employees === undefined) {
      return { ok: false, reason: 'lookup_failed', detail: 'the Caliq employee list is not loaded yet' };
    }
    return matchCaliqEmployee(user, employees);
  };

  const findEmployee = async (slackUserId: string): Promise<EmployeeLookup> => {
    const user = await fetchUser(slackUserId);
    if (user.isBot) return { ok: false, reason: 'not_mapped', detail: 'the Slack user is a bot' };
    const mappedByEmail = user.email === undefined ? undefined : employeeMap.byEmail.get(user.email.toLowerCase());
    if (mappedByEmail !== undefined) return { ok: true, employeeId: mappedByEmail, source: 'map' };
    return (await fromProfile(slackUserId)) ?? fromCaliq(user);
  };

  const ttlFor = (lookup: EmployeeLookup): number => {
    if (lookup.ok) return ttlMs;
    return lookup.reason === 'lookup_failed' ? failureTtlMs : negativeTtlMs;
  };

  const resolveFresh = createSingleFlight(async (slackUserId: string): Promise<EmployeeLookup> => {
    let lookup: EmployeeLookup;
    try {
      lookup = await findEmployee(slackUserId);
    } catch (error) {
      logger.warn({ err: error, slackUserId }, 'could not look up the Caliq employee ID in Slack');
      lookup = { ok: false, reason: 'lookup_failed', detail: describeError(error) };
    }
    const previous = lookups.get(slackUserId)?.value;
    if (!lookup.ok && lookup.reason === 'lookup_failed' && previous?.ok) {
      // A passing outage should not unmap someone who was mapped an hour ago; try again soon instead.
      lookups.set(slackUserId, previous, failureTtlMs);
      return previous;
    }
    lookups.set(slackUserId, lookup, ttlFor(lookup));
    logger.debug({ slackUserId, lookup }, 'resolved Caliq employee');
    return lookup;
  });

  const resolveEmployee = async (slackUserId: string): Promise<EmployeeLookup> => {
    const mapped = fromMapFile(slackUserId);
    if (mapped !== undefined) return mapped;
    const cached = lookups.get(slackUserId);
    if (cached?.fresh) return cached.value;
    return resolveFresh(slackUserId);
  };

  return {
    lookupEmployee: (slackUserId) => fromMapFile(slackUserId) ?? lookups.get(slackUserId)?.value,
    resolveEmployee,
    timeZoneOf: timeZones.timeZoneOf,
    resolveTimeZone: timeZones.resolveTimeZone,
    warm(slackUserId) {
      const report = (error: unknown) => logger.error({ err: error, slackUserId }, 'warming the people cache failed');
      resolveEmployee(slackUserId).catch(report);
      timeZones.resolveTimeZone(slackUserId).catch(report);
    },
  };
}
