// `npm run bench`: start-up, paced and saturated latency against a bare Bolt baseline, and journal drain; writes results.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCaliqSimulator } from '../tools/caliq-simulator/index.js';
import { startFakeSlack } from '../tools/slack-stand-in/fake-slack.js';
import type { ChildService } from './load/child-service.js';
import { BENCH_CALIQ_KEY, createBenchUsers, writeEmployeeMap, writeStaticModal } from './load/fixtures.js';
import { median } from './load/stats.js';
import { BenchOptionsError, parseBenchOptions } from './options.js';
import { addSuggestionResults } from './reports/add-account-search.js';
import { buildRatioReport, latencyRatios } from './reports/ratios.js';
import {
  type BenchResults,
  describeSection,
  readMachineInfo,
  SECTIONS,
  type StartupResult,
  writeResults,
} from './reports/results-file.js';
import { buildRows } from './reports/rows.js';
import {
  describeSuggestionScenario,
  runSuggestionScenario,
  type SuggestionScenarioOptions,
} from './scenarios/account-search.js';
import { runDrainScenario } from './scenarios/drain.js';
import { type InstancesResult, runInstancesScenario } from './scenarios/instances.js';
import { type LatencyScenarioOptions, runLatencyScenario, type TargetLatencyResult } from './scenarios/latency.js';
import {
  type BotRuntime,
  buildDist,
  describeBotCommand,
  REPO_ROOT,
  startBaselineProcess,
  startBotProcess,
} from './targets/launch.js';

const READY_TIMEOUT_MS = 15_000;
const IDLE_SETTLE_MS = 1000;

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Compiles src/ into dist/ so the bot starts as it would in production. tsc still emits when it reports type errors,
 * so a fresh dist/main.js is used then too (with a note); tsx is the fallback when nothing was emitted.
 */
function buildBot(): { runtime: BotRuntime; note: string | undefined } {
  const { ok, emitted, firstError } = buildDist();
  if (ok) return { runtime: 'dist', note: undefined };
  if (emitted) {
    return {
      runtime: 'dist',
      note: `the build reported type errors (${firstError}) but emitted dist/, which the bot ran from`,
    };
  }
  return { runtime: 'tsx', note: `the build failed (${firstError}), so the bot ran through tsx` };
}

/** Cold starts one after another: spawn → GET /readyz answers 200; then the resident set after a second idle. */
async function measureStartups(start: () => Promise<ChildService>, count: number): Promise<StartupResult> {
  const samplesMs: number[] = [];
  const idleRssMb: number[] = [];
  for (let index = 0; index < count; index++) {
    const service = await start();
    try {
      samplesMs.push(await service.waitUntilReady('/readyz', READY_TIMEOUT_MS));
      await sleep(IDLE_SETTLE_MS);
      idleRssMb.push(service.memory().rssMb);
    } finally {
      await service.stop();
    }
  }
  return { samplesMs, medianMs: median(samplesMs), maxMs: Math.max(...samplesMs), idleRssMb };
}

