// The fake's threads and other organisations: conversations.replies / history over stored messages (the app's DMs
// too), team.info for Slack Connect teams, and the Block Kit limits Slack enforces on views and messages.
import { listMessageLimitViolations, listModalLimitViolations } from '../../src/views/index.js';
import type { AnswerContext, FakeSlackAnswer, FakeSlackArgs } from './fake-slack-workspace.js';

/** A message in a conversation of the fake workspace; a reply carries its parent's `thread_ts`. */
export type FakeSlackMessage = {
  ts: string;
  text: string;
  user?: string;
  /** The author's team (another organisation's in a Slack Connect channel). */
  team?: string;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
  files?: { id: string; name: string; permalink: string }[];
  /** Message metadata as chat.postMessage was given it; history shows it only with include_all_metadata. */
  metadata?: { event_type: string; event_payload?: Record<string, unknown> };
};

type Answer = (args: FakeSlackArgs, context: AnswerContext) => FakeSlackAnswer;

const text = (args: FakeSlackArgs, key: string): string | undefined => {
  const value = args[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};

/** Slack answers a conversation the bot cannot read as it would: not a member, or not visible at all. */
function unreadable(
  channelId: string | undefined,
  { workspace }: AnswerContext,
  dmsToo = false,
): FakeSlackAnswer | undefined {
  // The app's own DM with a user (`D` + user ID, as conversations.open answers) is readable with im:history.
  if (dmsToo && channelId && /^D[UW]/.test(channelId)) return undefined;
  const channel = channelId ? workspace.channels.get(channelId) : undefined;
  if (!channelId || !channel || channel.isIm) return { ok: false, error: 'channel_not_found' };
  if (channel.isMember === false) return { ok: false, error: 'not_in_channel' };
  return undefined;
}

/** One page of `messages` after the opaque cursor, as Slack paginates (`response_metadata.next_cursor`). */
function page(messages: FakeSlackMessage[], args: FakeSlackArgs): FakeSlackAnswer {
  const limit = Math.min(Math.max(Number(text(args, 'limit') ?? 100) || 100, 1), 1000);
  const start = Number(Buffer.from(text(args, 'cursor') ?? '', 'base64').toString('utf8') || 0);
  const shown = messages.slice(start, start + limit);
  const next = start + limit < messages.length ? Buffer.from(String(start + limit)).toString('base64') : '';
  return {
    ok: true,
    messages: shown,
    has_more: next !== '',
    ...(next ? { response_metadata: { next_cursor: next } } : { response_metadata: { next_cursor: '' } }),
  };
}

const conversationMessages = (channelId: string, { workspace }: AnswerContext): FakeSlackMessage[] =>
  [...(workspace.messages.get(channelId) ?? [])].sort((a, b) => Number(a.ts) - Number(b.ts));

const replies: Answer = (args, context) => {
  const channel = text(args, 'channel');
  const refused = unreadable(channel, context);
  if (refused || !channel) return refused ?? { ok: false, error: 'channel_not_found' };
  const ts = text(args, 'ts');
  const all = conversationMessages(channel, context);
  const asked = all.find((message) => message.ts === ts);
  if (!asked) return { ok: false, error: 'thread_not_found' };
  const parentTs = asked.thread_ts ?? asked.ts;
  return page(
    all.filter((message) => message.ts === parentTs || message.thread_ts === parentTs),
    args,
  );
};

/** Newest first, like Slack; `latest` + `inclusive` + `limit: 1` reads one message by its ts. */
const history: Answer = (args, context) => {
  const channel = text(args, 'channel');
  const refused = unreadable(channel, context, true);
  if (refused || !channel) return refused ?? { ok: false, error: 'channel_not_found' };
  const latest = text(args, 'latest');
  const inclusive = text(args, 'inclusive') === 'true' || args.inclusive === true;
  const topLevel = conversationMessages(channel, context)
    .filter((message) => !message.thread_ts || message.thread_ts === message.ts)
    .filter((m) => latest === undefined || Number(m.ts) < Number(latest) || (inclusive && m.ts === latest))
    .reverse();
  const withMetadata = text(args, 'include_all_metadata') === 'true' || args.include_all_metadata === true;
  return page(withMetadata ? topLevel : topLevel.map(({ metadata: _hidden, ...message }) => message), args);
};

const teamInfo: Answer = (args, { workspace }) => {
  const id = text(args, 'team');
  const name = id ? workspace.teams.get(id) : undefined;
  if (!id || !name) return { ok: false, error: 'team_not_found' };
  return { ok: true, team: { id, name, domain: name.toLowerCase().replace(/\W+/g, '-') } };
};

/** Wraps an answer so a view or message over Slack's limits is refused (`invalid_arguments`), as real Slack does. */
export function refusingOverLimits(answer: Answer, what: 'view' | 'message'): Answer {
  return (args, context) => {
    const view = args.view as Parameters<typeof listModalLimitViolations>[0] | undefined;
    // Anything but a modal (or no view at all) is left to the answer itself.
    if (what === 'view' && (typeof view !== 'object' || view === null || !view.title)) return answer(args, context);
    const problems =
      what === 'view' && view
        ? listModalLimitViolations(view)
        : Array.isArray(args.blocks)
          ? listMessageLimitViolations({ text: text(args, 'text') ?? ' ', blocks: args.blocks })
          : [];
    if (problems.length > 0)
      return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    return answer(args, context);
  };
}

export const THREAD_ANSWERS: Record<string, Answer> = {
  'conversations.replies': replies,
  'conversations.history': history,
  'team.info': teamInfo,
};
