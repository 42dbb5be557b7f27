// Tells one Slack user something privately: via the response_url, else an ephemeral message, else a DM. Never silently.
import type { KnownBlock, MessageMetadata } from '@slack/types';
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { ReplyTarget } from '../interactions/index.js';
import type { Logger } from '../logger.js';
import { createJsonPoster, type PostJson } from './post-json.js';

/** `metadata` (event_type + event_payload) travels with a DM, so the bot can recognise its own message later. */
export type SlackMessage = { text: string; blocks?: KnownBlock[]; metadata?: MessageMetadata };

export type SentDm = { conversationId: string; ts: string };

export type NotifyRequest = {
  slackUserId: string;
  message: SlackMessage;
  /** Where the user is looking now; omitted for later news (then a DM). */
  replyTo?: ReplyTarget;
};

export type DeliveredVia = 'response_url' | 'ephemeral' | 'dm';

export type Notifier = {
  /** Resolves with the route that worked; rejects only when every route failed (the error lists each). */
  notify(request: NotifyRequest): Promise<DeliveredVia>;
  /** A DM to a user; resolves with the message's channel and ts (for chat.update later). */
  sendDm(slackUserId: string, message: SlackMessage): Promise<SentDm>;
  /** The newest of the DM's last `limit` (default 300) messages whose metadata matches, or undefined (im:history). */
  findRecentDm(
    slackUserId: string,
    matches: (metadata: MessageMetadata) => boolean,
    limit?: number,
  ): Promise<SentDm | undefined>;
};

export class NotifyError extends Error {
  override readonly name: string = 'NotifyError';
}

/** The DM conversation could not be opened, so nothing was posted: safe to try again. */
export class DmNotOpenedError extends NotifyError {
  override readonly name: string = 'DmNotOpenedError';
}

/**
 * How many of a DM's newest messages a lookup reads: a busy person may get many DMs (reminders, news) between an
 * interrupted send and its retry minutes later, and the soak showed 20 is too few.
 */
const RECENT_DM_LOOKBACK = 300;
const HISTORY_PAGE = 100;

export type NotifierOptions = {
  client: WebClient;
  logger: Logger;
  /** How response_url POSTs are sent (tests may pass their own); undici's request API by default. */
  postJson?: PostJson;
  responseUrlTimeoutMs?: number;
};

export function createNotifier(options: NotifierOptions): Notifier {
  const { client } = options;
  const log = options.logger.child({ module: 'notifier' });
  const postJson = options.postJson ?? createJsonPoster();
  const timeoutMs = options.responseUrlTimeoutMs ?? 5000;
  const dmChannels = new Map<string, string>();

  async function openDm(slackUserId: string): Promise<string> {
    const known = dmChannels.get(slackUserId);
    if (known) return known;
    const opened = await client.conversations.open({ users: slackUserId });
    const conversationId = opened.channel?.id;
    if (!conversationId) throw new NotifyError(`conversations.open returned no channel for ${slackUserId}`);
    dmChannels.set(slackUserId, conversationId);
    return conversationId;
  }

  async function sendDm(slackUserId: string, message: SlackMessage): Promise<SentDm> {
    let conversationId: string;
    try {
      conversationId = await openDm(slackUserId);
    } catch (error) {
      throw new DmNotOpenedError(`could not open a DM with ${slackUserId}: ${describe(error)}`, { cause: error });
    }
    const posted = await client.chat.postMessage({
      channel: conversationId,
      text: message.text,
      blocks: message.blocks,
      ...(message.metadata ? { metadata: message.metadata } : {}),
    });
    if (!posted.ts) throw new NotifyError('chat.postMessage returned no ts');
    return { conversationId: posted.channel ?? conversationId, ts: posted.ts };
  }

  async function findRecentDm(
    slackUserId: string,
    matches: (metadata: MessageMetadata) => boolean,
    limit = RECENT_DM_LOOKBACK,
  ): Promise<SentDm | undefined> {
    const conversationId = await openDm(slackUserId);
    let cursor: string | undefined;
    // Newest first, a page at a time; Slack returns a message's metadata only when asked for it.
    for (let seen = 0; seen < limit; ) {
      const page = await client.conversations.history({
        channel: conversationId,
        limit: Math.min(HISTORY_PAGE, limit - seen),
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      const messages = page.messages ?? [];
      const found = messages.find((m) => m.ts && m.metadata && matches(m.metadata as MessageMetadata));
      if (found?.ts) return { conversationId, ts: found.ts };
      seen += messages.length;
      cursor = page.response_metadata?.next_cursor || undefined;
      if (!cursor || messages.length === 0) return undefined;
    }
    return undefined;
  }

  async function postToResponseUrl(responseUrl: string, message: SlackMessage, replace: boolean): Promise<void> {
    const { status } = await postJson(
      responseUrl,
      { response_type: 'ephemeral', replace_original: replace, ...message },
      timeoutMs,
    );
    if (status < 200 || status > 299) throw new NotifyError(`response_url answered ${status}`);
  }

  async function notify(request: NotifyRequest): Promise<DeliveredVia> {
    const { slackUserId, message, replyTo } = request;
    const failures: string[] = [];
    if (replyTo?.responseUrl) {
      try {
        await postToResponseUrl(replyTo.responseUrl, message, replyTo.replaceOriginal === true);
        return 'response_url';
      } catch (error) {
        failures.push(`response_url: ${describe(error)}`);
      }
    }
    if (replyTo?.conversationId) {
      try {
        await client.chat.postEphemeral({
          channel: replyTo.conversationId,
          user: slackUserId,
          text: message.text,
          blocks: message.blocks,
        });
        return 'ephemeral';
      } catch (error) {
        failures.push(`ephemeral: ${describe(error)}`);
      }
    }
    try {
      await sendDm(slackUserId, message);
      if (failures.length > 0) log.info({ slackUserId, failures }, 'fell back to a DM');
      return 'dm';
    } catch (error) {
      failures.push(`dm: ${describe(error)}`);
      log.error({ slackUserId, failures }, 'could not reach the user by any route');
      throw new NotifyError(`could not reach ${slackUserId}: ${failures.join('; ')}`, { cause: error });
    }
  }

  return { notify, sendDm, findRecentDm };
}

function describe(error: unknown): string {
  if (error instanceof WebAPIPlatformError) return error.data.error;
  return error instanceof Error ? error.message : String(error);
}
