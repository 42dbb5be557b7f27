// Follow-up reminder buttons end to end: Done, Snooze and Log follow-up on the DM and on the `followups` list.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION, BLOCK } from '../../src/ids.js';
import type { Harness } from '../support/bot-harness.js';
import {
  ALICE,
  BOB,
  BOB_DM,
  buttonsOf,
  createReminderWorld,
  logFollowUp,
  onlyReminderOf,
  type PressTarget,
  postedDms,
  pressDone,
  pressSnooze,
  type ReminderWorld,
  textOf,
} from './reminders-support.js';

const at = (iso: string) => new Date(iso);

type ModalBlock = { block_id?: string; element?: { initial_value?: string; initial_option?: { value: string } } };

/** Logs a follow-up for Bob, delivers it at `dueAt`, and returns the DM's buttons and where it is. */
async function deliverReminder(world: ReminderWorld, h: Harness, dueAt: Date, followUpWhen = 'next Friday') {
  await logFollowUp(h, { followUpWhen });
  const reminder = await onlyReminderOf(h);
  expect(reminder.dueAt).toEqual(dueAt);
  world.now = dueAt;
  expect(await h.bot.scheduler.runOnce()).toBe(1);
  const sent = await h.bot.deps.reminders.get(reminder.id);
  const buttons = buttonsOf(postedDms(h.fake).at(-1)?.args.blocks);
  if (!sent?.sentTs || !buttons) throw new Error('the reminder DM was not recorded with its buttons');
  const dm: PressTarget = { ts: sent.sentTs, channelId: BOB_DM };
  return { id: reminder.id, buttons, dm };
}

const ephemeralsTo = (h: Harness, userId: string) =>
  h.fake.callsTo('chat.postEphemeral').filter((call) => call.args.user === userId);

