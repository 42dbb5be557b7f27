import type { ActionsBlock, Button, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { collectStrings, sampleInteraction, sampleReminder } from '../../test/support/view-fixtures.js';
import { ACTION } from '../ids.js';
import type { MessageView } from './blocks.js';
import { listMessageLimitViolations } from './limit-violations.js';
import { ViewLimitError } from './limits.js';
import { decodeReminderAction, encodeReminderAction } from './reminder-actions.js';
import {
  buildFollowupsListMessage,
  buildNotYourReminderMessage,
  buildReminderDoneMessage,
  buildReminderMessage,
  buildReminderSnoozedMessage,
} from './reminder-messages.js';

const now = new Date('2026-11-27T12:00:00.000Z');
const reminder = sampleReminder();
const body = (message: MessageView) => collectStrings(message.blocks).join('\n');
const actionsOf = (message: MessageView) => message.blocks.filter((b): b is ActionsBlock => b.type === 'actions');

describe('reminder action values', () => {
  it('round-trip, with and without a snooze option, compactly', () => {
    const plain = { id: reminder.id, version: 3 };
    expect(decodeReminderAction(encodeReminderAction(plain))).toEqual(plain);
    const snooze = { id: reminder.id, version: 3, option: 'next_week' as const };
    expect(decodeReminderAction(encodeReminderAction(snooze))).toEqual(snooze);
    expect(encodeReminderAction(snooze).length).toBeLessThanOrEqual(75);
  });

  it.each([undefined, '', 'x', '{"i":1,"v":1}', '{"i":"a","v":-1}', '{"i":"a","v":1,"o":"forever"}', '{"i":"a"}'])(
    'rejects %j',
    (value) => {
      expect(decodeReminderAction(value)).toBeUndefined();
    },
  );

  it('refuses values Slack would not keep', () => {
    expect(() => encodeReminderAction({ id: 'x'.repeat(2000), version: 1 })).toThrow(ViewLimitError);
    expect(() =>
      buildReminderMessage({ reminder: sampleReminder({ id: 'x'.repeat(80) }), timeZone: 'UTC', late: false, now }),
    ).toThrow(ViewLimitError);
  });
});

describe('buildReminderMessage', () => {
  it('shows the customer, what was logged and by whom, the notes and the due time in the recipient zone', () => {
    const message = buildReminderMessage({ reminder, timeZone: 'Europe/Berlin', late: false, now });
    const text = body(message);
    expect(message.text).toContain('Time to follow up with ACME01');
    expect(text).toContain('Due Fri 27 Nov 2026, 10:00 (your time).');
    expect(text).toContain('<@U0LOGGER> logged a call with ACME01 (Jane Smith) on Wed 25 Nov 2026, 16:00.');
    expect(text).toContain('>Send the quote');
    expect(text).toContain('>Discussed renewal');
    expect(text).not.toContain('late');
  });

  it('says when it is late', () => {
    const message = buildReminderMessage({ reminder, timeZone: 'UTC', late: true, now });
    expect(body(message)).toContain(
      'This reminder is late: I was offline when it fell due (Fri 27 Nov 2026, 09:00, 3 hours ago).',
    );
  });

  it('has Done, Log follow-up and Snooze, each naming the reminder and its version', () => {
    const message = buildReminderMessage({ reminder, timeZone: 'UTC', late: false, now });
    const [actions] = actionsOf(message);
    const [done, logFollowUp, snooze] = actions?.elements ?? [];
    expect((done as Button).action_id).toBe(ACTION.reminderDone);
    expect((done as Button).style).toBe('primary');
    expect((logFollowUp as Button).action_id).toBe(ACTION.reminderLogFollowUp);
    for (const button of [done, logFollowUp] as Button[]) {
      expect(decodeReminderAction(button.value)).toEqual({ id: reminder.id, version: 3 });
    }
    const select = snooze as StaticSelect;
    expect(select.action_id).toBe(ACTION.reminderSnooze);
    expect(select.options?.map((o) => o.text.text)).toEqual(['1 hour', 'Tomorrow 9:00', 'Next week']);
    expect(select.options?.map((o) => decodeReminderAction(o.value)?.option)).toEqual(['1h', 'tomorrow', 'next_week']);
    expect(listMessageLimitViolations(message)).toEqual([]);
  });

  it('escapes notes so they cannot mention or link', () => {
    const hostile = sampleReminder({
      interaction: sampleInteraction({
        notes: '<!channel> <http://evil|bank> @here',
        followUp: { at: '2026-11-27T09:00:00.000Z', by: 'E1', notes: '<@U1> @everyone' },
      }),
    });
    const text = body(buildReminderMessage({ reminder: hostile, timeZone: 'UTC', late: false, now }));
    expect(text).not.toMatch(/<!channel>|<http:|<@U1>|(?<!\w)@(here|everyone)\b/);
  });
});

describe('reminder after-states', () => {
  it('done: who and when, nothing to press', () => {
    const message = buildReminderDoneMessage({ reminder, timeZone: 'UTC', doneBy: 'U0FOLLOW', doneAt: now });
    expect(body(message)).toContain('Marked done by you on Fri 27 Nov 2026, 12:00.');
    expect(actionsOf(message)).toEqual([]);
  });

  it('snoozed: until when, nothing to press', () => {
    const until = new Date('2026-11-30T09:00:00.000Z');
    const message = buildReminderSnoozedMessage({ reminder, timeZone: 'UTC', until });
    expect(message.text).toContain('snoozed until Mon 30 Nov 2026, 09:00');
    expect(actionsOf(message)).toEqual([]);
  });

  it('refuses others politely', () => {
    expect(buildNotYourReminderMessage({ ownerId: 'U0FOLLOW' }).text).toContain('belongs to <@U0FOLLOW>');
    expect(buildNotYourReminderMessage().text).toContain('someone else');
  });
});

describe('buildFollowupsListMessage', () => {
  it('lists open follow-ups soonest first, marking the overdue ones, with buttons each', () => {
    const later = sampleReminder({ id: 'r-later', dueAt: new Date('2026-12-01T09:00:00Z') });
    const overdue = sampleReminder({ id: 'r-overdue', dueAt: new Date('2026-11-26T09:00:00Z') });
    const done = sampleReminder({ id: 'r-done', state: 'done' });
    const message = buildFollowupsListMessage([later, done, overdue], 'UTC', now);
    expect(message.text).toBe('Your open follow-ups: 2 (1 overdue)');
    const sections = message.blocks.filter((b) => b.type === 'section').map((b) => collectStrings(b).join(' '));
    expect(sections[1]).toContain('*Overdue* since Thu 26 Nov 2026, 09:00');
    expect(sections[2]).toContain('Due Tue 1 Dec 2026, 09:00');
    const ids = actionsOf(message).map((b) => decodeReminderAction((b.elements[0] as Button).value)?.id);
    expect(ids).toEqual(['r-overdue', 'r-later']);
  });

  it('is friendly when there are none', () => {
    expect(buildFollowupsListMessage([], 'UTC', now).text).toContain('No open follow-ups');
  });

  it('stays within 50 blocks', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      sampleReminder({ id: `r-${i}`, dueAt: new Date(now.getTime() + i * 3_600_000) }),
    );
    const message = buildFollowupsListMessage(many, 'UTC', now);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(body(message)).toContain('…and 16 more');
    expect(listMessageLimitViolations(message)).toEqual([]);
  });
});
