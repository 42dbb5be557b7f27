// Reads one message by its conversation and ts: conversations.history for a channel message, else (a reply in a
// thread) conversations.replies, whose answer holds it.
import type { WebClient } from '@slack/web-api';

export type SlackMessageFacts = {
  ts: string;
  text: string;
  user: string | undefined;
  /** The author's team (`user_team`, else `team`). */
  team: string | undefined;
  threadTs: string | undefined;
};

type RawMessage = { ts?: string; text?: string; user?: string; team?: string; user_team?: string; thread_ts?: string };

const facts = (message: RawMessage, ts: string): SlackMessageFacts => ({
  ts,
  text: message.text ?? '',
  user: message.user,
  team: message.user_team ?? message.team,
  threadTs: message.thread_ts,
});

/** Undefined when Slack has no such message; rejects on a Slack error (not in the channel, missing scope). */
export async function readMessage(
  client: WebClient,
  conversationId: string,
  ts: string,
): Promise<SlackMessageFacts | undefined> {
  const history = await client.conversations.history({
    channel: conversationId,
    latest: ts,
    inclusive: true,
    limit: 1,
  });
  const top = (history.messages as RawMessage[] | undefined)?.find((message) => message.ts === ts);
  if (top) return facts(top, ts);
  const replies = await client.conversations.replies({ channel: conversationId, ts, limit: 1000 });
  const reply = (replies.messages as RawMessage[] | undefined)?.find((message) => message.ts === ts);
  return reply ? facts(reply, ts) : undefined;
}
