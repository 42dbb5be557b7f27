// Times every acknowledgement: from the request reaching Bolt to its ack, by kind of request (command, submission…).
import type { App } from '@slack/bolt';
import { ACTION } from '../ids.js';
import { isQuickLogLine } from '../interactions/index.js';
import type { AckKind } from '../metrics/index.js';

type Body = { command?: unknown; text?: unknown; type?: unknown; actions?: unknown; event?: { type?: unknown } };

const QUICK_LOG_BUTTONS: ReadonlySet<unknown> = new Set([
  ACTION.quickLogConfirm,
  ACTION.quickLogEdit,
  ACTION.quickLogCancel,
]);

const KIND_BY_TYPE: Readonly<Record<string, AckKind>> = {
  view_submission: 'submission',
  view_closed: 'view_closed',
  block_actions: 'action',
  interactive_message: 'action',
  block_suggestion: 'suggestion',
  shortcut: 'shortcut',
  message_action: 'shortcut',
  event_callback: 'event',
};

export function ackKindOf(body: unknown): AckKind {
  const { command, text, type, actions, event } = (body ?? {}) as Body;
  if (typeof command === 'string') return typeof text === 'string' && isQuickLogLine(text) ? 'quick_log' : 'command';
  if (type === 'event_callback' && event?.type === 'function_executed') return 'workflow_step';
  const [first] = Array.isArray(actions) ? (actions as Array<{ action_id?: unknown }>) : [];
  if (type === 'block_actions' && QUICK_LOG_BUTTONS.has(first?.action_id)) return 'quick_log_button';
  return (typeof type === 'string' && KIND_BY_TYPE[type]) || 'other';
}

/**
 * Wraps the ack of every incoming request. Global middleware cannot do this: Bolt hands each middleware a copy of the
 * arguments, so a wrapped `ack` would never reach the listener. The receiver passes each event to `app.processEvent`,
 * whose `ack` is the one every listener gets; the clock starts there, after the signature check.
 */
export function timeAcks(app: App, observe: (kind: AckKind, durationMs: number) => void): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const started = performance.now();
    const ack = event.ack;
    return processEvent({
      ...event,
      ack: async (response) => {
        try {
          return await ack(response);
        } finally {
          observe(ackKindOf(event.body), performance.now() - started);
        }
      },
    });
  };
}
