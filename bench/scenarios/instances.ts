// Scenario 4, several instances: two bots on one PostgreSQL database against one on SQLite, behind the same balancer.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { createPool, createSql, describeTarget } from '../../src/store/postgres/connection.js';
import { createPostgresJournalStore } from '../../src/store/postgres/journal-store.js';
import { migratePostgres } from '../../src/store/postgres/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { type Balancer, balancedService, startBalancer } from '../load/balancer.js';
import type { ChildService } from '../load/child-service.js';
import type { BenchUser } from '../load/fixtures.js';
import {
  type BotStage,
  DRAIN_CONCURRENCY,
  type DrainMeasurement,
  journalWaitingEntry,
  measure,
  measureDirect,
} from './drain.js';
import { runLatencyScenario, type TargetLatencyResult } from './latency.js';

export const SQLITE_TARGET = 'sqlite×1';
export const POSTGRES_TARGET = 'postgres×2';

export type InstancesResult = {
  databaseUrl: string;
  clients: number;
  rounds: number;
  roundSeconds: number;
  sqlite: TargetLatencyResult;
  postgres: TargetLatencyResult;
  /** postgres×2 / sqlite×1 for throughput; CPU per request and ack p99 likewise (lower is better for those). */
  ratios: {
    submissionThroughput: number;
    commandThroughput: number;
    submissionCpuPerRequest: number;
    submissionAckP99: number;
  };
  drain: {
    count: number;
    /** Lanes per instance; two instances together use as many as the direct measurement. */
    concurrencyPerInstance: number;
    direct: DrainMeasurement;
    /** `cpuMsByInstance` shows both instances worked; `attempts` counts entries by delivery attempts (1 = no retry). */
    instances: DrainMeasurement & { timedOut: boolean; cpuMsByInstance: number[]; attempts: Record<string, number> };
    ratio: number;
  };
};

export type InstancesScenarioOptions = BotStage & {
  databaseUrl: string;
  clients: number;
  roundSeconds: number;
  rounds: number;
  drain: number;
};

const READY_TIMEOUT_MS = 20_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Writes `count` pending entries (Caliq down, user already told) straight into the schema, 8 at a time. */
async function journalPending(options: InstancesScenarioOptions, schema: string): Promise<Set<string>> {
  const pool = createPool({ url: options.databaseUrl, poolSize: 8, statementTimeoutMs: 30_000, schema });
  const target = describeTarget(options.databaseUrl);
  try {
    await migratePostgres(pool, { target, schema, migrations: POSTGRES_MIGRATIONS });
    const journal = createPostgresJournalStore(createSql(pool, target));
    const responseUrl = options.fake.responseUrl('bench-drain');
    const uniqueIds = Array.from({ length: options.drain }, () => randomUUID());
    const now = new Date();
    let next = 0;
    const lane = async () => {
      while (next < uniqueIds.length) {
        const index = next++;
        const uniqueId = uniqueIds[index] as string;
        const user = options.users[index % options.users.length] as BenchUser;
        await journalWaitingEntry(journal, { user, uniqueId, responseUrl }, now);
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));
    return new Set(uniqueIds);
  } finally {
    await pool.end();
  }
}

