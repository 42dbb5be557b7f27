// The scheduler's single pass (runOnce): due times, lateness, two schedulers at once, failed sends, snooze, done.
import { describe, expect, it } from 'vitest';
import {
  addReminder,
  at,
  clock,
  connect,
  DAY,
  deliveries,
  HOUR,
  logLines,
  MINUTE,
  makeScheduler,
  recordingDeliver,
  setClock,
  setUpSchedulerTests,
  store,
  T0,
} from '../../test/support/scheduler-fixtures.js';
import { createLogger } from '../logger.js';
import type { Reminder } from '../store/types.js';
import { ReminderNotDeliveredError } from './errors.js';
import { createReminderScheduler, type DeliverReminder } from './scheduler.js';
import { snoozeUntil } from './snooze.js';

setUpSchedulerTests();

describe('runOnce', () => {
  it('delivers a reminder when it falls due, not before, and only once', async () => {
    const reminder = await addReminder('g-1', at(10 * MINUTE));
    const scheduler = makeScheduler();
    expect(await scheduler.runOnce()).toBe(0);
    setClock(at(10 * MINUTE - 1));
    expect(await scheduler.runOnce()).toBe(0);
    expect(deliveries).toEqual([]);
    setClock(at(10 * MINUTE));
    expect(await scheduler.runOnce()).toBe(1);
    expect(deliveries).toEqual([{ id: reminder.id, late: false, owner: 'bot-a' }]);
    expect(await store.get(reminder.id)).toMatchObject({
      state: 'sent',
      sentLate: false,
      sentConversationId: 'D1',
      sentTs: '1.000100',
      sentAt: at(10 * MINUTE),
      claimedBy: 'bot-a',
    });
    setClock(at(DAY));
    expect(await scheduler.runOnce()).toBe(0);
    expect(deliveries).toHaveLength(1);
  });

  it('counts a reminder as late only beyond the late threshold', async () => {
    const onTime = await addReminder('on-time', at(0));
    const late = await addReminder('late', at(-5 * MINUTE - 1));
    expect(await makeScheduler().runOnce()).toBe(2);
    expect(deliveries.find((d) => d.id === onTime.id)?.late).toBe(false);
    expect(deliveries.find((d) => d.id === late.id)?.late).toBe(true);
    expect((await store.get(late.id))?.sentLate).toBe(true);
  });

  it('delivers each reminder exactly once when two schedulers on two connections run interleaved', async () => {
    const other = connect();
    const ids: string[] = [];
    for (let i = 0; i < 40; i += 1)
      ids.push((await addReminder(`g-${i}`, at((i % 7) * MINUTE), i % 2 ? store : other)).id);
    const a = createReminderScheduler({
      store,
      deliver: recordingDeliver('bot-a'),
      now: () => clock,
      owner: 'bot-a',
      logger: createLogger({ level: 'silent' }),
      pollIntervalMs: MINUTE,
      batchSize: 3,
    });
    const b = createReminderScheduler({
      store: other,
      deliver: recordingDeliver('bot-b'),
      now: () => clock,
      owner: 'bot-b',
      logger: createLogger({ level: 'silent' }),
      pollIntervalMs: MINUTE,
      batchSize: 4,
    });
    let sent = 0;
    for (let step = 0; step < 20; step += 1) {
      setClock(at(step * 30_000));
      const [fromA, fromB] = await Promise.all([a.runOnce(), b.runOnce()]);
      sent += (fromA ?? 0) + (fromB ?? 0);
    }
    expect(sent).toBe(40);
    expect(deliveries.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(new Set(deliveries.map((d) => d.owner))).toEqual(new Set(['bot-a', 'bot-b']));
    for (const d of deliveries) expect(await store.get(d.id)).toMatchObject({ state: 'sent', claimedBy: d.owner });
  });

  it('retries later a reminder that certainly did not reach Slack', async () => {
    const reminder = await addReminder('g-1', T0);
    let failures = 1;
    const deliver: DeliverReminder = async (r, info) => {
      if (failures > 0) {
        failures -= 1;
        throw new ReminderNotDeliveredError(r.id, 'could not open the DM', { cause: new Error('channel_not_found') });
      }
      return recordingDeliver('bot-a')(r, info);
    };
    const scheduler = makeScheduler({ deliver });
    expect(await scheduler.runOnce()).toBe(0);
    expect(await store.get(reminder.id)).toMatchObject({ state: 'open', dueAt: at(2 * MINUTE), claimedBy: undefined });
    expect(logLines.some((l) => l.level === 40 && l.reminderId === reminder.id)).toBe(true);
    setClock(at(2 * MINUTE - 1));
    expect(await scheduler.runOnce()).toBe(0);
    setClock(at(2 * MINUTE));
    expect(await scheduler.runOnce()).toBe(1);
    expect(deliveries).toEqual([{ id: reminder.id, late: false, owner: 'bot-a' }]);
  });

  it('retries a reminder whose delivery ended ambiguously only after the lease, flagged so the DM is looked for', async () => {
    const reminder = await addReminder('g-1', T0);
    const attempts: { id: string; retry: boolean | undefined }[] = [];
    const deliver: DeliverReminder = async (r, info) => {
      attempts.push({ id: r.id, retry: info.retry });
      if (attempts.length === 1) throw new Error('socket hang up');
      return { conversationId: 'D1', ts: '1.000001' };
    };
    const scheduler = makeScheduler({ deliver });
    expect(await scheduler.runOnce()).toBe(0);
    expect((await store.get(reminder.id))?.state).toBe('sending');
    expect(logLines.filter((l) => l.level === 50 && l.reminderId === reminder.id)).toHaveLength(1);
    setClock(at(2 * MINUTE));
    expect(await scheduler.runOnce()).toBe(0);
    expect(attempts).toEqual([{ id: reminder.id, retry: undefined }]);
    setClock(at(2 * MINUTE + 1));
    expect(await scheduler.runOnce()).toBe(1);
    expect(attempts).toEqual([
      { id: reminder.id, retry: undefined },
      { id: reminder.id, retry: true },
    ]);
    expect(await store.get(reminder.id)).toMatchObject({ state: 'sent', sentTs: '1.000001' });
  });

  it('says at start-up which reminders were left mid-send, and takes them over as retries', async () => {
    const reminder = await addReminder('g-1', T0);
    const first = makeScheduler({ deliver: async () => Promise.reject(new Error('socket hang up')) });
    await first.runOnce();
    setClock(at(HOUR));
    const attempts: { id: string; retry: boolean | undefined }[] = [];
    const second = makeScheduler({
      deliver: async (r, info) => {
        attempts.push({ id: r.id, retry: info.retry });
        return { conversationId: 'D1', ts: '1.000001' };
      },
    });
    expect(await store.listStuckSending(at(HOUR - 10 * MINUTE))).toHaveLength(1);
    second.start();
    await second.stop();
    expect(logLines.some((l) => l.level === 40 && l.msg.includes('may not have been delivered'))).toBe(true);
    expect(attempts).toEqual([{ id: reminder.id, retry: true }]);
    expect((await store.get(reminder.id))?.state).toBe('sent');
  });

  it('redelivers a snoozed reminder at the snoozed time, and the old version is inert', async () => {
    const reminder = await addReminder('g-1', T0);
    const scheduler = makeScheduler();
    await scheduler.runOnce();
    const sent = (await store.get(reminder.id)) as Reminder;
    setClock(at(5 * MINUTE));
    const until = snoozeUntil('1h', clock, 'Europe/London');
    const snoozed = await store.snooze(reminder.id, until, sent.version, clock);
    expect(snoozed?.dueAt).toEqual(at(65 * MINUTE));
    expect(await store.markDone(reminder.id, 'U1', sent.version, clock)).toBeUndefined();
    expect(await store.snooze(reminder.id, at(DAY), sent.version, clock)).toBeUndefined();
    setClock(at(65 * MINUTE - 1));
    expect(await scheduler.runOnce()).toBe(0);
    setClock(at(65 * MINUTE));
    expect(await scheduler.runOnce()).toBe(1);
    expect(deliveries.map((d) => d.id)).toEqual([reminder.id, reminder.id]);
    expect((await store.get(reminder.id))?.state).toBe('sent');
  });

  it('delivers nothing more once a reminder is done, whether sent or still open', async () => {
    const sentFirst = await addReminder('sent', T0);
    const openOne = await addReminder('open', at(HOUR));
    const scheduler = makeScheduler();
    await scheduler.runOnce();
    expect(
      (await store.markDone(sentFirst.id, 'U1', ((await store.get(sentFirst.id)) as Reminder).version, clock))?.state,
    ).toBe('done');
    expect((await store.markDone(openOne.id, 'U1', openOne.version, clock))?.state).toBe('done');
    setClock(at(30 * DAY));
    expect(await scheduler.runOnce()).toBe(0);
    expect(deliveries.map((d) => d.id)).toEqual([sentFirst.id]);
  });

  it('delivers a reminder due 200 days ahead on its day', async () => {
    const far = await addReminder('far', at(200 * DAY));
    const scheduler = makeScheduler();
    setClock(at(200 * DAY - MINUTE));
    expect(await scheduler.runOnce()).toBe(0);
    setClock(at(200 * DAY));
    expect(await scheduler.runOnce()).toBe(1);
    expect(deliveries).toEqual([{ id: far.id, late: false, owner: 'bot-a' }]);
  });
});
