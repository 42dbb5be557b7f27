// Picks the backend from the configuration: PostgreSQL when DATABASE_URL is set, else the SQLite file.
import type { Config } from '../config.js';
import type { PostgresStoreOptions } from './postgres/open-stores.js';
import { openSqliteStores } from './sqlite/open-stores.js';
import type { StoreLog, Stores } from './types.js';

/** The database part of the Config (config.ts reads it from the environment, for the bot and the journal CLI alike). */
export type DatabaseSettings = Config['database'];

/**
 * PostgreSQL's stores, with its driver loaded only now: a bot on the SQLite default never loads pg (about 10 MB of
 * its resident memory).
 */
export async function openPostgresStores(options: PostgresStoreOptions): Promise<Stores> {
  const postgres = await import('./postgres/open-stores.js');
  return postgres.openPostgresStores(options);
}

/** Opens (and migrates) the database and returns every store on it; callers never learn which kind it is. */
export async function createStores(settings: DatabaseSettings, options: { log?: StoreLog } = {}): Promise<Stores> {
  if (settings.url) {
    return openPostgresStores({
      url: settings.url,
      poolSize: settings.poolSize,
      statementTimeoutMs: settings.statementTimeoutMs,
      schema: settings.schema,
      log: options.log,
    });
  }
  return openSqliteStores({ path: settings.path, synchronous: settings.synchronous, log: options.log });
}
