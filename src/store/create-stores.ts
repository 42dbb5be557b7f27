// Picks the backend from the configuration: PostgreSQL when DATABASE_URL is set, else the SQLite file.
import { openPostgresStores } from './postgres/open-stores.js';
import { openSqliteStores } from './sqlite/open-stores.js';
import type { StoreLog, Stores } from './types.js';

export type DatabaseSettings = Readonly<{
  path: string;
  synchronous: 'NORMAL' | 'FULL';
  url: string | undefined;
  poolSize: number;
  statementTimeoutMs: number;
  schema: string | undefined;
}>;

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
