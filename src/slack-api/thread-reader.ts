// Reads a Slack thread (conversations.replies from its parent, paginated, at most 200 messages) and its authors' names,
// or says why it could not: the bot is not in the channel, a conversation it cannot see, a missing scope, a rate limit.
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { ThreadMessage } from '../interactions/index.js';

export const THREAD_MAX_MESSAGES = 200;
/** Distinct people looked up for names in one thread; beyond this the transcript shows their user ID. */
const MAX_NAME_LOOKUPS = 50;

export type ThreadProblem = 'not_in_channel' | 'not_visible' | 'missing_scope' | 'rate_limited' | 'failed';

export type ThreadRead =
  | { ok: true; messages: ThreadMessage[]; nameOf: (userId: string) => string | undefined }
  | { ok: false; problem: ThreadProblem; detail: string };

type RawMessage = {
  ts?: string;
  user?: string;
  text?: string;
  bot_id?: string;
  subtype?: string;
  files?: { name?: string; title?: string; permalink?: string }[];
};

/** The expected failures as a problem the form can explain; anything else is `failed`. */
export function threadProblemOf(error: unknown): { problem: ThreadProblem; detail: string } {
  const { code, data } = (error ?? {}) as { code?: string; data?: { error?: string } };
  if (code === ErrorCode.RateLimitedError) return { problem: 'rate_limited', detail: 'ratelimited' };
  const slackError = code === ErrorCode.PlatformError ? data?.error : undefined;
  if (slackError === 'not_in_channel') return { problem: 'not_in_channel', detail: slackError };
  if (slackError === 'channel_not_found') return { problem: 'not_visible', detail: slackError };
  if (slackError === 'missing_scope' || slackError === 'not_allowed_token_type') {
    return { problem: 'missing_scope', detail: slackError };
  }
  if (slackError === 'ratelimited') return { problem: 'rate_limited', detail: slackError };
  return { problem: 'failed', detail: slackError ?? (error instanceof Error ? error.message : String(error)) };
}

async function lookUpNames(client: WebClient, userIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    userIds.slice(0, MAX_NAME_LOOKUPS).map(async (userId) => {
      try {
        const { user } = await client.users.info({ user: userId });
        const name = user?.real_name || user?.profile?.real_name || user?.profile?.display_name || user?.name;
        if (name) names.set(userId, name);
      } catch {
        // A person Slack won't describe (deactivated, another grid) keeps their ID in the transcript.
      }
    }),
  );
  return names;
}

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/** The thread whose parent is `threadTs`, oldest first; never rejects (a failure is a ThreadRead with a problem). */
export async function readThread(
  client: WebClient,
  thread: { conversationId: string; threadTs: string; botUserId?: string },
): Promise<ThreadRead> {
  const raw: RawMessage[] = [];
  try {
    let cursor: string | undefined;
    do {
      const answer = await client.conversations.replies({
        channel: thread.conversationId,
        ts: thread.threadTs,
        limit: THREAD_MAX_MESSAGES - raw.length,
        ...(cursor ? { cursor } : {}),
      });
      raw.push(...((answer.messages ?? []) as RawMessage[]));
      cursor = answer.response_metadata?.next_cursor || undefined;
    } while (cursor && raw.length < THREAD_MAX_MESSAGES);
  } catch (error) {
    return { ok: false, ...threadProblemOf(error) };
  }
  const kept = raw.slice(0, THREAD_MAX_MESSAGES);
  const people = new Set<string>();
  for (const message of kept) {
    if (message.user) people.add(message.user);
    for (const match of (message.text ?? '').matchAll(MENTION)) if (match[1]) people.add(match[1]);
  }
  const names = await lookUpNames(client, [...people]);
  const messages = kept.map(
    (message): ThreadMessage => ({
      ts: message.ts ?? '0',
      authorName: (message.user && names.get(message.user)) || message.user || 'someone',
      text: message.text ?? '',
      files: (message.files ?? []).map((file) => ({
        name: file.name || file.title || 'a file',
        ...(file.permalink ? { permalink: file.permalink } : {}),
      })),
      fromBot: Boolean(message.bot_id) || message.subtype === 'bot_message' || message.user === thread.botUserId,
    }),
  );
  return { ok: true, messages, nameOf: (userId) => names.get(userId) };
}
