// `npm run bench:soak`: two instances on PostgreSQL under steady load while Caliq fails, an instance is killed and
// PostgreSQL restarts; after the drain, nothing acked may be lost or stored twice and no reminder sent twice or missed.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ChildService } from './load/child-service.js';
import { probeDatabase } from './scenarios/instances.js';
import { createInstanceSlots, runFaultPlan } from './soak-faults.js';
import { runSteadyLoad } from './soak-load.js';
import { failedChecks, formatReport, gatherFigures } from './soak-report.js';
import { buildDist, REPO_ROOT } from './targets/launch.js';
import { startRig } from './targets/rig.js';

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const READY_TIMEOUT_MS = 60_000;

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '10' },
    users: { type: 'string', default: '20' },
    'follow-up': { type: 'string', default: 'in 15 seconds' },
    'unavailable-rate': { type: 'string', default: '0.3' },
    'outage-seconds': { type: 'string', default: '10' },
    'spike-ms': { type: 'string', default: '3000' },
    'drain-timeout-seconds': { type: 'string', default: '300' },
    'database-url': {
      type: 'string',
      default: process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    'restart-postgres': { type: 'boolean', default: false },
    dist: { type: 'boolean', default: false },
    'no-results-file': { type: 'boolean', default: false },
  },
});

const settings = {
  seconds: Number(flags.seconds),
  rate: Number(flags.rate),
  users: Number(flags.users),
  followUp: flags['follow-up'],
  unavailableRate: Number(flags['unavailable-rate']),
  outageSeconds: Number(flags['outage-seconds']),
  spikeMs: Number(flags['spike-ms']),
  drainTimeoutSeconds: Number(flags['drain-timeout-seconds']),
  restartPostgres: flags['restart-postgres'],
  runtime: flags.dist ? 'dist' : 'tsx',
};

/** Waits until no journal entry is pending and every reminder is sent or done, or the timeout; true when settled. */
async function drain(db: pg.Pool, schema: string, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  let last = '';
  while (performance.now() < deadline) {
    try {
      // Untold: settled entries whose notice no instance has sent yet (a survivor's sweep tells them after its grace).
      const { rows } = await db.query<{ pending: number; unsent: number; untold: number }>(
        `SELECT (SELECT COUNT(*)::int FROM ${schema}.journal WHERE state = 'pending') AS pending,
                (SELECT COUNT(*)::int FROM ${schema}.reminders WHERE state NOT IN ('sent', 'done')) AS unsent,
                (SELECT COUNT(*)::int FROM ${schema}.journal
                 WHERE state <> 'pending' AND outcome_told_at IS NULL) AS untold`,
      );
      const { pending = 0, unsent = 0, untold = 0 } = rows[0] ?? {};
      const now = `${pending} pending, ${unsent} reminders not sent, ${untold} outcomes not told`;
      if (now !== last) log(`  drain: ${now}`);
      last = now;
      if (pending === 0 && unsent === 0 && untold === 0) return true;
    } catch (error) {
      log(`  drain: database not answering (${error instanceof Error ? error.message : String(error)})`);
    }
    await sleep(1000);
  }
  return false;
}

async function main(): Promise<number> {
  const url = flags['database-url'];
  const unreachable = await probeDatabase(url);
  if (unreachable) {
    log(`PostgreSQL at ${url} does not answer (${unreachable}); the soak needs it.`);
    return 2;
  }
  if (settings.runtime === 'dist') {
    log('building dist/ …');
    if (!buildDist().emitted) throw new Error('the build emitted nothing');
  }
  const startedAt = new Date();
  const schema = `soak_${randomBytes(4).toString('hex')}`;
  const db = new pg.Pool({ connectionString: url, max: 2 });
  // A PostgreSQL restart breaks idle connections; the pool replaces them, the error must not end the soak.
  db.on('error', () => undefined);
  const rig = await startRig({
    clients: settings.users,
    caliqLatencyMs: 0,
    runtime: settings.runtime as 'tsx' | 'dist',
  });
  try {
    const env = {
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      REMINDER_POLL_SECONDS: '5',
      DELIVERY_RETRY_MAX_SECONDS: '30',
    };
    let started = 0;
    const startInstance = () => rig.startBot({ databasePath: join(rig.dbFolder, `unused-${++started}.db`), env });
    log(`soak: 2 instances on PostgreSQL (schema ${schema}), ${settings.rate}/s for ${settings.seconds} s`);
    const first = await startInstance();
    await first.waitUntilReady('/readyz', READY_TIMEOUT_MS); // migrates the schema before the second starts
    const second = await startInstance();
    await second.waitUntilReady('/readyz', READY_TIMEOUT_MS);
    const services: ChildService[] = [first, second];
    const slots = createInstanceSlots(services, startInstance, READY_TIMEOUT_MS);

    const durationMs = settings.seconds * 1000;
    const loadStartedAt = new Date();
    const [submissions, events] = await Promise.all([
      runSteadyLoad({
        ratePerSec: settings.rate,
        durationMs,
        users: rig.users,
        followUpWhen: settings.followUp,
        responseUrlFor: (uniqueId) => rig.fake.responseUrl(uniqueId),
        upstreams: slots.urls,
      }),
      runFaultPlan(
        {
          durationMs,
          unavailableRate: settings.unavailableRate,
          outageMs: settings.outageSeconds * 1000,
          spikeLatencyMs: settings.spikeMs,
          spikeMs: 5000,
          restartPostgres: settings.restartPostgres,
          slowSlackMs: 1000,
        },
        rig.sim,
        rig.fake,
        slots,
        log,
      ),
    ]);
    rig.sim.setFaults({ unavailableRate: 0, latencyMs: 0, down: false });
    log(`load done: ${submissions.length} sent; faults cleared; draining (up to ${settings.drainTimeoutSeconds} s)`);
    const drainStarted = performance.now();
    const drained = await drain(db, schema, settings.drainTimeoutSeconds * 1000);
    await sleep(3000); // the last answers after the last delivery
    const drainMs = performance.now() - drainStarted;
    const figures = await gatherFigures({
      submissions,
      sim: rig.sim,
      fake: rig.fake,
      db,
      schema,
      now: new Date(),
      loadStartedAt,
    });
    const report = formatReport({ startedAt, settings, events, figures, drainMs, drained });
    log('');
    log(report);
    if (!flags['no-results-file']) {
      const file = join(REPO_ROOT, 'bench', 'soak-results.md');
      writeFileSync(file, `# Soak results\n\nWritten by \`npm run bench:soak\` (bench/soak.ts).\n\n${report}`);
      log(`wrote ${file}`);
    }
    slots.all().forEach((service, index) => {
      const file = join(tmpdir(), `${schema}-instance-${index + 1}.log`);
      writeFileSync(file, service.outputTail());
      log(`instance ${index + 1}'s last output: ${file}`);
    });
    const failed = failedChecks(figures);
    if (!drained) failed.push('the drain timed out');
    if (failed.length > 0) log(`FAILED: ${failed.join('; ')}`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await rig.close();
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
