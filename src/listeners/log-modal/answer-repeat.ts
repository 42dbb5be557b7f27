// The answer when a submission or a Retry meets an entry that is already logged or already being sent.
import type { SubmitResult } from '../../delivery/index.js';
import type { ReplyTarget } from '../../interactions/index.js';
import { buildAlreadyLoggedMessage, buildBusyMessage } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';

/** Tells the user about a repeat; other results are reported by the delivery notices themselves. */
export async function answerRepeat(
  deps: ListenerDeps,
  request: { slackUserId: string; replyTo: ReplyTarget; timeZone: string; result: SubmitResult | undefined },
): Promise<void> {
  const { result } = request;
  if (result?.status !== 'already_logged' && result?.status !== 'in_progress') return;
  const input = { interaction: result.entry.interaction, timeZone: request.timeZone };
  const message = result.status === 'already_logged' ? buildAlreadyLoggedMessage(input) : buildBusyMessage(input);
  await deps.notifier.notify({ slackUserId: request.slackUserId, replyTo: request.replyTo, message });
}
