// Tests the per-user memory on a real SQLite file: unknown users, each field set alone, overwrites.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';
import type { UserPrefsStore } from './types.js';
import { createUserPrefsStore } from './user-prefs-store.js';

let dir: string;
let db: Database;
let prefs: UserPrefsStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-prefs-'));
  db = openDatabase(path.join(dir, 'bot.db'));
  prefs = createUserPrefsStore(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createUserPrefsStore', () => {
  it('knows nothing of a new user', async () => {
    expect(await prefs.get('U1')).toEqual({ timeZone: undefined, lastChannelId: undefined });
  });

  it('keeps the time zone and the last channel independently, overwriting each', async () => {
    await prefs.setTimeZone('U1', 'America/New_York');
    expect(await prefs.get('U1')).toEqual({ timeZone: 'America/New_York', lastChannelId: undefined });
    await prefs.setLastChannel('U1', 4);
    await prefs.setTimeZone('U1', 'Europe/London');
    expect(await prefs.get('U1')).toEqual({ timeZone: 'Europe/London', lastChannelId: 4 });
    await prefs.setLastChannel('U1', 7);
    expect(await prefs.get('U1')).toEqual({ timeZone: 'Europe/London', lastChannelId: 7 });
    await prefs.setLastChannel('U2', 1);
    expect(await prefs.get('U2')).toEqual({ timeZone: undefined, lastChannelId: 1 });
  });
});
