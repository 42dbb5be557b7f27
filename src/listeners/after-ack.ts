// How every listener ends after its ack: when the work fails (the database, Slack, Caliq), the person who asked is
// told in plain words what did not happen, where they are looking; the error and its context go to the log.
import { WebAPIPlatformError } from '@slack/web-api';
import { CaliqError } from '../caliq/index.js';
import type { ReplyTarget } from '../interactions/index.js';
import { StoreError } from '../store/index.js';
import { buildRequestFailedMessage, type FailureCause, type RequestedAction } from '../views/index.js';
import type { ListenerDeps } from './deps.js';

export type AfterAck = {
  /** Who asked. */
  slackUserId: string;
  /** What they asked for: the answer names it ("The follow-up was not snoozed"). */
  action: RequestedAction;
  /** Where they are looking (a response_url, a conversation); none means a DM. */
  replyTo?: ReplyTarget;
  /** More fields for the log line (a UniqueID, a reminder id). */
  context?: Record<string, unknown>;
};

/** The cause as the person needs it; the error itself goes to the log. */
export function causeOf(error: unknown): FailureCause {
  if (error instanceof StoreError) return { kind: 'database' };
  if (error instanceof WebAPIPlatformError) return { kind: 'slack', code: error.data.error };
  if (error instanceof CaliqError) return { kind: 'caliq' };
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('slack_')) return { kind: 'slack', code };
  return { kind: 'unknown' };
}

/**
 * Runs the work that follows an ack. A failure is logged with who, what and the context, then answered; if even the
 * answer can't reach Slack, that is logged too. Never rejects, so nothing falls through to Bolt's catch-all.
 */
export async function afterAck(deps: ListenerDeps, request: AfterAck, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const log = deps.logger.child({ module: 'after-ack' });
    const fields = { ...request.context, userId: request.slackUserId, action: request.action };
    log.error({ ...fields, err: error }, 'a request failed after its ack; telling the person');
    const message = buildRequestFailedMessage(request.action, causeOf(error));
    await deps.notifier
      .notify({ slackUserId: request.slackUserId, message, ...(request.replyTo ? { replyTo: request.replyTo } : {}) })
      .catch((notifyError: unknown) => log.error({ ...fields, err: notifyError }, 'could not tell the person either'));
  }
}
