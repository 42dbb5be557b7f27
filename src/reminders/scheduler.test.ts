// Tests the delivery loop with a clock the test controls and a real SQLite store shared by two connections.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractionInput } from '../caliq/types.js';
import { createLogger } from '../logger.js';
import { type Database, openDatabase } from '../store/sqlite/database.js';
import { createReminderStore } from '../store/sqlite/reminder-store.js';
import type { Reminder, ReminderStore } from '../store/types.js';
import { ReminderNotDeliveredError } from './errors.js';
import { createReminderScheduler, type DeliverReminder } from './scheduler.js';
import { snoozeUntil } from './snooze.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (ms: number): Date => new Date(T0.getTime() + ms);

function interaction(uniqueId: string): InteractionInput {
  return {
    uniqueId,
    channelId: 3,
    customer: { accountNo: 'ACME01' },
    kind: 'C',
    contactedBy: 'EMP1',
    contact: { contactId: 42 },
    followUp: { at: T0.toISOString(), by: 'EMP1' },
  };
}

let dir: string;
let file: string;
let dbs: Database[];
let store: ReminderStore;
let clock: Date;
let logLines: { level: number; msg: string; reminderId?: string }[];
let deliveries: { id: string; late: boolean; owner: string }[];

function connect(): ReminderStore {
  const db = openDatabase(file, { synchronous: 'NORMAL' });
  dbs.push(db);
  return createReminderStore(db);
}

function addReminder(uniqueId: string, dueAt: Date, into: ReminderStore = store): Promise<Reminder> {
  return into.create(
    {
      uniqueId,
      recipientSlackUserId: 'U1',
      loggedBySlackUserId: 'U2',
      dueAt,
      interaction: interaction(uniqueId),
    },
    clock,
  );
}

/** A deliver that records each call and yields once, so concurrent runs really interleave. */
function recordingDeliver(owner: string): DeliverReminder {
  return async (reminder, info) => {
    await Promise.resolve();
    deliveries.push({ id: reminder.id, late: info.late, owner });
    return { conversationId: 'D1', ts: `${deliveries.length}.000100` };
  };
}

function makeScheduler(overrides: { deliver?: DeliverReminder; store?: ReminderStore; owner?: string } = {}) {
  const owner = overrides.owner ?? 'bot-a';
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => logLines.push(JSON.parse(line)) },
  });
  return createReminderScheduler({
    store: overrides.store ?? store,
    deliver: overrides.deliver ?? recordingDeliver(owner),
    now: () => clock,
    owner,
    logger,
    pollIntervalMs: MINUTE,
    retryDelayMs: 2 * MINUTE,
  });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-scheduler-'));
  file = path.join(dir, 'bot.db');
  dbs = [];
  store = connect();
  clock = T0;
  logLines = [];
  deliveries = [];
});

afterEach(() => {
  vi.useRealTimers();
  for (const db of dbs) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('runOnce', () => {
  it('delivers a reminder when it falls due, not before, and only once', async () => {
    const reminder = await addReminder('g-1', at(10 * MINUTE));
    const scheduler = makeScheduler();
    expect(await scheduler.runOnce()).toBe(0);
    clock = at(10 * MINUTE - 1);
    expect(await scheduler.runOnce()).toBe(0);
    expect(deliveries).toEqual([]);
    clock = at(10 * MINUTE);
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
    clock = at(DAY);
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
      clock = at(step * 30_000);
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
    clock = at(2 * MINUTE - 1);
    expect(await scheduler.runOnce()).toBe(0);
    clock = at(2 * MINUTE);
    expect(await scheduler.runOnce()).toBe(1);
    expect(deliveries).toEqual([{ id: reminder.id, late: false, owner: 'bot-a' }]);
  });

  it('never resends a reminder whose delivery ended ambiguously', async () => {
    const reminder = await addReminder('g-1', T0);
    const attempts: string[] = [];
    const deliver: DeliverReminder = async (r) => {
      attempts.push(r.id);
      throw new Error('socket hang up');
    };
    const scheduler = makeScheduler({ deliver });
    expect(await scheduler.runOnce()).toBe(0);
    clock = at(DAY);
    expect(await scheduler.runOnce()).toBe(0);
    expect(attempts).toEqual([reminder.id]);
    expect((await store.get(reminder.id))?.state).toBe('sending');
    expect(logLines.filter((l) => l.level === 50 && l.reminderId === reminder.id)).toHaveLength(1);
  });

  it('says at start-up which reminders were left mid-send, without sending them again', async () => {
    const reminder = await addReminder('g-1', T0);
    const first = makeScheduler({ deliver: async () => Promise.reject(new Error('socket hang up')) });
    await first.runOnce();
    clock = at(HOUR);
    const attempts: string[] = [];
    const second = makeScheduler({
      deliver: async (r) => {
        attempts.push(r.id);
        return { conversationId: 'D1', ts: '1.000001' };
      },
    });
    second.start();
    await second.stop();
    expect(attempts).toEqual([]);
    expect((await store.listStuckSending(at(HOUR - 10 * MINUTE))).map((r) => r.id)).toEqual([reminder.id]);
    expect(logLines.some((l) => l.level === 40 && l.msg.includes('may not have been delivered'))).toBe(true);
  });

  it('redelivers a snoozed reminder at the snoozed time, and the old version is inert', async () => {
    const reminder = await addReminder('g-1', T0);
    const scheduler = makeScheduler();
    await scheduler.runOnce();
    const sent = (await store.get(reminder.id)) as Reminder;
    clock = at(5 * MINUTE);
    const until = snoozeUntil('1h', clock, 'Europe/London');
    const snoozed = await store.snooze(reminder.id, until, sent.version, clock);
    expect(snoozed?.dueAt).toEqual(at(65 * MINUTE));
    expect(await store.markDone(reminder.id, 'U1', sent.version, clock)).toBeUndefined();
    expect(await store.snooze(reminder.id, at(DAY), sent.version, clock)).toBeUndefined();
    clock = at(65 * MINUTE - 1);
    expect(await scheduler.runOnce()).toBe(0);
    clock = at(65 * MINUTE);
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
    clock = at(30 * DAY);
    expect(await scheduler.runOnce()).toBe(0);
    expect(deliveries.map((d) => d.id)).toEqual([sentFirst.id]);
  });

  it('delivers a reminder due 200 days ahead on its day', async () => {
    const far = await addReminder('far', at(200 * DAY));
    const scheduler = makeScheduler();
    clock = at(200 * DAY - MINUTE);
    expect(await scheduler.runOnce()).toBe(0);
    clock = at(200 * DAY);
    expect(await scheduler.runOnce()).toBe(1);
    expect(deliveries).toEqual([{ id: far.id, late: false, owner: 'bot-a' }]);
  });
});

describe('start, stop and nudge', () => {
  it('sends what fell due during downtime once on start-up, marked late', async () => {
    const missed = await addReminder('missed', at(HOUR));
    clock = at(3 * HOUR);
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
      clock = new Date(clock.getTime() + ms);
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
