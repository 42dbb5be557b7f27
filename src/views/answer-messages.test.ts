// The answers after an ack say what did not happen and why, in plain words, for every request and cause.
import { describe, expect, it } from 'vitest';
import { buildRequestFailedMessage, type FailureCause, type RequestedAction } from './answer-messages.js';
import { listMessageLimitViolations } from './limit-violations.js';

const ACTIONS: RequestedAction[] = [
  'retry',
  'edit',
  'done',
  'snooze',
  'log_follow_up',
  'open_form',
  'submit',
  'status',
  'followups',
  'link',
  'unlink',
  'check_form',
  'show_hint',
  'show_contacts',
];
const CAUSES: FailureCause[] = [
  { kind: 'database' },
  { kind: 'slack', code: 'ratelimited' },
  { kind: 'caliq' },
  { kind: 'unknown' },
];

describe('buildRequestFailedMessage', () => {
  it('names what did not happen and why', () => {
    expect(buildRequestFailedMessage('snooze', { kind: 'database' }).text).toBe(
      '⚠️ The follow-up was not snoozed: the bot’s database did not answer. Please try again in a moment.',
    );
    expect(buildRequestFailedMessage('edit', { kind: 'slack', code: 'expired_trigger_id' }).text).toContain(
      'The form to edit your entry did not open: Slack’s window to open a form had closed',
    );
    expect(buildRequestFailedMessage('retry', { kind: 'slack', code: 'ratelimited' }).text).toContain(
      'Slack refused the request (ratelimited)',
    );
  });

  it('tells a saved submission that the bot keeps trying, instead of asking the person to send it again', () => {
    expect(buildRequestFailedMessage('submit', { kind: 'slack', code: 'ratelimited' }).text).toBe(
      '⚠️ Your entry is saved but not sent yet: Slack refused the request (ratelimited). I’ll keep trying to send it; /log-interaction status shows where it stands.',
    );
  });

  it('gives each request its own sentence, and every message fits Slack', () => {
    const sentences = new Set(ACTIONS.map((action) => buildRequestFailedMessage(action, { kind: 'unknown' }).text));
    expect(sentences.size).toBe(ACTIONS.length);
    for (const action of ACTIONS) {
      for (const cause of CAUSES) {
        const message = buildRequestFailedMessage(action, cause);
        expect(message.text).toMatch(/^⚠️ [A-Z][^:]+: [^.]+\. (Please try again in a moment|I’ll keep trying .*)\.$/);
        expect(listMessageLimitViolations(message)).toEqual([]);
      }
    }
  });
});
