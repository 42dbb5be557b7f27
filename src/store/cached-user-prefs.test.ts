// Checks the prefs cache on a real SQLite file: memory-only peek, lazy load, write-through, unchanged writes skipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCachedUserPrefs } from './cached-user-prefs.js';
import { type Database, openDatabase } from './sqlite/database.js';
import { createUserPrefsStore } from './sqlite/user-prefs-store.js';
import type { UserPrefsStore } from './types.js';

let dir: string;
let db: Database;
let store: UserPrefsStore;
let reads: number;
let writes: number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-prefs-cache-'));
  db = openDatabase(path.join(dir, 'bot.db'));
  const real = createUserPrefsStore(db);
  reads = 0;
  writes = 0;
  store = {
    get: (id) => {
      reads += 1;
      return real.get(id);
    },
    setTimeZone: (id, zone) => {
      writes += 1;
      return real.setTimeZone(id, zone);
    },
    setLastChannel: (id, channelId) => {
      writes += 1;
      return real.setLastChannel(id, channelId);
    },
  };
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cached user prefs', () => {
  it('peeks from memory only, loads a user once, then answers from memory', async () => {
    await createUserPrefsStore(db).setLastChannel('U1', 7);
    const prefs = createCachedUserPrefs(store);
    expect(prefs.peek('U1')).toBeUndefined();
    expect(reads).toBe(0);
    const [a, b] = await Promise.all([prefs.get('U1'), prefs.get('U1')]);
    expect(a).toEqual({ timeZone: undefined, lastChannelId: 7 });
    expect(b).toEqual(a);
    expect(reads).toBe(1);
    expect(prefs.peek('U1')?.lastChannelId).toBe(7);
    await prefs.get('U1');
    expect(reads).toBe(1);
  });

  it('writes through to the store and skips a write that changes nothing', async () => {
    const prefs = createCachedUserPrefs(store);
    await prefs.setLastChannel('U1', 3);
    await prefs.setLastChannel('U1', 3);
    await prefs.setTimeZone('U1', 'Europe/Paris');
    expect(writes).toBe(2);
    expect(prefs.peek('U1')).toEqual({ timeZone: 'Europe/Paris', lastChannelId: 3 });
    expect(await createUserPrefsStore(db).get('U1')).toEqual({ timeZone: 'Europe/Paris', lastChannelId: 3 });
  });

  it('keeps memory unchanged when the store refuses a write', async () => {
    const prefs = createCachedUserPrefs({
      ...store,
      setLastChannel: async () => {
        throw new Error('database unreachable');
      },
    });
    await prefs.setTimeZone('U1', 'UTC');
    await expect(prefs.setLastChannel('U1', 9)).rejects.toThrow('database unreachable');
    expect(prefs.peek('U1')).toEqual({ timeZone: 'UTC', lastChannelId: undefined });
  });

  it('forgets the least recently used user beyond its size', async () => {
    const prefs = createCachedUserPrefs(store, { maxUsers: 2 });
    await prefs.get('U1');
    await prefs.get('U2');
    prefs.peek('U1');
    await prefs.get('U3');
    expect(prefs.peek('U2')).toBeUndefined();
    expect(prefs.peek('U1')).toBeDefined();
    expect(prefs.peek('U3')).toBeDefined();
  });
});
