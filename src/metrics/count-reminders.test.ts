// The reminder counters move with real store changes on a real SQLite file, and stale button presses don't count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleNewReminder, sampleReminderInteraction } from '../../test/support/sample-interaction.js';
import { type Database, openDatabase } from '../store/index.js';
import { createReminderStore } from '../store/sqlite/reminder-store.js';
import type { ReminderStore } from '../store/types.js';
import { countReminders } from './count-reminders.js';
import { createMetrics, type Metrics } from './create-metrics.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');

let folder: string;
let db: Database;
let metrics: Metrics;
let store: ReminderStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-metrics-'));
  db = openDatabase(path.join(folder, 'bot.db'));
  metrics = createMetrics({ processMetrics: false });
  store = countReminders(createReminderStore(db), metrics);
});

afterEach(() => {
  db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function counts(): Promise<Record<string, number>> {
  const metric = await metrics.registry.getSingleMetric('caliq_slack_reminders_total')?.get();
  return Object.fromEntries((metric?.values ?? []).map((value) => [String(value.labels.event), value.value]));
}

function newReminder(uniqueId: string) {
  const interaction = sampleReminderInteraction(uniqueId, { contact: { firstName: 'Ada', surname: 'Lovelace' } });
  return store.create(sampleNewReminder(uniqueId, T0, { interaction }), T0);
}

describe('countReminders', () => {
  it('starts every counter at zero', async () => {
    expect(await counts()).toEqual({ sent: 0, late: 0, snoozed: 0, done: 0 });
  });

  it('counts sent (and late), snoozed and done; a stale version changes nothing and counts nothing', async () => {
    await newReminder('on-time');
    await newReminder('late');
    const [first, second] = await store.claimDue(T0, 'me', 10);
    if (!first || !second) throw new Error('expected two due reminders');
    await store.markSent(first.id, { conversationId: 'D1', ts: '1.1', late: false }, T0);
    const late = await store.markSent(second.id, { conversationId: 'D1', ts: '1.2', late: true }, T0);
    expect(await counts()).toEqual({ sent: 2, late: 1, snoozed: 0, done: 0 });

    expect(await store.snooze(late.id, new Date(T0.getTime() + 3_600_000), late.version, T0)).toBeDefined();
    expect(await store.snooze(late.id, new Date(T0.getTime() + 3_600_000), late.version, T0)).toBeUndefined();
    const current = await store.get(first.id);
    expect(await store.markDone(first.id, 'U1', current?.version ?? -1, T0)).toBeDefined();
    expect(await store.markDone(first.id, 'U1', current?.version ?? -1, T0)).toBeUndefined();
    expect(await counts()).toEqual({ sent: 2, late: 1, snoozed: 1, done: 1 });
  });
});
