// Shared setup for the reminder scheduler's tests: a clock the test moves, a real SQLite file, recorded deliveries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createReminderScheduler, type DeliverReminder } from '../../src/reminders/scheduler.js';
import { type Database, openDatabase } from '../../src/store/sqlite/database.js';
import { createReminderStore } from '../../src/store/sqlite/reminder-store.js';
import type { Reminder, ReminderStore } from '../../src/store/types.js';
import { sampleNewReminder, sampleReminderInteraction } from './sample-interaction.js';

export const T0 = new Date('2026-03-02T10:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const at = (ms: number): Date => new Date(T0.getTime() + ms);

// Exported bindings are live: a test reads the current value; only setClock() moves the clock.
export let store: ReminderStore;
export let clock: Date;
export let logLines: { level: number; msg: string; reminderId?: string }[];
export let deliveries: { id: string; late: boolean; owner: string }[];
let dir: string;
let file: string;
let dbs: Database[];

/** Registers the hooks: a fresh database file, clock at T0, log and deliveries for each test; real timers after. */
export function setUpSchedulerTests(): void {
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
}

export const setClock = (to: Date): void => {
  clock = to;
};

export function connect(): ReminderStore {
  const db = openDatabase(file, { synchronous: 'NORMAL' });
  dbs.push(db);
  return createReminderStore(db);
}

export function addReminder(uniqueId: string, dueAt: Date, into: ReminderStore = store): Promise<Reminder> {
  const interaction = sampleReminderInteraction(uniqueId, { followUp: { at: T0.toISOString(), by: 'EMP1' } });
  return into.create(sampleNewReminder(uniqueId, dueAt, { interaction }), clock);
}

/** A deliver that records each call and yields once, so concurrent runs really interleave. */
export function recordingDeliver(owner: string): DeliverReminder {
  return async (reminder, info) => {
    await Promise.resolve();
    deliveries.push({ id: reminder.id, late: info.late, owner });
    return { conversationId: 'D1', ts: `${deliveries.length}.000100` };
  };
}

export function makeScheduler(overrides: { deliver?: DeliverReminder; store?: ReminderStore; owner?: string } = {}) {
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
