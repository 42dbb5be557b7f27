// `/log-interaction link ACME01` and `unlink`: after the ack, check the account and that the bot is in the channel.
import type { RespondFn } from '@slack/bolt';
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { ChannelLink } from '../../store/index.js';
import {
  buildChannelLinkedMessage,
  buildChannelLinkProblemMessage,
  buildChannelUnlinkedMessage,
  type ChannelLinkProblem,
  type MessageView,
} from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';

export type LinkRequest = {
  client: WebClient;
  respond: RespondFn;
  command: string;
  userId: string;
  teamId: string | undefined;
  conversationId: string;
  botUserId: string | undefined;
};

type ChannelLookup = { ok: true; name: string | undefined } | { ok: false; problem: ChannelLinkProblem };

/** DMs are `D…`; everything else is asked of Slack, which also says whether the bot is a member. */
async function lookUpChannel(
  client: WebClient,
  conversationId: string,
  botUserId: string | undefined,
): Promise<ChannelLookup> {
  if (conversationId.startsWith('D')) return { ok: false, problem: { reason: 'not_a_channel' } };
  try {
    const { channel } = await client.conversations.info({ channel: conversationId });
    if (!channel || channel.is_im || channel.is_mpim) return { ok: false, problem: { reason: 'not_a_channel' } };
    // A public channel is visible without membership, but the bot must be in it to answer there later.
    if (channel.is_member === false) return { ok: false, problem: { reason: 'cannot_see_channel', botUserId } };
    return { ok: true, name: channel.name };
  } catch (error) {
    const code = error instanceof WebAPIPlatformError ? error.data.error : undefined;
    // A private channel the bot is not in is, to the bot, a channel that does not exist.
    if (code === 'channel_not_found') return { ok: false, problem: { reason: 'cannot_see_channel', botUserId } };
    // Without mpim:read, Slack refuses to describe a group DM: it is not a channel to link anyway.
    if (code === 'missing_scope' || code === 'method_not_supported_for_channel_type') {
      return { ok: false, problem: { reason: 'not_a_channel' } };
    }
    return { ok: false, problem: { reason: 'slack_failed', error: code ?? String(error) } };
  }
}

/** Known account numbers, loading Caliq's customer list once when it is not in memory yet (we are past the ack). */
async function knownAccounts(deps: ListenerDeps): Promise<ReadonlySet<string> | undefined> {
  const known = deps.reference.knownAccountNos();
  if (known) return known;
  await deps.reference.customers.get().catch(() => undefined);
  return deps.reference.knownAccountNos();
}

async function answer(respond: RespondFn, message: MessageView): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
}

export async function linkChannel(deps: ListenerDeps, request: LinkRequest, accountNo: string | undefined) {
  const log = deps.logger.child({ module: 'link-channel' });
  const { respond, command } = request;
  if (!accountNo) {
    await answer(respond, buildChannelLinkProblemMessage({ reason: 'no_account', command }));
    return;
  }
  const channel = await lookUpChannel(request.client, request.conversationId, request.botUserId);
  if (!channel.ok) {
    log.info({ conversationId: request.conversationId, reason: channel.problem.reason }, 'channel not linked');
    await answer(respond, buildChannelLinkProblemMessage(channel.problem));
    return;
  }
  const known = await knownAccounts(deps);
  if (!known?.has(accountNo)) {
    const problem: ChannelLinkProblem = known
      ? { reason: 'unknown_account', accountNo, command }
      : { reason: 'accounts_unavailable', accountNo };
    log.info({ conversationId: request.conversationId, accountNo, reason: problem.reason }, 'channel not linked');
    await answer(respond, buildChannelLinkProblemMessage(problem));
    return;
  }
  const link: Omit<ChannelLink, 'linkedAt'> = {
    conversationId: request.conversationId,
    teamId: request.teamId,
    accountNo,
    channelName: channel.name,
    linkedBySlackUserId: request.userId,
  };
  const result = await deps.links.link(link, deps.now());
  log.info({ conversationId: link.conversationId, accountNo, replaced: result.replaced?.accountNo }, 'channel linked');
  await answer(respond, buildChannelLinkedMessage({ ...result, command }));
  deps.home.request(request.userId);
}

export async function unlinkChannel(deps: ListenerDeps, request: LinkRequest) {
  const removed = await deps.links.unlink(request.conversationId);
  deps.logger
    .child({ module: 'link-channel' })
    .info({ conversationId: request.conversationId, accountNo: removed?.accountNo }, 'channel unlinked');
  await answer(
    request.respond,
    buildChannelUnlinkedMessage({ removed, conversationId: request.conversationId, unlinkedBy: request.userId }),
  );
  deps.home.request(request.userId);
}
