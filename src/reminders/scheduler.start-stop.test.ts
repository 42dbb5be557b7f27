// The scheduler's loop: catching up after downtime, sleeping until the next due time, nudges, stopping, failed runs.
import { describe, expect, it, vi } from 'vitest';
import {
  addReminder,
  at,
  clock,
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
import type { ReminderStore } from '../store/types.js';

setUpSchedulerTests();

describe('start, stop and nudge', () => {
  it('sends what fell due during downtime once on start-up, marked late', async () => {
    const missed = await addReminder('missed', at(HOUR));
    setClock(at(3 * HOUR));
    const scheduler = makeScheduler();
    scheduler.start();
    await scheduler.stop();
    expect(deliveries).toEqual([{ id: missed.id, late: true, owner: 'bot-a' }]);
    expect((await store.get(missed.id))?.sentLate).toBe(true);
    const again = makeScheduler({ owner: 'bot-b' });
    again.start();
    await again.stop();
    expect(deliveries).toHaveLength(1);
  });

  it('sleeps until the next due time rather than the whole poll interval, and wakes early when nudged', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const advance = async (ms: number) => {
      setClock(new Date(clock.getTime() + ms));
      await vi.advanceTimersByTimeAsync(ms);
    };
    const soon = await addReminder('soon', at(10_000));
    const scheduler = makeScheduler();
    scheduler.start();
    await advance(9_000);
    expect(deliveries).toEqual([]);
    await advance(1_000);
    expect(deliveries.map((d) => d.id)).toEqual([soon.id]);

    const urgent = await addReminder('urgent', clock);
    await advance(100);
    expect(deliveries).toHaveLength(1);
    scheduler.nudge();
    await advance(0);
    expect(deliveries.map((d) => d.id)).toEqual([soon.id, urgent.id]);

    const polled = await addReminder('polled', clock);
    await advance(MINUTE);
    expect(deliveries.map((d) => d.id)).toEqual([soon.id, urgent.id, polled.id]);
    await scheduler.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for the run in progress when stopped', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reminder = await addReminder('g-1', T0);
    const scheduler = makeScheduler({
      deliver: async (r, info) => {
        await gate;
        return recordingDeliver('bot-a')(r, info);
      },
    });
    scheduler.start();
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(deliveries.map((d) => d.id)).toEqual([reminder.id]);
    expect((await store.get(reminder.id))?.state).toBe('sent');
  });

  it('keeps running after a failed run', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let broken = true;
    const flaky: ReminderStore = {
      ...store,
      claimDue: async (now, owner, limit) => {
        if (broken) throw new Error('database is locked');
        return await store.claimDue(now, owner, limit);
      },
    };
    const reminder = await addReminder('g-1', T0);
    const scheduler = makeScheduler({ store: flaky });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(logLines.some((l) => l.level === 50 && l.msg === 'poll pass failed')).toBe(true);
    broken = false;
    await vi.advanceTimersByTimeAsync(MINUTE);
    await scheduler.stop();
    expect(deliveries.map((d) => d.id)).toEqual([reminder.id]);
  });
});
