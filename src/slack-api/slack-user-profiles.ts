// The people directory's Slack user source over @slack/web-api: users.info, users.profile.get and team.profile.get.
import type { WebClient } from '@slack/web-api';
import type { SlackProfileFieldDefinition, SlackUserSource } from '../people/index.js';

/** Slack sends "" for facts it does not have (a bot's tz, an email without users:read.email); treat those as absent. */
const textOrUndefined = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/** Builds the port; WebClient errors (ok: false, HTTP, rate limits) propagate as rejections for the directory. */
export function createSlackUserSource(client: WebClient): SlackUserSource {
  return {
    async getUser(userId) {
      const { user } = await client.users.info({ user: userId });
      return {
        timeZone: textOrUndefined(user?.tz),
        email: textOrUndefined(user?.profile?.email),
        realName: textOrUndefined(user?.real_name ?? user?.profile?.real_name),
        displayName: textOrUndefined(user?.profile?.display_name),
        isBot: user?.is_bot ?? false,
        deleted: user?.deleted ?? false,
      };
    },
    async getProfileFields(userId) {
      const { profile } = await client.users.profile.get({ user: userId });
      const values: Record<string, string> = {};
      for (const [id, field] of Object.entries(profile?.fields ?? {})) {
        if (typeof field?.value === 'string') values[id] = field.value;
      }
      return values;
    },
    async getTeamProfileFields() {
      const { profile } = await client.team.profile.get();
      return (profile?.fields ?? []).flatMap((field): SlackProfileFieldDefinition[] =>
        typeof field.id === 'string' && typeof field.label === 'string' ? [{ id: field.id, label: field.label }] : [],
      );
    },
  };
}
