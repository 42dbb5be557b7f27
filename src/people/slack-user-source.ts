// What the people directory asks of Slack (a user's facts, their profile fields), so the directory is tested without Slack.

/** The few users.info facts the directory uses; empty strings from Slack arrive as undefined. */
export type SlackUserFacts = {
  timeZone?: string;
  email?: string;
  realName?: string;
  displayName?: string;
  isBot?: boolean;
  deleted?: boolean;
};

/** A custom profile field defined for the workspace (team.profile.get). */
export type SlackProfileFieldDefinition = { id: string; label: string };

export type SlackUserSource = {
  /** users.info; rejects when Slack answers with an error. */
  getUser(userId: string): Promise<SlackUserFacts>;
  /** users.profile.get: custom profile field id → value. */
  getProfileFields(userId: string): Promise<Record<string, string>>;
  /** team.profile.get: the workspace's custom profile fields. */
  getTeamProfileFields(): Promise<SlackProfileFieldDefinition[]>;
};
