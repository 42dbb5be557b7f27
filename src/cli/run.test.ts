// Tests every journal CLI command in-process against a real SQLite journal file, including its errors and exit codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleInteraction, sampleNewEntry } from '../../test/support/sample-interaction.js';
import { createJournalStore, type Database, openDatabase } from '../store/index.js';
import type { JournalStore, NewJournalEntry } from '../store/types.js';
import { runCli } from './run.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');

function newEntry(
  uniqueId: string,
  slackUserId: string,
  notes = 'Renewal talk',
  source: NewJournalEntry['source'] = undefined,
): NewJournalEntry {
  return sampleNewEntry(uniqueId, {
    ...(source ? { source } : {}),
    slackUserId,
    slackTeamId: 'T0TEAM001',
    interaction: sampleInteraction(uniqueId, {
      contact: { firstName: 'Jane', surname: 'Smith' },
      onDateTime: '2026-11-19T15:00:00.000Z',
      notes,
    }),
    draft: { accountNo: 'ACME01', notes },
    replyTo: { responseUrl: 'http://127.0.0.1:1/respond/x', conversationId: 'C0SALES01' },
  });
}

let folder: string;
let file: string;
let db: Database;
let journal: JournalStore;

beforeEach(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-cli-'));
  file = path.join(folder, 'journal.db');
  db = openDatabase(file);
  journal = createJournalStore(db);
  await journal.insert(newEntry('e-old', 'U0ALICE01'), new Date('2026-10-30T09:00:00Z'));
  await journal.insert(newEntry('e-logged', 'U0ALICE01'), new Date('2026-11-02T09:00:00Z'));
  await journal.markLogged('e-logged', new Date('2026-11-02T09:00:01Z'));
  await journal.insert(
    newEntry('e-rejected', 'U0BOB0001', 'Said "no", then, maybe\nlater', 'quick_log'),
    new Date('2026-11-03T09:00:00Z'),
  );
  await journal.markRejected(
    'e-rejected',
    [{ id: 3, message: 'Customer not found', extraData: '' }],
    new Date('2026-11-03T09:00:01Z'),
  );
  await journal.insert(newEntry('e-failed', 'U0BOB0001', undefined, 'workflow'), new Date('2026-11-04T09:00:00Z'));
  await journal.markFailed(
    'e-failed',
    'Caliq unavailable (service_unavailable); gave up after 9 attempts',
    new Date('2026-11-05T09:00:00Z'),
  );
});

