// Opens the bot's SQLite file with safe settings (WAL, busy timeout, foreign keys, durable commits) and migrates it.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SchemaTooNewError, StoreError } from '../errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Database = BetterSqlite3.Database;

export type OpenDatabaseOptions = {
  /**
   * With WAL, NORMAL (the bot's default, DATABASE_SYNCHRONOUS) survives any crash of the process (every commit is in the
   * WAL file before the call returns) and never corrupts the file, but a power loss or OS crash may roll back the last
   * commits. FULL also fsyncs every commit, closing that window at about 2 ms of blocked event loop per commit, which
   * under load delays every other user's acknowledgement. FULL is this function's default for callers that don't say.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * The bot checkpoints the WAL from a worker thread (store/sqlite/checkpointer.ts), so this connection must not do it inside
   * a commit on the event loop. Off by default: other users of the file keep SQLite's automatic checkpoints.
   */
  checkpointInBackground?: boolean;
  /** The migrations to apply; the real list unless a test needs another. */
  migrations?: readonly Migration[];
};

/** Opens (creating if needed) the database at `filePath`, then applies any migrations it has not seen yet. */
export function openDatabase(filePath: string, options: OpenDatabaseOptions = {}): Database {
  let db: Database;
  try {
    if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    db = new BetterSqlite3(filePath);
  } catch (error) {
    throw openError(filePath, 'open', error);
  }
  try {
    // busy_timeout first: switching to WAL needs a lock that another process may briefly hold.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    if (options.checkpointInBackground) db.pragma('wal_autocheckpoint = 0');
    applyMigrations(db, filePath, options.migrations ?? MIGRATIONS);
  } catch (error) {
    db.close();
    // A read-only folder or file lets SQLite open but fails the first write (WAL mode): say so with the cause.
    throw error instanceof StoreError ? error : openError(filePath, 'prepare', error);
  }
  return db;
}

/** Names the file and the driver's or system's own words (and code), keeping the original as `cause`. */
function openError(filePath: string, doing: 'open' | 'prepare', error: unknown): StoreError {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  const detail = typeof code === 'string' && !reason.includes(code) ? `${reason}, ${code}` : reason;
  return new StoreError(
    `Could not ${doing} the database ${path.resolve(filePath)} (${detail}); check that its folder exists and the bot's user may write to it.`,
    { cause: error },
  );
}

/** The highest migration version recorded in the file (0 for a new file). */
export function readSchemaVersion(db: Database): number {
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

function applyMigrations(db: Database, filePath: string, migrations: readonly Migration[]): void {
  const known = migrations.at(-1)?.version ?? 0;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new StoreError(`Migration ${migration.name} is out of order.`);
  });
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const recordMigration = db.prepare<[number, string, string]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  // IMMEDIATE takes the write lock before reading the version, so two processes starting together cannot both apply
  // the same migration: the second waits (busy_timeout), then sees it done.
  const migrateOne = db.transaction((migration: Migration) => {
    if (readSchemaVersion(db) >= migration.version) return;
    db.exec(migration.sql);
    recordMigration.run(migration.version, migration.name, new Date().toISOString());
  });
  const current = readSchemaVersion(db);
  if (current > known) throw new SchemaTooNewError(filePath, current, known);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    try {
      migrateOne.immediate(migration);
    } catch (error) {
      throw new StoreError(`Migration ${migration.version} (${migration.name}) failed on ${filePath}.`, {
        cause: error,
      });
    }
  }
}
