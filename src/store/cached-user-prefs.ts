// User prefs behind a small write-through memory, so code on the way to views.open never waits on the database.
import type { CachedUserPrefs, UserPrefs, UserPrefsStore } from './types.js';

export type CachedUserPrefsOptions = {
  /** Most users kept in memory (default 10,000); the least recently used are forgotten first. */
  maxUsers?: number;
};

/**
 * Wraps any prefs store. Writes go to the store first and then to memory, so memory never holds what the store
 * refused. With several instances, another instance's newer choice shows up here only after a restart or eviction:
 * prefs are defaults for a form, never facts a delivery depends on.
 */
export function createCachedUserPrefs(store: UserPrefsStore, options: CachedUserPrefsOptions = {}): CachedUserPrefs {
  const maxUsers = options.maxUsers ?? 10_000;
  const known = new Map<string, UserPrefs>();
  const loading = new Map<string, Promise<UserPrefs>>();

  const remember = (slackUserId: string, prefs: UserPrefs): UserPrefs => {
    known.delete(slackUserId);
    known.set(slackUserId, prefs);
    if (known.size > maxUsers) {
      const oldest = known.keys().next().value;
      if (oldest !== undefined) known.delete(oldest);
    }
    return prefs;
  };

  const load = (slackUserId: string): Promise<UserPrefs> => {
    const pending = loading.get(slackUserId);
    if (pending) return pending;
    const started = store
      .get(slackUserId)
      .then((prefs) => remember(slackUserId, { ...prefs, ...known.get(slackUserId) }))
      .finally(() => loading.delete(slackUserId));
    loading.set(slackUserId, started);
    return started;
  };

  return {
    peek(slackUserId) {
      const prefs = known.get(slackUserId);
      if (prefs) remember(slackUserId, prefs);
      return prefs;
    },
    async get(slackUserId) {
      return known.get(slackUserId) ?? load(slackUserId);
    },
    async setTimeZone(slackUserId, timeZone) {
      const current = known.get(slackUserId) ?? (await load(slackUserId));
      if (current.timeZone === timeZone) return;
      await store.setTimeZone(slackUserId, timeZone);
      remember(slackUserId, { ...(known.get(slackUserId) ?? current), timeZone });
    },
    async setLastChannel(slackUserId, channelId) {
      const current = known.get(slackUserId) ?? (await load(slackUserId));
      if (current.lastChannelId === channelId) return;
      await store.setLastChannel(slackUserId, channelId);
      remember(slackUserId, { ...(known.get(slackUserId) ?? current), lastChannelId: channelId });
    },
  };
}
