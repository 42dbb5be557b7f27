// Which request kind each incoming body is timed under: quick logs, their buttons and the workflow step apart.
import { describe, expect, it } from 'vitest';
import { ACTION } from '../ids.js';
import { ackKindOf } from './ack-timing.js';

describe('ackKindOf', () => {
  it.each([
    [{ command: '/log-interaction', text: 'call ACME01 with Jane Smith' }, 'quick_log'],
    [{ command: '/log-interaction', text: 'call ACME01 yesterday, follow up Friday' }, 'quick_log'],
    [{ command: '/log-interaction', text: 'call ACME01 yesterday 3pm' }, 'command'],
    [{ command: '/log-interaction', text: 'status' }, 'command'],
    [{ type: 'block_actions', actions: [{ action_id: ACTION.quickLogConfirm }] }, 'quick_log_button'],
    [{ type: 'block_actions', actions: [{ action_id: ACTION.quickLogCancel }] }, 'quick_log_button'],
    [{ type: 'block_actions', actions: [{ action_id: ACTION.retryEntry }] }, 'action'],
    [{ type: 'event_callback', event: { type: 'function_executed' } }, 'workflow_step'],
    [{ type: 'event_callback', event: { type: 'app_home_opened' } }, 'event'],
    [{ type: 'view_submission' }, 'submission'],
    [undefined, 'other'],
  ])('times %j as %s', (body, kind) => {
    expect(ackKindOf(body)).toBe(kind);
  });
});
