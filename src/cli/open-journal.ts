// Opens the journal the bot writes, for the CLI: the one place that decides which store backend to use.
import fs from 'node:fs';
import path from 'node:path';
import { homeFolder } from '../config.js';
import type { JournalStore } from '../store/index.js';
import { createJournalStore, createStores, openDatabase, SchemaTooNewError } from '../store/index.js';
import { JournalUnavailableError } from './errors.js';

export type JournalConnection = { journal: JournalStore; where: string; close(): Promise<void> };

export const DEFAULT_DATABASE_PATH = './data/caliq-slack.db';

/**
 * The bot's SQLite file (DATABASE_PATH, default as the bot's, a relative path read from the same home folder as the
 * bot: CALIQ_SLACK_HOME, else the app's folder). Never creates one: a wrong path is an error, not an empty
 * journal. Each store call is one statement in its own transaction, and the file is in WAL mode, so reading never
 * blocks the running bot and a write waits at most busy_timeout for the bot's own one-statement commits.
 */
export async function openJournal(env: NodeJS.ProcessEnv): Promise<JournalConnection> {
  if (env.DATABASE_URL?.trim()) return openPostgresJournal(env, env.DATABASE_URL.trim());
  const where = path.resolve(homeFolder(env), env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH);
  if (!fs.existsSync(where)) {
    throw new JournalUnavailableError(
      `There is no journal at ${where}. Set DATABASE_PATH (or pass --db) to the file the bot uses.`,
    );
  }
  try {
    const db = openDatabase(where);
    return { journal: createJournalStore(db), where, close: async () => void db.close() };
  } catch (error) {
    if (error instanceof SchemaTooNewError) throw new JournalUnavailableError(error.message, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    throw new JournalUnavailableError(`Could not read the journal at ${where}: ${detail}`, { cause: error });
  }
}

/** The shared PostgreSQL journal (DATABASE_URL, as the bot): a small pool, every statement bounded. */
async function openPostgresJournal(env: NodeJS.ProcessEnv, url: string): Promise<JournalConnection> {
  try {
    const stores = await createStores({
      url,
      path: '',
      synchronous: 'NORMAL',
      poolSize: 2,
      statementTimeoutMs: Number(env.DATABASE_STATEMENT_TIMEOUT_MS) || 5_000,
      schema: env.DATABASE_SCHEMA?.trim() || undefined,
    });
    return { journal: stores.journal, where: stores.description, close: () => stores.close() };
  } catch (error) {
    // The store's errors name host and database, never the password.
    const detail = error instanceof Error ? error.message : String(error);
    throw new JournalUnavailableError(`Could not read the journal in PostgreSQL: ${detail}`, { cause: error });
  }
}
