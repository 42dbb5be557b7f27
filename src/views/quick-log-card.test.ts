// The quick log card and its button value: fields as Caliq gets them, the buttons in order, Slack's limits kept.
import { describe, expect, it } from 'vitest';
import { sampleInteraction } from '../../test/support/view-fixtures.js';
import { ACTION } from '../ids.js';
import { listMessageLimitViolations } from './limit-violations.js';
import { buildQuickLogCard, buildQuickLogProblemCard } from './quick-log-card.js';
import { decodeQuickLogValue, encodeQuickLogValue } from './quick-log-value.js';

const VALUE = {
  uniqueId: 'u-1',
  createdAt: new Date('2026-11-25T15:10:00Z'),
  draft: { accountNo: 'ACME01', kind: 'C' as const },
};
const encoded = encodeQuickLogValue(VALUE) ?? '';

const actionIds = (blocks: unknown[]) =>
  (blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>)
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements?.map((element) => element.action_id) ?? []);

describe('buildQuickLogCard', () => {
  const card = buildQuickLogCard({
    interaction: sampleInteraction({ followUp: { at: '2026-11-27T10:00:00.000Z', by: 'RPATEL' } }),
    accountName: 'Acme Engineering Ltd',
    channels: [{ id: 12, description: 'Sales Rep' }],
    timeZone: 'Europe/London',
    followUp: { slackUserId: 'U0BOB0001', timeZone: 'Asia/Tokyo' },
    value: encoded,
  });
  const text = JSON.stringify(card.blocks);

  it('shows each field as Caliq will get it, the time in the reader’s zone and the follow-up in both', () => {
    expect(text).toContain('*Kind:* Call');
    expect(text).toContain('*Account:* ACME01 · Acme Engineering Ltd');
    expect(text).toContain('*Contact:* Jane Smith');
    expect(text).toContain('*When:* Wed 25 Nov 2026, 15:00 (your time)');
    expect(text).toContain('*Channel:* Sales Rep');
    expect(text).toContain('*Notes:* Discussed renewal');
    expect(text).toContain('Fri 27 Nov 2026, 19:00 in their time (Tokyo) = 10:00 yours, by <@U0BOB0001>');
  });

  it('offers Log it, Edit and Cancel, in that order, within Slack’s limits', () => {
    expect(actionIds(card.blocks)).toEqual([ACTION.quickLogConfirm, ACTION.quickLogEdit, ACTION.quickLogCancel]);
    expect(listMessageLimitViolations(card as never)).toEqual([]);
  });
});

describe('buildQuickLogProblemCard', () => {
  it('lists the problems with Edit first and no Log it', () => {
    const card = buildQuickLogProblemCard({ problems: ['Name the person you spoke to.', 'No kind.'], value: encoded });
    expect(JSON.stringify(card.blocks)).toContain('• Name the person you spoke to.\\n• No kind.');
    expect(actionIds(card.blocks)).toEqual([ACTION.quickLogEdit, ACTION.quickLogCancel]);
    expect(listMessageLimitViolations(card as never)).toEqual([]);
  });
});

describe('the button value', () => {
  it('reads back what it carried', () => {
    expect(decodeQuickLogValue(encoded)).toEqual(VALUE);
  });

  it('refuses a value beyond Slack’s 2000 characters, and anything not ours', () => {
    expect(encodeQuickLogValue({ ...VALUE, draft: { notes: 'x'.repeat(2000) } })).toBeUndefined();
    expect(decodeQuickLogValue('journal-entry-id')).toBeUndefined();
    expect(decodeQuickLogValue(JSON.stringify({ u: 'u', t: 1, d: { kind: 'X' } }))).toBeUndefined();
  });
});
