// Opens the journal the bot writes, for the CLI: the one place that decides which store backend to use.
import fs from 'node:fs';
import { type Config, ConfigError, loadDatabaseSettings } from '../config.js';
import type { JournalStore } from '../store/index.js';
import { createJournalStore, createStores, openDatabase, SchemaTooNewError } from '../store/index.js';
import { JournalUnavailableError } from './errors.js';

export type JournalConnection = { journal: JournalStore; where: string; close(): Promise<void> };

/** The CLI keeps a small pool of its own; every other setting (timeouts, schema, path) is the bot's. */
const CLI_POOL_SIZE = 2;

/**
 * The bot's database, read with the bot's own settings and defaults (config.ts: DATABASE_URL, else DATABASE_PATH
 * from the bot's home folder). A SQLite file is never created: a wrong path is an error, not an empty journal. Each
 * store call is one statement in its own transaction, and the file is in WAL mode, so reading never blocks the
 * running bot and a write waits at most busy_timeout for the bot's own one-statement commits.
 */
export async function openJournal(env: NodeJS.ProcessEnv): Promise<JournalConnection> {
  let settings: Config['database'];
  try {
    settings = loadDatabaseSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new JournalUnavailableError(error.message, { cause: error });
    throw error;
  }
  if (settings.url) return openPostgresJournal(settings);
  const where = settings.path;
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

/** The shared PostgreSQL journal (DATABASE_URL, as the bot): a small pool, every statement bounded as the bot's. */
async function openPostgresJournal(settings: Config['database']): Promise<JournalConnection> {
  try {
    const stores = await createStores({ ...settings, poolSize: CLI_POOL_SIZE });
    return { journal: stores.journal, where: stores.description, close: () => stores.close() };
  } catch (error) {
    // The store's errors name host and database, never the password.
    const detail = error instanceof Error ? error.message : String(error);
    throw new JournalUnavailableError(`Could not read the journal in PostgreSQL: ${detail}`, { cause: error });
  }
}
