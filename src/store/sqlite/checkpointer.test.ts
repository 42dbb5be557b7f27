import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCheckpointer } from './checkpointer.js';
import { openDatabase } from './database.js';

describe('startCheckpointer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies the WAL into the database file from a worker thread, never from the writer’s commits', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-checkpoint-'));
    dirs.push(dir);
    const file = path.join(dir, 'journal.db');
    const db = openDatabase(file, { synchronous: 'NORMAL', checkpointInBackground: true });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
    for (let i = 0; i < 3000; i++) insert.run('x'.repeat(2000));
    const mainFileBefore = fs.statSync(file).size;
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(4_000_000);

    const errors: string[] = [];
    const checkpointer = startCheckpointer(file, { intervalMs: 20, onError: (message) => errors.push(message) });
    await vi.waitFor(() => expect(fs.statSync(file).size).toBeGreaterThan(mainFileBefore + 4_000_000), {
      timeout: 5000,
    });
    await checkpointer.stop();
    expect(errors).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM filler').get()).toEqual({ n: 3000 });
    db.close();
  });

  it('finishes stopping when nothing else keeps the process alive (as at shutdown)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-checkpoint-'));
    dirs.push(dir);
    const file = path.join(dir, 'journal.db');
    openDatabase(file, { checkpointInBackground: true }).close();
    const script = path.join(dir, 'stop.ts');
    fs.writeFileSync(
      script,
      `import { startCheckpointer } from ${JSON.stringify(path.resolve(import.meta.dirname, 'checkpointer.ts'))};
const checkpointer = startCheckpointer(${JSON.stringify(file)});
setTimeout(() => checkpointer.stop().then(() => console.log('stopped')), 100);
`,
    );
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const output = execFileSync(process.execPath, ['--import', tsx, script], { encoding: 'utf8', timeout: 15_000 });
    expect(output.trim()).toBe('stopped');
  });
});
