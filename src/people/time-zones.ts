// Each Slack user's IANA time zone: from users.info, remembered in memory and in the prefs store, never blocking.
import type { Logger } from '../logger.js';
import type { CachedUserPrefs } from '../store/index.js';
import { createSingleFlight, createTtlCache } from './cache.js';
import type { SlackUserFacts } from './slack-user-source.js';

export type TimeZoneResolver = {
  timeZoneOf(slackUserId: string): string | undefined;
  resolveTimeZone(slackUserId: string): Promise<string>;
};

export type TimeZoneResolverOptions = {
  fetchUser: (slackUserId: string) => Promise<SlackUserFacts>;
  prefs: CachedUserPrefs;
  logger: Logger;
  ttlMs: number;
  failureTtlMs: number;
  now: () => number;
  fallbackTimeZone: string;
};

/** True for a zone name the runtime's Intl knows, e.g. Europe/London (Slack's tz is IANA, but check anyway). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `fromSlack` distinguishes a zone Slack told us from the fallback we stood in with. */
type Known = { zone: string; fromSlack: boolean };

export function createTimeZoneResolver(options: TimeZoneResolverOptions): TimeZoneResolver {
  const { prefs, logger, now, fallbackTimeZone } = options;
  const cache = createTtlCache<Known>(now);

  const persistedZone = async (slackUserId: string): Promise<string | undefined> => {
    try {
      return (await prefs.get(slackUserId)).timeZone;
    } catch (error) {
      logger.warn({ err: error, slackUserId }, 'could not read the stored time zone');
      return undefined;
    }
  };

  /** The prefs cache skips the write when the zone is unchanged. */
  const persist = async (slackUserId: string, zone: string): Promise<void> => {
    try {
      await prefs.setTimeZone(slackUserId, zone);
    } catch (error) {
      logger.warn({ err: error, slackUserId }, 'could not store the time zone');
    }
  };

  /** What to use when Slack gives no zone: the last zone Slack gave, else the configured fallback. */
  const lastKnownZone = async (slackUserId: string): Promise<string> => {
    const cached = cache.get(slackUserId)?.value;
    if (cached?.fromSlack) return cached.zone;
    return (await persistedZone(slackUserId)) ?? fallbackTimeZone;
  };

  const fetchZone = createSingleFlight(async (slackUserId: string): Promise<string> => {
    let user: SlackUserFacts;
    try {
      user = await options.fetchUser(slackUserId);
    } catch (error) {
      const zone = await lastKnownZone(slackUserId);
      logger.warn({ err: error, slackUserId, zone }, 'users.info failed; using the last known time zone');
      cache.set(
        slackUserId,
        { zone, fromSlack: cache.get(slackUserId)?.value.fromSlack ?? false },
        options.failureTtlMs,
      );
      return zone;
    }
    const reported = user.timeZone;
    if (reported !== undefined && isValidTimeZone(reported)) {
      cache.set(slackUserId, { zone: reported, fromSlack: true }, options.ttlMs);
      await persist(slackUserId, reported);
      return reported;
    }
    const zone = await lastKnownZone(slackUserId);
    if (reported !== undefined) logger.warn({ slackUserId, reported, zone }, 'Slack gave an unknown time zone');
    else logger.debug({ slackUserId, zone, isBot: user.isBot, deleted: user.deleted }, 'Slack gave no time zone');
    cache.set(slackUserId, { zone, fromSlack: false }, options.ttlMs);
    return zone;
  });

  return {
    timeZoneOf(slackUserId) {
      return cache.get(slackUserId)?.value.zone ?? prefs.peek(slackUserId)?.timeZone;
    },
    async resolveTimeZone(slackUserId) {
      const cached = cache.get(slackUserId);
      if (cached?.fresh) return cached.value.zone;
      return fetchZone(slackUserId);
    },
  };
}
