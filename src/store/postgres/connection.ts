// The PostgreSQL connection pool: sized, every statement bounded in time, described without its password.
import pg from 'pg';
import { StoreError, StoreUnavailableError } from '../errors.js';
import { describeTarget } from './describe-target.js';

export { describeTarget };

export type PostgresOptions = {
  /** postgres://user:password@host:5432/db */
  url: string;
  /** Most connections this process opens (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** Longest any statement may run, and longest the bot waits for a connection or an answer. */
  statementTimeoutMs: number;
  /** Schema holding the bot's tables; created when missing. Default: the server's search_path. */
  schema?: string;
  /** Told to the server as application_name, so an operator can see which instance holds which connection. */
  applicationName?: string;
};

/** SQLSTATE classes and socket errors that mean "the server is not there right now", as opposed to a bad query. */
export function isConnectionProblem(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') {
    if (/^(08|57P0[1-3]|53300)/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN'].includes(code)) {
      return true;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(
    message,
  );
}

/** Wraps a driver error so the message names the server (not the password) and keeps the original as `cause`. */
export function wrapError(error: unknown, target: string, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  if (isConnectionProblem(error)) {
    return new StoreUnavailableError(`Could not reach ${target} while ${doing} (${reason}).`, { cause: error });
  }
  if (doing === 'connecting') return new StoreError(`Could not connect to ${target} (${reason}).`, { cause: error });
  return new StoreError(`${target} failed while ${doing} (${reason}).`, { cause: error });
}

/**
 * The bot's pool. Every statement is bounded: the server stops it at statement_timeout and query_timeout ends a wait
 * on a silent network, so a submission's journal write fails (and the user is told) within Slack's 3 seconds.
 * `forMigrations`: one connection without those bounds, since a migration or the wait for another instance's
 * migration may rightly take longer.
 */
export function createPool(options: PostgresOptions, use: { forMigrations?: boolean } = {}): pg.Pool {
  const bounds = use.forMigrations
    ? {}
    : {
        statement_timeout: options.statementTimeoutMs,
        query_timeout: options.statementTimeoutMs + 500,
        idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
      };
  return new pg.Pool({
    connectionString: options.url,
    max: use.forMigrations ? 1 : options.poolSize,
    connectionTimeoutMillis: options.statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'caliq-slack',
    ...bounds,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
}

/** Runs statements on the pool; driver errors come back as StoreError / StoreUnavailableError naming the server. */
export type Sql = {
  rows<R>(text: string, values?: unknown[]): Promise<R[]>;
  one<R>(text: string, values?: unknown[]): Promise<R | undefined>;
};

export function createSql(pool: pg.Pool, target: string): Sql {
  // Named statements are parsed and planned once per connection, not on every call: the server's CPU is shared with
  // the bot's on a small machine. The stores' statements are a fixed set, so the names stay few.
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (!name) {
      name = `caliq_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  const rows = async <R>(text: string, values: unknown[] = []): Promise<R[]> => {
    try {
      const result = await pool.query({ name: nameOf(text), text, values });
      return result.rows as R[];
    } catch (error) {
      throw wrapError(error, target, 'running a query');
    }
  };
  return {
    rows,
    async one<R>(text: string, values: unknown[] = []) {
      return (await rows<R>(text, values))[0];
    },
  };
}
