// Tests the group commit on a real SQLite file: one transaction per turn, failures kept apart, fake timers harmless.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from './database.js';
import { createGroupCommit } from './group-commit.js';

const cleanups: Array<() => void> = [];

function twoConnections(): { db: Database; other: Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-group-commit-'));
  const file = path.join(dir, 'bot.db');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  const other = new BetterSqlite3(file);
  cleanups.push(() => {
    db.close();
    other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, other };
}

afterEach(() => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const count = (db: Database): number => (db.prepare('SELECT COUNT(*) AS c FROM t').get() as { c: number }).c;

describe('group commit', () => {
  it('runs the writes of one turn in one transaction, visible to others only once all are committed', async () => {
    const { db, other } = twoConnections();
    const writes = createGroupCommit(db);
    const insert = db.prepare('INSERT INTO t (id, n) VALUES (?, ?)');
    const seen: Array<{ inTransaction: boolean; othersSee: number }> = [];
    const results = [1, 2, 3].map((n) =>
      writes.run(() => {
        insert.run(`row-${n}`, n);
        seen.push({ inTransaction: db.inTransaction, othersSee: count(other) });
        return n * 10;
      }),
    );
    expect(count(other)).toBe(0);
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(seen).toEqual([
      { inTransaction: true, othersSee: 0 },
      { inTransaction: true, othersSee: 0 },
      { inTransaction: true, othersSee: 0 },
    ]);
    expect(count(other)).toBe(3);
  });

  it('fails only the write whose statement failed; the others of its group are kept', async () => {
    const { db, other } = twoConnections();
    const writes = createGroupCommit(db);
    const insert = db.prepare('INSERT INTO t (id, n) VALUES (?, ?)');
    const outcomes = await Promise.allSettled([
      writes.run(() => insert.run('a', 1)),
      writes.run(() => insert.run('a', 2)),
      writes.run(() => insert.run('b', 3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    expect(other.prepare('SELECT id, n FROM t ORDER BY id').all()).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 3 },
    ]);
  });

  it('fails every write of the group, keeping none, when the transaction cannot be had', async () => {
    const { db, other } = twoConnections();
    db.pragma('busy_timeout = 0');
    const writes = createGroupCommit(db);
    other.exec('BEGIN IMMEDIATE');
    const outcomes = await Promise.allSettled([
      writes.run(() => db.prepare("INSERT INTO t (id, n) VALUES ('a', 1)").run()),
      writes.run(() => db.prepare("INSERT INTO t (id, n) VALUES ('b', 2)").run()),
    ]);
    other.exec('ROLLBACK');
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
    expect(count(other)).toBe(0);
    // The next group starts afresh.
    await writes.run(() => db.prepare("INSERT INTO t (id, n) VALUES ('c', 3)").run());
    expect(count(other)).toBe(1);
  });

  it('commits while a test fakes the timers', async () => {
    const { db, other } = twoConnections();
    const writes = createGroupCommit(db);
    vi.useFakeTimers();
    await writes.run(() => db.prepare("INSERT INTO t (id, n) VALUES ('a', 1)").run());
    expect(count(other)).toBe(1);
  });
});