describe('follow-up reminders: buttons', () => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await createReminderWorld();
  });
  afterEach(async () => {
    await world.reset();
  });
  afterAll(async () => {
    await world.close();
  });

  it('Done updates the DM in place, records who and when, and nothing is delivered again', async () => {
    const h = await world.startBot();
    const { id, buttons, dm } = await deliverReminder(world, h, at('2026-03-13T13:00:00Z'));

    world.now = at('2026-03-13T14:30:00Z');
    await pressDone(h, BOB, buttons.done, dm);
    const update = await h.fake.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: BOB_DM, ts: dm.ts });
    expect(textOf(update.args)).toContain('Marked done by you on Fri 13 Mar 2026, 10:30');
    expect(buttonsOf(update.args.blocks)).toBeUndefined();
    expect(await h.bot.deps.reminders.get(id)).toMatchObject({
      state: 'done',
      doneBySlackUserId: BOB,
      doneAt: at('2026-03-13T14:30:00Z'),
    });

    // Pressed again (a double click, or an old copy of the message): nothing changes, Bob is told why.
    await pressDone(h, BOB, buttons.done, dm);
    await vi.waitFor(async () => expect(ephemeralsTo(h, BOB)).toHaveLength(1));
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
    expect((await h.bot.deps.reminders.get(id))?.doneAt).toEqual(at('2026-03-13T14:30:00Z'));

    world.now = at('2026-06-01T00:00:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    expect(postedDms(h.fake)).toHaveLength(1);
  });

  it('Snooze 1 hour: DM updated without buttons, delivered anew at the snoozed time, old buttons inert', async () => {
    const h = await world.startBot();
    const first = await deliverReminder(world, h, at('2026-03-13T13:00:00Z'));

    world.now = at('2026-03-13T13:10:00Z');
    await pressSnooze(h, BOB, first.buttons.snooze['1h'] ?? '', first.dm);
    const update = await h.fake.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: BOB_DM, ts: first.dm.ts });
    expect(textOf(update.args)).toContain('snoozed until Fri 13 Mar 2026, 10:10');
    expect(buttonsOf(update.args.blocks)).toBeUndefined();
    expect(await h.bot.deps.reminders.get(first.id)).toMatchObject({
      state: 'open',
      dueAt: at('2026-03-13T14:10:00Z'),
    });

    world.now = at('2026-03-13T14:09:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    world.now = at('2026-03-13T14:10:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    const dms = postedDms(h.fake);
    expect(dms).toHaveLength(2);
    expect(textOf(dms[1]?.args ?? {})).not.toMatch(/late/i);
    const second = await h.bot.deps.reminders.get(first.id);
    expect(second?.sentTs).not.toBe(first.dm.ts);

    // The first DM's buttons no longer do anything: not Done, not another snooze.
    await pressDone(h, BOB, first.buttons.done, first.dm);
    await pressSnooze(h, BOB, first.buttons.snooze.next_week ?? '', first.dm);
    await vi.waitFor(async () => expect(ephemeralsTo(h, BOB)).toHaveLength(2));
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
    expect(await h.bot.deps.reminders.get(first.id)).toMatchObject({ state: 'sent', sentTs: second?.sentTs });

    // The new DM's buttons work.
    const fresh = buttonsOf(dms[1]?.args.blocks);
    await pressDone(h, BOB, fresh?.done ?? '', { ts: second?.sentTs ?? '', channelId: BOB_DM });
    await vi.waitFor(async () => expect(h.fake.callsTo('chat.update')).toHaveLength(2));
    expect(h.fake.callsTo('chat.update')[1]?.args).toMatchObject({ channel: BOB_DM, ts: second?.sentTs });
    expect((await h.bot.deps.reminders.get(first.id))?.state).toBe('done');
  });

  it('Snooze until tomorrow 9:00 in Bob’s zone lands right across the US DST change', async () => {
    const h = await world.startBot();
    // "Friday" from Monday 2 March is 6 March, 09:00 EST (14:00 UTC).
    const { id, buttons, dm } = await deliverReminder(world, h, at('2026-03-06T14:00:00Z'), 'Friday');
    expect(textOf(postedDms(h.fake)[0]?.args ?? {})).toContain('Due Fri 6 Mar 2026, 09:00 (your time)');

    world.now = at('2026-03-07T20:00:00Z'); // Saturday 15:00 EST; Sunday 09:00 is EDT
    await pressSnooze(h, BOB, buttons.snooze.tomorrow ?? '', dm);
    const update = await h.fake.waitForCall('chat.update');
    expect(textOf(update.args)).toContain('snoozed until Sun 8 Mar 2026, 09:00');
    expect((await h.bot.deps.reminders.get(id))?.dueAt).toEqual(at('2026-03-08T13:00:00Z'));
    world.now = at('2026-03-08T13:00:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    expect(textOf(postedDms(h.fake)[1]?.args ?? {})).toContain('Due Sun 8 Mar 2026, 09:00 (your time)');
  });

  it('refuses buttons pressed by someone other than the recipient, politely and changing nothing', async () => {
    const h = await world.startBot();
    const { id, buttons, dm } = await deliverReminder(world, h, at('2026-03-13T13:00:00Z'));
    const before = await h.bot.deps.reminders.get(id);

    await pressDone(h, ALICE, buttons.done, dm);
    await pressSnooze(h, ALICE, buttons.snooze['1h'] ?? '', dm);
    await vi.waitFor(async () => expect(ephemeralsTo(h, ALICE)).toHaveLength(2));
    expect(textOf(ephemeralsTo(h, ALICE)[0]?.args ?? {})).toContain('only they can');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(await h.bot.deps.reminders.get(id)).toEqual(before);
  });

  it('Log follow-up opens the log modal prefilled with the customer, contact and channel', async () => {
    const h = await world.startBot();
    const { buttons, dm } = await deliverReminder(world, h, at('2026-03-13T13:00:00Z'));
    const opensBefore = h.fake.callsTo('views.open').length;

    await h.action({
      userId: BOB,
      actions: [{ action_id: ACTION.reminderLogFollowUp, type: 'button', value: buttons.log }],
      message: { ts: dm.ts, channelId: dm.channelId },
    });
    await vi.waitFor(async () => expect(h.fake.callsTo('views.open').length).toBe(opensBefore + 1));
    const view = h.fake.callsTo('views.open').at(-1)?.args.view as { blocks: ModalBlock[] };
    const block = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
    expect(block(BLOCK.account)?.initial_option?.value).toBe('ACME01');
    expect(block(BLOCK.contactFirstName)?.initial_value).toBe('Jane');
    expect(block(BLOCK.contactSurname)?.initial_value).toBe('Smith');
    expect(block(BLOCK.channel)?.initial_option?.value).toBe('64');
  });

  it('`followups` lists Bob’s open follow-ups privately, in his zone, with working buttons', async () => {
    const h = await world.startBot();
    await logFollowUp(h);
    const aliceList = await h.commandAnswer({ userId: ALICE, text: 'followups' });
    expect(textOf(aliceList)).toContain('No open follow-ups');

    const list = await h.commandAnswer({ userId: BOB, text: 'followups' });
    expect(list.response_type).toBe('ephemeral');
    expect(textOf(list)).toContain('Due Fri 13 Mar 2026, 09:00');
    expect(textOf(list)).toContain('Send the revised quote');
    const buttons = buttonsOf(list.blocks);
    expect(buttons).toBeDefined();

    // An overdue one is listed as such after the clock passes its due time (still within the window).
    world.now = at('2026-03-13T13:05:00Z');
    const overdue = await h.commandAnswer({ userId: BOB, text: 'followups' });
    expect(textOf(overdue)).toContain('Overdue* since Fri 13 Mar 2026, 09:00');

    // Done from the ephemeral list: the list message is replaced through its response_url (chat.update can't).
    const responseUrl = h.fake.responseUrl('followups-list');
    await pressDone(h, BOB, buttons?.done ?? '', {
      ts: '1732600000.009900',
      channelId: 'C0SALES01',
      isEphemeral: true,
      responseUrl,
    });
    await vi.waitFor(async () =>
      expect(await h.bot.deps.reminders.listOpenFor(BOB, at('2100-01-01T00:00:00Z'))).toEqual([]),
    );
    const replaced = await h.fake.waitForResponse((r) => r.id === 'followups-list');
    expect(replaced.body).toMatchObject({ replace_original: true });
    expect(textOf(replaced.body as Record<string, unknown>)).toContain('Followed up with ACME01');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);

    world.now = at('2026-03-14T00:00:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(0);
  });

  it('Done from the list after the DM went out replaces the list and clears the DM; pressing it again does nothing', async () => {
    const h = await world.startBot();
    const { id, dm } = await deliverReminder(world, h, at('2026-03-13T13:00:00Z'));
    const listed = async () => buttonsOf((await h.commandAnswer({ userId: BOB, text: 'followups' })).blocks);
    const current = await listed();
    const list = { ts: '1732600000.009900', channelId: 'C0SALES01', isEphemeral: true };

    world.now = at('2026-03-13T15:00:00Z');
    await pressDone(h, BOB, current?.done ?? '', { ...list, responseUrl: h.fake.responseUrl('list') });
    await h.fake.waitForResponse((r) => r.id === 'list');
    const update = await h.fake.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: BOB_DM, ts: dm.ts });
    expect(buttonsOf(update.args.blocks)).toBeUndefined();
    expect(await h.bot.deps.reminders.get(id)).toMatchObject({ state: 'done', doneBySlackUserId: BOB });

    await pressSnooze(h, BOB, current?.snooze['1h'] ?? '', { ...list, responseUrl: h.fake.responseUrl('old') });
    await vi.waitFor(async () => expect(ephemeralsTo(h, BOB)).toHaveLength(1));
    expect(textOf(ephemeralsTo(h, BOB)[0]?.args ?? {})).toContain('has changed');
    expect((await h.bot.deps.reminders.get(id))?.state).toBe('done');
  });
});
