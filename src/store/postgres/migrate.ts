// Brings a PostgreSQL schema up to date at start-up, under an advisory lock so instances starting together migrate once.
import type pg from 'pg';
import { SchemaTooNewError, StoreError } from '../errors.js';
import type { Migration } from '../sqlite/migrations.js';
import { wrapError } from './connection.js';

export type MigrateResult = { from: number; to: number; applied: string[] };

/** Any fixed number works; it names "caliq-slack migrations" among the advisory locks of the database. */
const LOCK_NAMESPACE = 0x6361_6c69;

/**
 * Takes a session advisory lock (per schema) on one connection, applies the migrations it has not seen, each in its own
 * transaction with its schema_migrations row, and releases the lock. A second instance waits on the lock, then finds
 * nothing left to do.
 */
export async function migratePostgres(
  pool: pg.Pool,
  options: { target: string; schema: string | undefined; migrations: readonly Migration[] },
): Promise<MigrateResult> {
  const { target, schema, migrations } = options;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new StoreError(`Migration ${migration.name} is out of order.`);
  });
  const known = migrations.at(-1)?.version ?? 0;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw wrapError(error, target, 'connecting');
  }
  const applied: string[] = [];
  try {
    const lockKey = schema ?? 'default';
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_NAMESPACE, lockKey]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      const current = await readVersion(client);
      if (current > known) throw new SchemaTooNewError(target, current, known);
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        try {
          await client.query('BEGIN');
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
          applied.push(`${migration.version} ${migration.name}`);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new StoreError(`Migration ${migration.version} (${migration.name}) failed on ${target}.`, {
            cause: error,
          });
        }
      }
      return { from: current, to: Math.max(current, known), applied };
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, lockKey])
        .catch(() => undefined);
    }
  } catch (error) {
    throw wrapError(error, target, 'migrating the schema');
  } finally {
    client.release();
  }
}

async function readVersion(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ version: number | null }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  );
  return result.rows[0]?.version ?? 0;
}
