import type { ActionsBlock, Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { collectStrings, sampleEntry } from '../../test/support/view-fixtures.js';
import { ACTION } from '../ids.js';
import { listMessageLimitViolations } from './limit-violations.js';
import { buildStatusMessage } from './status-message.js';

const now = new Date('2026-11-26T12:00:00.000Z');

describe('buildStatusMessage', () => {
  it('says nothing is waiting when the list is empty or all are logged or old', () => {
    const expected = 'Nothing waiting: everything you logged in the last 7 days reached Caliq.';
    expect(buildStatusMessage([], 'UTC', now).text).toContain(expected);
    const logged = sampleEntry({ state: 'logged' });
    const old = sampleEntry({ createdAt: new Date('2026-11-18T11:00:00.000Z') });
    expect(buildStatusMessage([logged, old], 'UTC', now).text).toContain(expected);
  });

  it('shows each waiting entry in one line with its state, attempts and last error, and Retry and Edit', () => {
    const entries = [
      sampleEntry({ uniqueId: 'p-1', state: 'pending', attempts: 3, lastError: 'timeout <after> 10 s' }),
      sampleEntry({
        uniqueId: 'r-1',
        state: 'rejected',
        issues: [
          { id: 1, message: 'Customer not found', extraData: '' },
          { id: 2, message: 'Bad contact', extraData: '' },
        ],
      }),
      sampleEntry({ uniqueId: 'f-1', state: 'failed', attempts: 1, lastError: 'HTTP 400: bad date' }),
    ];
    const message = buildStatusMessage(entries, 'UTC', now);
    const text = collectStrings(message.blocks).join('\n');
    expect(message.text).toBe("3 entries from the last 7 days aren't in Caliq yet");
    expect(text).toContain('call with ACME01 (Jane Smith) on Wed 25 Nov 2026, 15:00');
    expect(text).toContain('Waiting for Caliq*: 3 attempts so far; last error: timeout &lt;after&gt; 10 s');
    expect(text).toContain('Refused by Caliq*: Customer not found (and 1 more)');
    expect(text).toContain('Not sent*: HTTP 400: bad date (1 attempt)');
    const buttons = message.blocks
      .filter((b): b is ActionsBlock => b.type === 'actions')
      .map((b) => b.elements.map((e) => [(e as Button).action_id, (e as Button).value]));
    expect(buttons).toHaveLength(3);
    expect(buttons[0]).toEqual([
      [ACTION.retryEntry, 'p-1'],
      [ACTION.editEntry, 'p-1'],
    ]);
  });

  it('stays within 50 blocks and says how many more there are', () => {
    const entries = Array.from({ length: 60 }, (_, i) =>
      sampleEntry({ uniqueId: `e-${i}`, createdAt: new Date(now.getTime() - i * 60_000), lastError: 'x'.repeat(5000) }),
    );
    const message = buildStatusMessage(entries, 'UTC', now);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(collectStrings(message.blocks).join('\n')).toContain('…and 36 more');
    expect(listMessageLimitViolations(message)).toEqual([]);
  });
});
