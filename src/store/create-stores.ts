// Picks the backend from the configuration: PostgreSQL when DATABASE_URL is set, else the SQLite file.
import type { Config } from '../config.js';
import { openPostgresStores } from './postgres/open-stores.js';
import { openSqliteStores } from './sqlite/open-stores.js';
import type { StoreLog, Stores } from './types.js';

/** The database part of the Config (config.ts reads it from the environment, for the bot and the journal CLI alike). */
export type DatabaseSettings = Config['database'];

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
