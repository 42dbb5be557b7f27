// The follow-up rule over a real SQLite reminder store: who gets a reminder, when it is due, and that it is made once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleNewEntry, sampleReminderInteraction } from '../../test/support/sample-interaction.js';
import { newPendingEntry } from '../store/new-entry.js';
import { type Database, openDatabase } from '../store/sqlite/database.js';
import { createReminderStore } from '../store/sqlite/reminder-store.js';
import type { JournalEntry, ReminderStore } from '../store/types.js';
import { createFollowUpReminder } from './remind-follow-up.js';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const DUE = '2026-03-05T09:00:00.000Z';

function entry(uniqueId: string, changes: { followUp?: boolean; followUpSlackUserId?: string } = {}): JournalEntry {
  const interaction = sampleReminderInteraction(
    uniqueId,
    changes.followUp === false ? {} : { followUp: { at: DUE, by: 'EMP2' } },
  );
  return newPendingEntry(
    sampleNewEntry(uniqueId, {
      slackUserId: 'ULOGGER',
      interaction,
      followUpSlackUserId: 'followUpSlackUserId' in changes ? changes.followUpSlackUserId : 'UCAROL',
    }),
    NOW,
  );
}

let dir: string;
let db: Database;
let store: ReminderStore;
let nudges: number;
let remind: (entry: JournalEntry) => Promise<void>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remind-follow-up-'));
  db = openDatabase(path.join(dir, 'bot.db'), { synchronous: 'NORMAL' });
  store = createReminderStore(db);
  nudges = 0;
  remind = createFollowUpReminder({ reminders: store, now: () => NOW, nudge: () => nudges++ });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createFollowUpReminder', () => {
  it('reminds the follow-up person at the follow-up time, says who logged it, and wakes the loop', async () => {
    await remind(entry('U-1'));
    const [due] = await store.claimDue(new Date(DUE), 'test', 10);
    expect(due).toMatchObject({
      uniqueId: 'U-1',
      recipientSlackUserId: 'UCAROL',
      loggedBySlackUserId: 'ULOGGER',
      dueAt: new Date(DUE),
    });
    expect(await store.claimDue(new Date(Date.parse(DUE) - 1), 'other', 10)).toEqual([]);
    expect(nudges).toBe(1);
  });

  it('makes no reminder for an interaction without a follow-up', async () => {
    await remind(entry('U-2', { followUp: false }));
    expect(await store.claimDue(new Date('2030-01-01T00:00:00Z'), 'test', 10)).toEqual([]);
    expect(nudges).toBe(0);
  });

  it('makes no reminder when the follow-up person is no Slack user the bot knows', async () => {
    await remind(entry('U-3', { followUpSlackUserId: undefined }));
    expect(await store.claimDue(new Date('2030-01-01T00:00:00Z'), 'test', 10)).toEqual([]);
    expect(nudges).toBe(0);
  });

  it('reminds once when the same logged entry is seen twice (a delivery repeated after a crash)', async () => {
    await remind(entry('U-4'));
    await remind(entry('U-4'));
    expect(await store.claimDue(new Date('2030-01-01T00:00:00Z'), 'test', 10)).toHaveLength(1);
  });
});