afterEach(() => {
  db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { DATABASE_PATH: file },
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

describe('list', () => {
  it('prints a table of every entry, newest first, with the CLI state names', async () => {
    const { code, stdout, stderr } = await cli('list');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^UNIQUE ID\s+STATE\s+SOURCE\s+USER\s+CUSTOMER\s+KIND\s+CREATED \(UTC\)\s+TRIES\s+LAST PROBLEM$/,
    );
    expect(lines.slice(1, 5).map((line) => line.split(/\s+/).slice(0, 3))).toEqual([
      ['e-failed', 'failed', 'workflow'],
      ['e-rejected', 'rejected', 'quick_log'],
      ['e-logged', 'logged', 'form'],
      ['e-old', 'pending', 'form'],
    ]);
    expect(stdout).toContain('2026-11-04 09:00Z');
    expect(stdout).toContain('3: Customer not found');
    expect(lines.at(-1)).toBe('4 entries');
  });

  it('filters by state, user and since, and gives JSON for scripts', async () => {
    const byState = await cli('list', '--state', 'failed', '--state', 'rejected', '--json');
    expect((JSON.parse(byState.stdout) as { uniqueId: string }[]).map((r) => r.uniqueId)).toEqual([
      'e-failed',
      'e-rejected',
    ]);
    // The spellings older versions printed still select the same entries.
    for (const old of ['gave-up', 'gave_up']) {
      expect(JSON.parse((await cli('list', '--state', old, '--json')).stdout)).toEqual([
        expect.objectContaining({ uniqueId: 'e-failed', state: 'failed' }),
      ]);
    }
    const byUser = await cli('list', '--user', 'U0ALICE01', '--json');
    expect((JSON.parse(byUser.stdout) as { uniqueId: string }[]).map((r) => r.uniqueId)).toEqual(['e-logged', 'e-old']);
    const since = await cli('list', '--since', '2026-11-01', '--user', 'U0ALICE01,U0BOB0001', '--json');
    expect((JSON.parse(since.stdout) as { uniqueId: string }[]).map((r) => r.uniqueId)).toEqual([
      'e-failed',
      'e-rejected',
      'e-logged',
    ]);
    const none = await cli('list', '--user', 'U0NOBODY1');
    expect(none).toMatchObject({ code: 0, stdout: 'No journal entries match.\n' });
  });

  it('refuses bad options with usage and exit code 2, before touching the journal', async () => {
    for (const args of [
      ['list', '--state', 'gave up'],
      ['list', '--since', 'last tuesday'],
      ['list', '--limit', '0'],
      ['list', '--colour'],
      ['frobnicate'],
      ['show'],
      ['export'],
      ['export', '--format', 'xml'],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run journal');
      expect(result.stdout).toBe('');
    }
  });
});

describe('show', () => {
  it('prints every field of one entry', async () => {
    const { code, stdout } = await cli('show', 'e-rejected');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^uniqueId:\s+e-rejected$/m);
    expect(stdout).toMatch(/^state:\s+rejected$/m);
    expect(stdout).toMatch(/^source:\s+quick_log$/m);
    expect(stdout).toMatch(/^contact:\s+Jane Smith$/m);
    expect(stdout).toMatch(/^issues:\s+3: Customer not found$/m);
    expect(JSON.parse((await cli('show', 'e-failed', '--json')).stdout)).toMatchObject({
      uniqueId: 'e-failed',
      state: 'failed',
      lastError: expect.stringContaining('gave up'),
      createdAt: '2026-11-04T09:00:00.000Z',
    });
  });

  it('says plainly when the UniqueID is unknown (exit 3)', async () => {
    expect(await cli('show', 'no-such-id')).toEqual({
      code: 3,
      stdout: '',
      stderr: 'No journal entry has the UniqueID no-such-id.\n',
    });
  });
});

describe('retry', () => {
  it('puts a failed entry back to pending under the same UniqueID, due now', async () => {
    const { code, stdout } = await cli('retry', 'e-failed');
    expect(code).toBe(0);
    expect(stdout).toContain('e-failed is pending again (was failed)');
    expect(await journal.get('e-failed')).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: NOW,
      interaction: { uniqueId: 'e-failed' },
    });
    expect((await journal.listDue(NOW, 10)).map((entry) => entry.uniqueId)).toContain('e-failed');
  });

  it('makes a waiting entry due now, but leaves one that is being sent alone', async () => {
    await journal.markRetry('e-old', 'Caliq unavailable (timeout)', new Date('2026-11-20T13:00:00Z'), NOW);
    expect(JSON.parse((await cli('retry', 'e-old', '--json')).stdout)).toMatchObject({
      state: 'pending',
      nextAttemptAt: NOW.toISOString(),
    });
    await journal.claim('e-old', NOW, new Date(NOW.getTime() + 60_000));
    const busy = await cli('retry', 'e-old');
    expect(busy).toMatchObject({ code: 0, stdout: expect.stringContaining('being sent to Caliq right now') });
    expect((await journal.get('e-old'))?.leaseUntil).toEqual(new Date(NOW.getTime() + 60_000));
  });

  it('refuses a logged entry (exit 5) and an unknown one (exit 3)', async () => {
    const logged = await cli('retry', 'e-logged');
    expect(logged.code).toBe(5);
    expect(logged.stderr).toContain('already logged in Caliq');
    expect((await journal.get('e-logged'))?.state).toBe('logged');
    expect((await cli('retry', 'nope')).code).toBe(3);
  });
});

describe('export', () => {
  it('writes every entry as CSV that a CSV parser reads back, newlines and quotes included', async () => {
    const { code, stdout } = await cli('export', '--format', 'csv');
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.uniqueId)).toEqual(['e-failed', 'e-rejected', 'e-logged', 'e-old']);
    expect(rows[1]).toMatchObject({
      state: 'rejected',
      source: 'quick_log',
      notes: 'Said "no", then, maybe\nlater',
      customer: 'ACME01',
    });
    expect(rows[2]).toMatchObject({ state: 'logged', loggedAt: '2026-11-02T09:00:01.000Z', lastError: '' });
  });

  it('writes a note that starts like a formula as text, so a spreadsheet never runs it', async () => {
    await journal.insert(newEntry('e-formula', 'U0EVE0001', '=HYPERLINK("http://evil.example","click")'), NOW);
    const { stdout } = await cli('export', '--format', 'csv', '--user', 'U0EVE0001');
    const [row] = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(row?.notes).toBe(`'=HYPERLINK("http://evil.example","click")`);
    // JSON is for programs, not spreadsheets: it keeps the note exactly as typed.
    const json = await cli('export', '--format', 'json', '--user', 'U0EVE0001');
    expect(JSON.parse(json.stdout)[0].notes).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('writes JSON, with the same filters as list', async () => {
    const { stdout } = await cli('export', '--format', 'json', '--state', 'logged');
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ uniqueId: 'e-logged', state: 'logged' })]);
  });
});

describe('an unreadable journal', () => {
  it('names a missing file without creating it (exit 4)', async () => {
    const missing = path.join(folder, 'nope', 'journal.db');
    let stderr = '';
    const code = await runCli(['list'], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      env: { DATABASE_PATH: missing },
    });
    expect(code).toBe(4);
    expect(stderr).toContain(`There is no journal at ${missing}`);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('names a file that is not a database (exit 4)', async () => {
    const bogus = path.join(folder, 'notes.txt');
    fs.writeFileSync(bogus, 'this is not SQLite, just some words long enough to fill a header page or so.'.repeat(20));
    const result = await cli('list', '--db', bogus);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(new RegExp(`^Could not read the journal at ${bogus}: .*not a database`));
  });
});
