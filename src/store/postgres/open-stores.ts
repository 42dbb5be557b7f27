// Every store on one PostgreSQL database: a pool, the schema migrated at start-up, health from a bounded SELECT 1.
import { createCachedUserPrefs } from '../cached-user-prefs.js';
import type { StoreLog, Stores } from '../types.js';
import { createPostgresChannelLinkStore } from './channel-link-store.js';
import { createPool, createSql, describeTarget, type PostgresOptions } from './connection.js';
import { createPostgresJournalStore } from './journal-store.js';
import { migratePostgres } from './migrate.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { createPostgresReminderStore } from './reminder-store.js';
import { createPostgresUserPrefsStore } from './user-prefs-store.js';

export type PostgresStoreOptions = PostgresOptions & { log?: StoreLog };

/**
 * Connects and migrates before returning, so an unreachable server stops start-up with one clear error. Afterwards
 * the pool replaces broken connections by itself: while the server is away calls fail (StoreUnavailableError), and
 * they succeed again once it is back.
 */
export async function openPostgresStores(options: PostgresStoreOptions): Promise<Stores> {
  const target = describeTarget(options.url);
  const pool = createPool(options);
  // An idle connection the server dropped emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (error) => options.log?.warn({ error: error.message }, `lost an idle connection to ${target}`));
  const migrationPool = createPool(options, { forMigrations: true });
  try {
    const migrated = await migratePostgres(migrationPool, {
      target,
      schema: options.schema,
      migrations: POSTGRES_MIGRATIONS,
    });
    if (migrated.applied.length > 0) {
      options.log?.info({ from: migrated.from, to: migrated.to, applied: migrated.applied }, 'database migrated');
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  } finally {
    await migrationPool.end().catch(() => undefined);
  }
  const sql = createSql(pool, target);
  return {
    journal: createPostgresJournalStore(sql),
    reminders: createPostgresReminderStore(sql),
    prefs: createCachedUserPrefs(createPostgresUserPrefsStore(sql)),
    channelLinks: createPostgresChannelLinkStore(sql),
    async check() {
      await sql.rows('SELECT 1');
    },
    async close() {
      await pool.end();
    },
    description: target,
  };
}