export async function runInstancesScenario(options: InstancesScenarioOptions): Promise<InstancesResult> {
  const { sim, fake, log } = options;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const drainSchema = `${schema}_drain`;
  const postgresEnv = { DATABASE_URL: options.databaseUrl, DATABASE_SCHEMA: schema };
  const services: ChildService[] = [];
  const balancers: Balancer[] = [];
  try {
    log(`  starting 1 bot on SQLite and 2 on PostgreSQL (${describeTarget(options.databaseUrl)}, schema ${schema})`);
    const sqliteBot = await options.startBot(join(options.folder, 'instances-sqlite.db'), {});
    services.push(sqliteBot);
    // The first PostgreSQL instance migrates the new schema; the second then finds it done.
    const first = await options.startBot(join(options.folder, 'unused-1.db'), postgresEnv);
    services.push(first);
    await first.waitUntilReady('/readyz', READY_TIMEOUT_MS);
    const second = await options.startBot(join(options.folder, 'unused-2.db'), postgresEnv);
    services.push(second);
    await Promise.all([sqliteBot, second].map((service) => service.waitUntilReady('/readyz', READY_TIMEOUT_MS)));

    const sqliteBalancer = await startBalancer([sqliteBot.baseUrl]);
    const postgresBalancer = await startBalancer([first.baseUrl, second.baseUrl]);
    balancers.push(sqliteBalancer, postgresBalancer);
    const results = await runLatencyScenario({
      clients: options.clients,
      caliqLatencyMs: options.caliqLatencyMs,
      fake,
      sim,
      users: options.users,
      targets: [
        {
          name: SQLITE_TARGET,
          service: balancedService(SQLITE_TARGET, [sqliteBot], sqliteBalancer),
          expectsCaliq: true,
        },
        {
          name: POSTGRES_TARGET,
          service: balancedService(POSTGRES_TARGET, [first, second], postgresBalancer),
          expectsCaliq: true,
        },
      ],
      roundSeconds: options.roundSeconds,
      rounds: options.rounds,
      warmUpSeconds: Math.min(1, options.roundSeconds),
      log,
    });
    await Promise.allSettled(services.splice(0).map((service) => service.stop()));
    const sqlite = results[SQLITE_TARGET];
    const postgres = results[POSTGRES_TARGET];
    if (!sqlite || !postgres) throw new Error('the instances scenario lost a target');

    log(`  drain: direct capacity, ${options.drain} InteractionCreate calls from ${DRAIN_CONCURRENCY} lanes`);
    const direct = await measureDirect({ ...options, count: options.drain });
    log(`  drain: direct ${direct.ratePerSec.toFixed(1)}/s; journaling ${options.drain} entries into PostgreSQL`);
    sim.reset();
    sim.setFaults({ latencyMs: options.caliqLatencyMs, down: true });
    const uniqueIds = await journalPending(options, drainSchema);
    fake.reset();
    sim.setFaults({ down: false });
    const perInstance = DRAIN_CONCURRENCY / 2;
    const drainEnv = { ...postgresEnv, DATABASE_SCHEMA: drainSchema, DELIVERY_CONCURRENCY: String(perInstance) };
    const drainers = await Promise.all([
      options.startBot(join(options.folder, 'unused-3.db'), drainEnv),
      options.startBot(join(options.folder, 'unused-4.db'), drainEnv),
    ]);
    services.push(...drainers);
    const budgetMs = Math.min(180_000, Math.max(60_000, 3 * (options.drain / Math.max(direct.ratePerSec, 1)) * 1000));
    const deadline = performance.now() + budgetMs;
    while (sim.interactions.length < options.drain && performance.now() < deadline) await sleep(20);
    const timedOut = sim.interactions.length < options.drain;
    await sleep(300);
    const cpuMsByInstance = drainers.map((service) => service.cpuMs());
    await Promise.allSettled(services.splice(0).map((service) => service.stop()));
    const measured = measure(sim, uniqueIds);
    const attempts = await withClient(options.databaseUrl, async (client) => {
      const rows = await client.query<{ attempts: number; n: number }>(
        `SELECT attempts, COUNT(*)::int AS n FROM ${drainSchema}.journal GROUP BY attempts ORDER BY attempts`,
      );
      return Object.fromEntries(rows.rows.map((row) => [String(row.attempts), row.n]));
    });
    log(`  drain: two instances ${measured.ratePerSec.toFixed(1)}/s, ${measured.delivered} delivered`);
    return {
      databaseUrl: describeTarget(options.databaseUrl),
      clients: options.clients,
      rounds: options.rounds,
      roundSeconds: options.roundSeconds,
      sqlite,
      postgres,
      ratios: {
        submissionThroughput: postgres.submission.throughputPerSec / sqlite.submission.throughputPerSec,
        commandThroughput: postgres.command.throughputPerSec / sqlite.command.throughputPerSec,
        submissionCpuPerRequest: postgres.submission.targetCpuMsPerRequest / sqlite.submission.targetCpuMsPerRequest,
        submissionAckP99: postgres.submission.ack.p99 / sqlite.submission.ack.p99,
      },
      drain: {
        count: options.drain,
        concurrencyPerInstance: perInstance,
        direct,
        instances: { ...measured, timedOut, cpuMsByInstance, attempts },
        ratio: measured.ratePerSec / direct.ratePerSec,
      },
    };
  } finally {
    await Promise.allSettled(services.map((service) => service.stop()));
    await Promise.allSettled(balancers.map((balancer) => balancer.close()));
    await withClient(options.databaseUrl, async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${drainSchema} CASCADE`);
    }).catch(() => undefined);
  }
}

/** Undefined when the PostgreSQL server answers, else why not (the scenario is then skipped, and says so). */
export async function probeDatabase(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
