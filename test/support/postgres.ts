// The test PostgreSQL server: where it is, whether it answers, a throwaway schema per test file, and CI's rule.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Undefined when the server answers, else why not. */
export async function probePostgres(url = TEST_DATABASE_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name nobody else uses: each test file (and each e2e world) gets its own. */
export function uniqueSchema(prefix: string): string {
  return `t_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
}

/** Runs statements on the test server with a short-lived client. */
export async function withTestClient<T>(run: (client: pg.Client) => Promise<T>, url = TEST_DATABASE_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string, url = TEST_DATABASE_URL): Promise<void> {
  await withTestClient((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`), url);
}

const unreachable = await probePostgres();

/**
 * `describe` for tests that need the server. Locally, an unreachable server skips them with a message; in CI
 * (CI=true) it fails them instead, so a missing server can never pass as green.
 */
export function describePostgres(name: string, body: () => void): void {
  if (!unreachable) {
    describe(name, body);
    return;
  }
  const message = `PostgreSQL at ${TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//')} is unreachable (${unreachable})`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs PostgreSQL (CI=true: these tests never skip)', () => {
        throw new Error(`${message}; .ci/run should have started it`);
      });
    });
    return;
  }
  process.stderr.write(`skipping "${name}": ${message}; set TEST_DATABASE_URL or start PostgreSQL\n`);
  describe.skip(name, body);
}
