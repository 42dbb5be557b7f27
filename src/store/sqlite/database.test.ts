// Tests opening and migrating real SQLite files: fresh, re-opened, shared by two connections, and too new to open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SchemaTooNewError, StoreError } from '../errors.js';
import { type Database, openDatabase, readSchemaVersion } from './database.js';
import { MIGRATIONS, type Migration } from './migrations.js';

const tempDirs: string[] = [];
const openDbs: Database[] = [];

function tempFile(name = 'bot.db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-store-'));
  tempDirs.push(dir);
  return path.join(dir, 'nested', 'deeper', name);
}

function open(file: string, migrations?: readonly Migration[]): Database {
  const db = openDatabase(file, migrations ? { migrations } : {});
  openDbs.push(db);
  return db;
}

afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const tableNames = (db: Database): string[] =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);

describe('openDatabase', () => {
  it('creates the parent folders and applies every migration to a fresh file', () => {
    const file = tempFile();
    const db = open(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(tableNames(db)).toEqual(['channel_links', 'journal', 'reminders', 'schema_migrations', 'user_prefs']);
    const applied = db.prepare<[], { version: number; name: string; applied_at: string }>(
      'SELECT * FROM schema_migrations',
    );
    expect(applied.all().map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(Number.isNaN(Date.parse(applied.all()[0]?.applied_at ?? ''))).toBe(false);
  });

  it('sets WAL, a busy timeout, foreign keys and FULL synchronous by default', () => {
    const db = open(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('accepts NORMAL synchronous when asked', () => {
    const db = openDatabase(tempFile(), { synchronous: 'NORMAL' });
    openDbs.push(db);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('re-opens an existing file without applying anything twice and keeps its data', () => {
    const file = tempFile();
    const first = open(file);
    first.prepare("INSERT INTO user_prefs (slack_user_id, time_zone) VALUES ('U1', 'Europe/London')").run();
    first.close();
    const again = open(file);
    expect(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    expect(again.prepare('SELECT time_zone FROM user_prefs').get()).toEqual({ time_zone: 'Europe/London' });
  });

  it('lets a second connection (another process) on the same file see committed data', () => {
    const file = tempFile();
    const one = open(file);
    const two = open(file);
    one.prepare("INSERT INTO user_prefs (slack_user_id, last_channel_id) VALUES ('U2', 7)").run();
    expect(two.prepare('SELECT last_channel_id FROM user_prefs').get()).toEqual({ last_channel_id: 7 });
  });

  it('marks entries settled before migration 4 as told, leaving pending ones untold', () => {
    const file = tempFile();
    const old = open(file, MIGRATIONS.slice(0, 3));
    const insert = old.prepare<[string, string, number]>(`
      INSERT INTO journal (unique_id, slack_user_id, state, interaction, draft, reply_to, created_at, updated_at)
      VALUES (?, 'U1', ?, '{}', '{}', '{}', 1000, ?)`);
    insert.run('logged', 'logged', 5000);
    insert.run('failed', 'failed', 6000);
    insert.run('pending', 'pending', 7000);
    old.close();
    const db = open(file);
    const told = db.prepare<[], { unique_id: string; outcome_told_at: number | null }>(
      'SELECT unique_id, outcome_told_at FROM journal ORDER BY unique_id',
    );
    expect(told.all()).toEqual([
      { unique_id: 'failed', outcome_told_at: 6000 },
      { unique_id: 'logged', outcome_told_at: 5000 },
      { unique_id: 'pending', outcome_told_at: null },
    ]);
  });

  it('applies only the new migrations when the code knows more than the file', () => {
    const file = tempFile();
    open(file).close();
    const extra: Migration = { version: MIGRATIONS.length + 1, name: 'notes', sql: 'CREATE TABLE notes (x TEXT)' };
    const db = open(file, [...MIGRATIONS, extra]);
    expect(readSchemaVersion(db)).toBe(extra.version);
    expect(tableNames(db)).toContain('notes');
  });

  it('rolls back a failing migration whole, recording nothing', () => {
    const file = tempFile();
    open(file).close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x TEXT); CREATE TABLE half (x TEXT);',
    };
    expect(() => open(file, [...MIGRATIONS, broken])).toThrow(StoreError);
    const db = open(file);
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tableNames(db)).not.toContain('half');
  });

  it('names the file and keeps the cause when its folder cannot be made', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.dirname(file), 'a file where the folder should be');
    const error = (() => {
      try {
        open(file);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Could not open the database ${file} \\(.*(EEXIST|ENOTDIR).*\\); check that its folder exists`),
    );
    expect((error as Error).cause).toMatchObject({ code: expect.stringMatching(/EEXIST|ENOTDIR/) });
  });

  it('names the file, the reason and the code when SQLite cannot open it', () => {
    const file = tempFile();
    fs.mkdirSync(file, { recursive: true });
    expect(() => open(file)).toThrow(
      new StoreError(
        `Could not open the database ${file} (unable to open database file, SQLITE_CANTOPEN); check that its folder exists and the bot's user may write to it.`,
      ),
    );
  });

  it('refuses a file whose schema is newer than the code knows', () => {
    const file = tempFile();
    const future: Migration = { version: MIGRATIONS.length + 1, name: 'future', sql: 'CREATE TABLE future (x TEXT)' };
    open(file, [...MIGRATIONS, future]).close();
    let thrown: unknown;
    try {
      open(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaTooNewError);
    expect((thrown as SchemaTooNewError).fileVersion).toBe(MIGRATIONS.length + 1);
    expect((thrown as Error).message).toMatch(/newer build/);
  });
});