async function stopAll(services: ChildService[]): Promise<void> {
  await Promise.allSettled(services.map((service) => service.stop()));
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env, join(REPO_ROOT, 'bench'));
  const startedAt = performance.now();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const date = new Date().toISOString();
  const notes: string[] = [];
  log(
    `caliq-slack bench: ${options.clients} clients; paced ${options.pacedRate}/s, ${options.pacedRounds} × ${options.pacedRoundSeconds} s rounds; saturated ${options.rounds} × ${options.roundSeconds} s rounds; drain ${options.drain}`,
  );

  let runtime: BotRuntime = 'tsx';
  if (options.build) {
    log('building dist/ …');
    const built = buildBot();
    runtime = built.runtime;
    if (built.note) notes.push(built.note);
  } else if (existsSync(join(REPO_ROOT, 'dist', 'main.js'))) {
    runtime = 'dist';
    notes.push('--no-build: the bot ran from the existing dist/ without rebuilding it');
  } else {
    notes.push('--no-build and no dist/: the bot ran through tsx, so its start-up includes compiling TypeScript');
  }

  const suggestionOptions: SuggestionScenarioOptions = {
    runtime,
    customers: options.suggestionCustomers,
    ratePerSec: options.suggestionRate,
    seconds: options.suggestionSeconds,
    clients: options.clients,
    log,
  };
  if (options.suggestionsOnly) {
    log(`account search, ${options.suggestionCustomers} customers, ${options.suggestionRate}/s …`);
    const written = addSuggestionResults(options.outDir, await runSuggestionScenario(suggestionOptions), date);
    log(`\nwrote ${written.markdownPath} and ${written.jsonPath}`);
    return;
  }

  const folder = mkdtempSync(join(tmpdir(), 'caliq-slack-bench-'));
  const dbFolder = options.dbDir ? mkdtempSync(join(options.dbDir, 'caliq-slack-bench-db-')) : folder;
  if (options.dbDir)
    notes.push(`The bot's SQLite files were in ${options.dbDir} (--db-dir), not in the OS temp folder.`);
  const sim = await startCaliqSimulator({ apiKey: BENCH_CALIQ_KEY, faults: { latencyMs: options.caliqLatencyMs } });
  const fake = await startFakeSlack();
  const running: ChildService[] = [];
  try {
    const users = createBenchUsers(Math.max(options.clients, 1));
    const employeeMapPath = writeEmployeeMap(folder, users);
    const modalPath = writeStaticModal(folder, fake.responseUrl('bench'));
    let databases = 0;
    const startBot = async (
      databasePath = join(dbFolder, `bot-${++databases}.db`),
      env: Record<string, string> = {},
    ) => {
      const service = await startBotProcess({
        runtime,
        simUrl: sim.url,
        slackApiUrl: fake.apiUrl,
        employeeMapPath,
        databasePath,
        cwd: folder,
        cpuProfDir: options.cpuProfDir,
        env,
      });
      running.push(service);
      return service;
    };
    const startBaseline = async () => {
      const service = await startBaselineProcess({ slackApiUrl: fake.apiUrl, modalPath, cwd: folder });
      running.push(service);
      return service;
    };

    log('start-up …');
    const startup = {
      bot: await measureStartups(() => startBot(), options.startups),
      baseline: await measureStartups(startBaseline, options.startups),
    };
    log(
      `  bot ${startup.bot.samplesMs.map((value) => value.toFixed(0)).join(', ')} ms; baseline ${startup.baseline.samplesMs.map((value) => value.toFixed(0)).join(', ')} ms`,
    );

    const bot = await startBot();
    const baseline = await startBaseline();
    await Promise.all([
      bot.waitUntilReady('/readyz', READY_TIMEOUT_MS),
      baseline.waitUntilReady('/readyz', READY_TIMEOUT_MS),
    ]);
    await sleep(IDLE_SETTLE_MS);
    const idle = { bot: bot.memory().rssMb, baseline: baseline.memory().rssMb };
    const shared: Omit<LatencyScenarioOptions, 'roundSeconds' | 'rounds' | 'warmUpSeconds'> = {
      clients: options.clients,
      caliqLatencyMs: options.caliqLatencyMs,
      fake,
      sim,
      users,
      targets: [
        { name: 'bot', service: bot, expectsCaliq: true },
        { name: 'baseline', service: baseline, expectsCaliq: false },
      ],
      log,
    };
    // Saturated first: it also warms both processes up fully, so the paced figures are those of a warm process.
    log('latency, saturated …');
    const saturated = await runLatencyScenario({
      ...shared,
      roundSeconds: options.roundSeconds,
      rounds: options.rounds,
      warmUpSeconds: Math.min(1, options.roundSeconds),
    });
    log(`latency, paced at ${options.pacedRate}/s …`);
    const paced = await runLatencyScenario({
      ...shared,
      pacing: { ratePerSec: options.pacedRate },
      roundSeconds: options.pacedRoundSeconds,
      rounds: options.pacedRounds,
      warmUpSeconds: Math.min(1, options.pacedRoundSeconds),
    });
    const peak = { bot: bot.memory().peakRssMb, baseline: baseline.memory().peakRssMb };
    await stopAll([bot, baseline]);

    log('drain …');
    const drain = await runDrainScenario({
      count: options.drain,
      caliqLatencyMs: options.caliqLatencyMs,
      sim,
      fake,
      users,
      folder: dbFolder,
      startBot: (databasePath, env) => startBot(databasePath, env),
      log,
    });

    let instances: InstancesResult | undefined;
    let instancesSkipped: string | undefined;
    if (!options.instances) instancesSkipped = '--no-instances';
    else {
      const unreachable = await probeDatabase(options.databaseUrl);
      if (unreachable) instancesSkipped = `PostgreSQL unreachable (${unreachable}); set BENCH_DATABASE_URL`;
      else {
        log('several instances …');
        instances = await runInstancesScenario({
          databaseUrl: options.databaseUrl,
          clients: options.clients,
          roundSeconds: options.roundSeconds,
          rounds: options.rounds,
          drain: options.drain,
          caliqLatencyMs: options.caliqLatencyMs,
          sim,
          fake,
          users,
          folder: dbFolder,
          startBot: (databasePath, env) => startBot(databasePath, env),
          log,
        });
      }
    }
    if (instancesSkipped) log(`several instances skipped: ${instancesSkipped}`);
    log(`account search, ${options.suggestionCustomers} customers, ${options.suggestionRate}/s …`);
    const suggestions = await runSuggestionScenario(suggestionOptions);

    notes.push(
      'Several instances: each target (one bot on SQLite; two bots on one PostgreSQL database) sits behind the same round-robin HTTP balancer in the bench process, so both pay the same extra hop; the PostgreSQL server runs on this machine too and its CPU is not counted as the bots’ CPU. Drain: the entries are written into a new schema while the simulator is down, then two instances start together.',
      'Ack latency: measured by the load client from just before the request is written to the last byte of the answer (performance.now() in the bench process); one keep-alive agent per phase; each client waits for its answer before sending the next.',
      `Paced scenario: each client sends on its own grid (every clients / rate = ${((options.clients * 1000) / options.pacedRate).toFixed(0)} ms, from a random phase drawn per phase of the run), so the offered load does not depend on how fast the target answers, as with Slack's traffic; an ack that arrives after the client's next slot makes the next send go out at once and counts as "behind" (latency is still measured from the actual send). It runs after the saturated scenario on the same two processes, after its own warm-up. The issue's latency targets are evaluated here.`,
      'Saturated scenario: closed loop with no think time, so both processes run at 100% CPU and ack latency is queue length × CPU per request; it measures capacity (throughput, CPU per request). The ack p99 ratio is evaluated here too; the absolute views.open and InteractionCreate latencies are shown without a target, since at saturation they are queueing time for the baseline as well.',
      'Every command carries a new trigger_id and every submission a new UniqueID in a valid modal (ACME01, Call, channel 64, contact Pat Lee, "when" empty = now, no follow-up) from 32 mapped users; requests are signed with the v0 scheme.',
      'command sent → views.open: from the client sending the command to the fake Slack receiving views.open with the same trigger_id; both clocks are performance.now() of the bench process. It includes the command’s own trip to the target.',
      'submission acked → InteractionCreate: from the client receiving the ack (Date.now()) to the simulator receiving the request with the same UniqueID (Date.now() on arrival, before its added latency, so that latency is not counted); both in the bench process, 1 ms resolution. Negative values mean Caliq was called before the ack reached the client.',
      'Errors: no HTTP answer, a status other than 200, an ack with a body (e.g. response_action errors), an acked command whose views.open never arrived, an acked submission whose InteractionCreate never arrived (the bench waits for the journal’s backlog, up to 2 minutes) or that the simulator did not store. Acks over 3 s are counted apart.',
      `Memory: peak RSS is VmHWM of the child process from /proc after both latency scenarios; idle RSS is VmRSS ${IDLE_SETTLE_MS} ms after /readyz first answered 200, before any load.`,
      'Start-up: from just before spawn to the first 200 from GET /readyz (polled every 5 ms; /readyz asks Caliq Pulse and the database), each start with a new database file.',
      `Drain: ${drain.count} interactions written straight into a new journal through src/store (journal.insert + noteDelayNotice in one transaction; synchronous=NORMAL for this prefill only) while the simulator was down, then the simulator was brought back and the bot started on that journal, i.e. a restart after an outage with every entry due. Drain time runs from the first InteractionCreate arriving to the last interaction stored. Direct capacity: the same number of InteractionCreate calls through createCaliqClient from ${drain.concurrency} lanes (the bot's DELIVERY_CONCURRENCY, set explicitly) against the same simulator.`,
      'The baseline runs through the tsx loader (node --import tsx bench/targets/bare-bolt-app.ts), so its start-up includes compiling one small file; its request path is plain Bolt.',
      'The bench process hosts the load clients, the fake Slack and the Caliq simulator; on a 2-core machine it competes with the target for CPU, equally for the bot and the baseline.',
    );
    const partial: Omit<BenchResults, 'ratios' | 'targets' | 'rows' | 'notes'> = {
      date,
      durationSeconds: (performance.now() - startedAt) / 1000,
      machine: readMachineInfo(loadAtStart),
      options,
      botCommand: describeBotCommand(runtime),
      startup,
      latency: {
        paced: {
          clients: options.clients,
          offeredPerSec: options.pacedRate,
          rounds: options.pacedRounds,
          roundSeconds: options.pacedRoundSeconds,
          ...pickTargets(paced),
        },
        saturated: {
          clients: options.clients,
          offeredPerSec: undefined,
          rounds: options.rounds,
          roundSeconds: options.roundSeconds,
          ...pickTargets(saturated),
        },
      },
      memory: {
        bot: { idleRssMb: idle.bot, peakRssMb: peak.bot },
        baseline: { idleRssMb: idle.baseline, peakRssMb: peak.baseline },
      },
      drain,
      instances,
      instancesSkipped,
      suggestions,
    };
    notes.push(describeSuggestionScenario(suggestions));
    const ratioReport = buildRatioReport(
      latencyRatios('paced', partial.latency.paced),
      latencyRatios('saturated', partial.latency.saturated),
      { 'drain.interaction.rate': drain.ratio },
      instances
        ? {
            'instances.submission.throughput': instances.ratios.submissionThroughput,
            'instances.drain.rate': instances.drain.ratio,
          }
        : {},
    );
    const results: BenchResults = { ...partial, ...ratioReport, rows: buildRows(partial), notes };
    const written = writeResults(options.outDir, results);
    log('');
    for (const section of SECTIONS) {
      log(`${describeSection(section, results.latency)}:`);
      for (const row of results.rows.filter((each) => each.section === section)) {
        const verdict = row.met === undefined ? '' : row.met ? '  ok' : '  MISSED';
        log(
          `  ${row.metric.padEnd(52)} ${row.bot.padStart(14)} ${row.baseline.padStart(20)} ${row.ratio.padStart(7)}  ${row.target}${verdict}`,
        );
        if (row.note) log(`    why: ${row.note}`);
      }
    }
    log(`\nwrote ${written.markdownPath} and ${written.jsonPath}`);
  } finally {
    await stopAll(running);
    await Promise.allSettled([sim.close(), fake.close()]);
    rmSync(folder, { recursive: true, force: true });
    rmSync(dbFolder, { recursive: true, force: true });
  }
}

/** Undefined when the server answers, else why not. */
async function probeDatabase(url: string): Promise<string | undefined> {
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

function pickTargets(results: Record<string, TargetLatencyResult>): {
  bot: TargetLatencyResult;
  baseline: TargetLatencyResult;
} {
  const { bot, baseline } = results;
  if (!bot || !baseline) throw new Error('a latency scenario returned no result for the bot or the baseline');
  return { bot, baseline };
}

main().catch((error: unknown) => {
  if (error instanceof BenchOptionsError) {
    process.stderr.write(
      `${error.message}\nusage: npm run bench -- [--clients 32] [--paced-rate 100] [--paced-round-seconds 5] [--paced-rounds 2] [--round-seconds 5] [--rounds 4] [--drain 10000] [--caliq-latency 50] [--startups 3] [--suggestion-customers 100000] [--suggestion-rate 100] [--suggestion-seconds 30] [--suggestions-only] [--no-instances] [--quick] [--no-build] [--cpu-prof [dir]] [--db-dir dir] [--out dir]\n`,
    );
    process.exit(2);
  }
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
