// What Slack knows around a message: its author's profile and organisation, and whether its channel is shared with
// other organisations (Slack Connect). users.info, team.info and conversations.info; each rejects on a Slack error.
import type { WebClient } from '@slack/web-api';

export type SlackAuthor = {
  userId: string;
  teamId: string | undefined;
  firstName: string | undefined;
  lastName: string | undefined;
  realName: string | undefined;
  isBot: boolean;
};

export type ConversationSharing = {
  name: string | undefined;
  /** Slack Connect: shared with at least one other organisation. */
  isExtShared: boolean;
  /** The other organisations' team IDs, when Slack lists them. */
  otherTeamIds: string[];
};

const present = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export async function readSlackAuthor(client: WebClient, userId: string): Promise<SlackAuthor> {
  const { user } = await client.users.info({ user: userId });
  return {
    userId,
    teamId: present(user?.team_id ?? user?.profile?.team),
    firstName: present(user?.profile?.first_name),
    lastName: present(user?.profile?.last_name),
    realName: present(user?.real_name ?? user?.profile?.real_name),
    isBot: user?.is_bot ?? false,
  };
}

/** Another organisation's name (team.info answers for teams the workspace is connected to). */
export async function readTeamName(client: WebClient, teamId: string): Promise<string | undefined> {
  const { team } = await client.team.info({ team: teamId });
  return present(team?.name);
}

export async function readConversationSharing(
  client: WebClient,
  conversationId: string,
  ownTeamId: string | undefined,
): Promise<ConversationSharing> {
  const { channel } = await client.conversations.info({ channel: conversationId });
  const connected = (channel as { connected_team_ids?: string[] } | undefined)?.connected_team_ids ?? [];
  return {
    name: present(channel?.name),
    isExtShared: channel?.is_ext_shared ?? false,
    otherTeamIds: connected.filter((teamId) => teamId !== ownTeamId),
  };
}
