// The PostgreSQL migrator on the test server: several instances starting at once migrate once; a newer schema is refused.
import { afterAll, expect, it } from 'vitest';
import { describePostgres, dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../../../test/support/postgres.js';
import { SchemaTooNewError, StoreError } from '../errors.js';
import type { Migration } from '../sqlite/migrations.js';
import { createPool, describeTarget } from './connection.js';
import { migratePostgres } from './migrate.js';

describePostgres('migratePostgres', () => {
  const schemas: string[] = [];
  const target = describeTarget(TEST_DATABASE_URL);
  const pools: ReturnType<typeof createPool>[] = [];
  const poolFor = (schema: string) => {
    const pool = createPool(
      { url: TEST_DATABASE_URL, poolSize: 1, statementTimeoutMs: 5000, schema },
      { forMigrations: true },
    );
    pools.push(pool);
    return pool;
  };
  // The second migration sleeps, so instances that did not wait for each other would both run it (and one would fail).
  const migrations: Migration[] = [
    { version: 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)' },
    { version: 2, name: 'slow index', sql: 'SELECT pg_sleep(0.3); CREATE INDEX notes_body ON notes (body)' },
  ];

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    for (const schema of schemas) await dropSchema(schema);
  });

  it('applies each migration once when four instances start together, and nothing when started again', async () => {
    const schema = uniqueSchema('migrate');
    schemas.push(schema);
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => migratePostgres(poolFor(schema), { target, schema, migrations })),
    );
    expect(results.flatMap((result) => result.applied)).toEqual(['1 notes', '2 slow index']);
    expect(results.filter((result) => result.applied.length > 0)).toHaveLength(1);
    const again = await migratePostgres(poolFor(schema), { target, schema, migrations });
    expect(again).toEqual({ from: 2, to: 2, applied: [] });
    const rows = await poolFor(schema).query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.rows).toEqual([
      { version: 1, name: 'notes' },
      { version: 2, name: 'slow index' },
    ]);
  });

  it('refuses a schema newer than the code, and rolls back a failing migration whole', async () => {
    const schema = uniqueSchema('migrate');
    schemas.push(schema);
    await migratePostgres(poolFor(schema), { target, schema, migrations });
    await expect(
      migratePostgres(poolFor(schema), { target, schema, migrations: migrations.slice(0, 1) }),
    ).rejects.toBeInstanceOf(SchemaTooNewError);
    const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE extra (x INT); SELECT no_such_column' };
    await expect(
      migratePostgres(poolFor(schema), { target, schema, migrations: [...migrations, broken] }),
    ).rejects.toBeInstanceOf(StoreError);
    const tables = await poolFor(schema).query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'extra'",
      [schema],
    );
    expect(tables.rows).toEqual([]);
  });
});
