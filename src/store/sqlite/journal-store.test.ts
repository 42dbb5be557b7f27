// SQLite specifics of the journal (the shared behaviour is in test/store-contract): the query plans use the indexes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';

let dir: string;
let dbs: Database[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-journal-'));
  dbs = [openDatabase(path.join(dir, 'bot.db'))];
});

afterEach(() => {
  for (const db of dbs) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('journal on SQLite', () => {
  it('uses the (slack_user_id, created_at) index', async () => {
    const plan = dbs[0]
      ?.prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM journal WHERE slack_user_id = 'U1' AND created_at >= 0 ORDER BY created_at DESC",
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/journal_user_created/);
  });
});
