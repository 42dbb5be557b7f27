// Checks the Home tab: the log button, the latest 10 entries with their buttons, follow-ups, links, and Slack's limits.
import type { ActionsBlock, Button, HomeView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { collectStrings, sampleEntry, sampleInteraction, sampleReminder } from '../../test/support/view-fixtures.js';
import { ACTION } from '../ids.js';
import type { ChannelLink } from '../store/types.js';
import { buildHomeView } from './home-view.js';
import { listMessageLimitViolations } from './limit-violations.js';
import { SLACK_LIMITS } from './limits.js';

const now = new Date('2026-11-26T12:00:00.000Z');
const base = { entries: [], followUps: [], links: [], timeZone: 'UTC', now, command: '/log-interaction' };
const hostile = `${'<!channel> & <@U1> <http://evil|bank> @here '.repeat(80)}`;

const link = (overrides: Partial<ChannelLink> = {}): ChannelLink => ({
  conversationId: 'C0ACME001',
  teamId: 'T1',
  accountNo: 'ACME01',
  channelName: 'acme-team',
  linkedBySlackUserId: 'U0ALICE01',
  linkedAt: now,
  ...overrides,
});

const actionIds = (view: HomeView): string[] =>
  view.blocks.flatMap((block) => {
    if (block.type === 'actions') return (block as ActionsBlock).elements.map((e) => (e as Button).action_id ?? '');
    if (block.type === 'section' && 'accessory' in block && block.accessory) {
      return [(block.accessory as Button).action_id ?? ''];
    }
    return [];
  });

const textOf = (view: HomeView): string => collectStrings(view.blocks).join('\n');

describe('buildHomeView', () => {
  it('always offers the Log interaction button, and says plainly when there is nothing yet', () => {
    const view = buildHomeView(base);
    expect(view.type).toBe('home');
    expect(actionIds(view)).toEqual([ACTION.homeLogInteraction]);
    expect(textOf(view)).toContain('Nothing logged yet');
    expect(textOf(view)).toContain('No open follow-ups');
    expect(textOf(view)).toContain('/log-interaction link ACCOUNT');
  });

  it('shows the latest 10 entries with their status; Retry and Edit only on those not in Caliq', () => {
    const entries = [
      sampleEntry({ uniqueId: 'p-1', state: 'pending', attempts: 2 }),
      sampleEntry({
        uniqueId: 'r-1',
        state: 'rejected',
        issues: [{ id: 1, message: 'No such contact', extraData: '' }],
      }),
      sampleEntry({ uniqueId: 'f-1', state: 'failed', attempts: 1, lastError: 'HTTP 400' }),
      ...Array.from({ length: 12 }, (_, i) => sampleEntry({ uniqueId: `l-${i}`, state: 'logged' })),
    ];
    const view = buildHomeView({ ...base, entries });
    const text = textOf(view);
    expect(text).toContain('Waiting for Caliq');
    expect(text).toContain('Refused by Caliq*: No such contact');
    expect(text).toContain('Not sent');
    expect(text.match(/✅ \*Logged\*/g)).toHaveLength(7);
    const buttons = view.blocks
      .filter((block): block is ActionsBlock => block.type === 'actions')
      .flatMap((block) => block.elements as Button[]);
    expect(buttons.map((button) => `${button.action_id}:${button.value}`)).toEqual([
      `${ACTION.retryEntry}:p-1`,
      `${ACTION.editEntry}:p-1`,
      `${ACTION.retryEntry}:r-1`,
      `${ACTION.editEntry}:r-1`,
      `${ACTION.retryEntry}:f-1`,
      `${ACTION.editEntry}:f-1`,
    ]);
  });

  it('lists open follow-ups soonest first with Done, Log follow-up and Snooze, leaving done ones out', () => {
    const later = sampleReminder({
      id: 'r-later',
      dueAt: new Date('2026-12-01T09:00:00.000Z'),
      interaction: sampleInteraction({ customer: { accountNo: 'BOLT22' } }),
    });
    const overdue = sampleReminder({ id: 'r-overdue', dueAt: new Date('2026-11-25T09:00:00.000Z') });
    const done = sampleReminder({ id: 'r-done', state: 'done' });
    const view = buildHomeView({ ...base, followUps: [later, done, overdue] });
    const text = textOf(view);
    expect(text.indexOf('Overdue')).toBeLessThan(text.indexOf('BOLT22'));
    expect(text).not.toContain('r-done');
    const ids = actionIds(view);
    expect(ids.filter((id) => id === ACTION.reminderDone)).toHaveLength(2);
    expect(ids.filter((id) => id === ACTION.reminderSnooze)).toHaveLength(2);
    expect(ids.filter((id) => id === ACTION.reminderLogFollowUp)).toHaveLength(2);
  });

  it('lists the linked channels with their accounts, as mentions so private names reach only members', () => {
    const view = buildHomeView({
      ...base,
      links: [link(), link({ conversationId: 'G0PRIV001', channelName: undefined, accountNo: 'BOLT22' })],
    });
    const text = textOf(view);
    expect(text).toContain('<#C0ACME001> → *ACME01*');
    expect(text).toContain('<#G0PRIV001> → *BOLT22*');
    expect(text).not.toContain('acme-team');
  });

  it('stays within 100 blocks and every Slack limit with everything full, and lets no mention through', () => {
    const interaction = sampleInteraction({
      customer: { accountNo: '<@U1>&&&&&' },
      notes: hostile,
      followUp: { at: '2026-11-28T09:00:00.000Z', by: 'E1', notes: hostile },
    });
    const view = buildHomeView({
      ...base,
      entries: Array.from({ length: 30 }, (_, i) =>
        sampleEntry({ uniqueId: `e${i}`, state: 'failed', interaction, lastError: hostile }),
      ),
      followUps: Array.from({ length: 80 }, (_, i) => sampleReminder({ id: `r${i}`, interaction })),
      links: Array.from({ length: 2000 }, (_, i) =>
        link({ conversationId: `C${i}`, channelName: `<!channel>${hostile.slice(0, 60)}`, accountNo: `<@U1>${i}` }),
      ),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.modalBlocks);
    // The message checker also applies a message's 50-block cap; a Home tab's is 100, checked above.
    const violations = listMessageLimitViolations({ text: 'home', blocks: view.blocks });
    expect(violations.filter((problem) => !problem.startsWith('blocks:'))).toEqual([]);
    const text = textOf(view);
    expect(text).not.toMatch(/<!channel>|<@U1>|<http:\/\/evil|(?<![\w.%+-])@here\b/);
    expect(text).toContain('more, due later');
    expect(text).toContain('more linked channels');
    expect(JSON.stringify(view).length).toBeLessThan(SLACK_LIMITS.viewBytes);
  });
});
