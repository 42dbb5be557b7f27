// SQLite specifics of reminders (the shared behaviour is in test/store-contract): claims by two OS processes at once.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleNewReminder, sampleReminderInteraction } from '../../../test/support/sample-interaction.js';
import type { NewReminder, ReminderStore } from '../types.js';
import { type Database, openDatabase } from './database.js';
import { createReminderStore } from './reminder-store.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

function newReminder(uniqueId: string, dueAt: Date, recipient = 'U1'): NewReminder {
  return sampleNewReminder(uniqueId, dueAt, {
    recipientSlackUserId: recipient,
    loggedBySlackUserId: 'U9',
    interaction: sampleReminderInteraction(uniqueId, {
      kind: 'V',
      followUp: { at: '2026-03-03T09:00:00.000Z', by: 'EMP2', notes: 'Send the quote' },
    }),
  });
}

let dir: string;
let file: string;
let dbs: Database[];
let reminders: ReminderStore;

function connect(): ReminderStore {
  const db = openDatabase(file);
  dbs.push(db);
  return createReminderStore(db);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-reminders-'));
  file = path.join(dir, 'bot.db');
  dbs = [];
  reminders = connect();
});

afterEach(() => {
  for (const db of dbs) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// A child process that waits for the go file, then claims one or two reminders at a time until none are left.
const CLAIMER_SCRIPT = `
import fs from 'node:fs';
const [storeUrl, databaseUrl, file, owner, readyFile, goFile] = process.argv.slice(2);
const { createReminderStore } = await import(storeUrl);
const { openDatabase } = await import(databaseUrl);
const db = openDatabase(file);
const store = createReminderStore(db);
fs.writeFileSync(readyFile, '');
while (!fs.existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 2));
const ids = [];
for (let round = 0; ; round += 1) {
  const claimed = await store.claimDue(new Date('2030-01-01T00:00:00Z'), owner, 1 + (round % 2));
  if (claimed.length === 0) break;
  ids.push(...claimed.map((r) => r.id));
  // Like the scheduler, which delivers between claims: without a pause one process would hold the lock throughout.
  await new Promise((resolve) => setTimeout(resolve, 1));
}
db.close();
process.stdout.write(JSON.stringify(ids));
`;

describe('claimDue across processes', () => {
  it('claims each reminder exactly once when two processes claim at the same time', async () => {
    const count = 120;
    const ids = new Set<string>();
    for (let i = 0; i < count; i += 1) ids.add((await reminders.create(newReminder(`g-${i}`, at(i * 10)), T0)).id);
    const here = path.dirname(fileURLToPath(import.meta.url));
    const script = path.join(dir, 'claimer.mts');
    fs.writeFileSync(script, CLAIMER_SCRIPT);
    const goFile = path.join(dir, 'go');
    const run = (owner: string) =>
      promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          script,
          new URL('reminder-store.ts', import.meta.url).href,
          new URL('database.ts', import.meta.url).href,
          file,
          owner,
          path.join(dir, `ready-${owner}`),
          goFile,
        ],
        { cwd: here },
      );
    const children = Promise.all([run('a'), run('b')]);
    const bothReady = async () => {
      while (!(fs.existsSync(path.join(dir, 'ready-a')) && fs.existsSync(path.join(dir, 'ready-b')))) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    // A child that dies before it is ready fails the test at once instead of leaving the wait spinning.
    await Promise.race([bothReady(), children]);
    fs.writeFileSync(goFile, '');
    const [a, b] = (await children).map((result) => JSON.parse(result.stdout) as string[]);
    const all = [...(a ?? []), ...(b ?? [])];
    expect(all.length).toBe(count);
    expect(new Set(all)).toEqual(ids);
    // Both took part, so the test really raced them.
    expect(a?.length).toBeGreaterThan(0);
    expect(b?.length).toBeGreaterThan(0);
    const owners = (await reminders.listOpenFor('U1', at(10 * count))).map((r) => r.claimedBy);
    expect(owners.filter((o) => o === 'a').length).toBe(a?.length);
    expect(owners.filter((o) => o === 'b').length).toBe(b?.length);
  });
});
