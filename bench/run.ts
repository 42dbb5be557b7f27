// `npm run bench`: start-up, paced and saturated latency of the bot beside a tutorial peer and bare Bolt, journal
// drain, several instances and account search, one scenario after another; writes results.md and results.json.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type BenchOptions, BenchOptionsError, parseBenchOptions } from './options.js';
import { addSuggestionResults } from './reports/add-account-search.js';
import { describeMethods } from './reports/method-notes.js';
import { buildRatioReport, latencyRatios } from './reports/ratios.js';
import { type BenchResults, describeSection, readMachineInfo, SECTIONS, writeResults } from './reports/results-file.js';
import { buildRows } from './reports/rows.js';
import {
  describeSuggestionScenario,
  runSuggestionScenario,
  type SuggestionScenarioOptions,
} from './scenarios/account-search.js';
import { type BotStage, type DrainResult, runDrainScenario } from './scenarios/drain.js';
import { type InstancesResult, probeDatabase, runInstancesScenario } from './scenarios/instances.js';
import { type LatencyScenarioOptions, requireTargets, runLatencyScenario } from './scenarios/latency.js';
import { measureStartups, startAllReady } from './scenarios/startup.js';
import { type BotRuntime, buildDist, describeBotCommand, REPO_ROOT } from './targets/launch.js';
import { type Rig, startRig } from './targets/rig.js';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

type RunFigures = Omit<BenchResults, 'ratios' | 'targets' | 'rows' | 'notes'>;
type Latency = Pick<RunFigures, 'latency' | 'memory'>;
type Instances = Pick<RunFigures, 'instances' | 'instancesSkipped'>;

/**
 * Compiles src/ into dist/ so the bot starts as it would in production. tsc still emits when it reports type errors,
 * so a fresh dist/main.js is used then too (with a note); tsx is the fallback when nothing was emitted; with
 * --no-build an existing dist/ is used as it is.
 */
function prepareBot(options: BenchOptions, notes: string[]): BotRuntime {
  if (!options.build) {
    if (existsSync(join(REPO_ROOT, 'dist', 'main.js'))) {
      notes.push('--no-build: the bot ran from the existing dist/ without rebuilding it');
      return 'dist';
    }
    notes.push('--no-build and no dist/: the bot ran through tsx, so its start-up includes compiling TypeScript');
    return 'tsx';
  }
  log('building dist/ …');
  const { ok, emitted, firstError } = buildDist();
  if (ok) return 'dist';
  if (emitted) {
    notes.push(`the build reported type errors (${firstError}) but emitted dist/, which the bot ran from`);
    return 'dist';
  }
  notes.push(`the build failed (${firstError}), so the bot ran through tsx`);
  return 'tsx';
}

function suggestionOptions(options: BenchOptions, runtime: BotRuntime): SuggestionScenarioOptions {
  const { suggestionCustomers: customers, suggestionRate: ratePerSec, suggestionSeconds: seconds } = options;
  log(`account search, ${customers} customers, ${ratePerSec}/s …`);
  return { runtime, customers, ratePerSec, seconds, clients: options.clients, log };
}

/** Scenario 1: cold starts of the bot, then of the baseline. */
async function runStartups(rig: Rig, options: BenchOptions): Promise<RunFigures['startup']> {
  log('start-up …');
  const startup = {
    bot: await measureStartups(() => rig.startBot(), options.startups),
    baseline: await measureStartups(rig.startBaseline, options.startups),
  };
  const shown = (samples: number[]) => samples.map((value) => value.toFixed(0)).join(', ');
  log(`  bot ${shown(startup.bot.samplesMs)} ms; baseline ${shown(startup.baseline.samplesMs)} ms`);
  return startup;
}

const LATENCY_TARGETS = ['bot', 'peer', 'baseline'] as const;

/**
 * Scenario 2, on the bot, the tutorial peer and bare Bolt: saturated first, which also warms every target up fully,
 * so the paced figures are those of a warm process; then paced. Memory is read before the load (idle) and after both
 * (peak).
 */
async function runLatency(rig: Rig, options: BenchOptions): Promise<Latency> {
  const { services, idleRssMb } = await startAllReady({
    bot: () => rig.startBot(),
    peer: rig.startPeer,
    baseline: rig.startBaseline,
  });
  const shared: Omit<LatencyScenarioOptions, 'roundSeconds' | 'rounds' | 'warmUpSeconds'> = {
    clients: options.clients,
    caliqLatencyMs: options.caliqLatencyMs,
    fake: rig.fake,
    sim: rig.sim,
    users: rig.users,
    targets: [
      { name: 'bot', service: services.bot, expectsCaliq: true },
      { name: 'peer', service: services.peer, expectsCaliq: true },
      { name: 'baseline', service: services.baseline, expectsCaliq: false },
    ],
    log,
  };
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
  const memory = (name: (typeof LATENCY_TARGETS)[number]) => ({
    idleRssMb: idleRssMb[name],
    peakRssMb: services[name].memory().peakRssMb,
  });
  const result: Latency = {
    latency: {
      paced: { ...describeLoad(options, 'paced'), ...requireTargets(paced, LATENCY_TARGETS) },
      saturated: { ...describeLoad(options, 'saturated'), ...requireTargets(saturated, LATENCY_TARGETS) },
    },
    memory: { bot: memory('bot'), peer: memory('peer'), baseline: memory('baseline') },
  };
  await Promise.allSettled(LATENCY_TARGETS.map((name) => services[name].stop()));
  return result;
}

function describeLoad(options: BenchOptions, kind: 'paced' | 'saturated') {
  return kind === 'paced'
    ? {
        clients: options.clients,
        offeredPerSec: options.pacedRate,
        rounds: options.pacedRounds,
        roundSeconds: options.pacedRoundSeconds,
      }
    : {
        clients: options.clients,
        offeredPerSec: undefined,
        rounds: options.rounds,
        roundSeconds: options.roundSeconds,
      };
}

/** What the drain and instances scenarios need to start bots of their own against the rig's fakes. */
function botStage(rig: Rig, options: BenchOptions): BotStage {
  return {
    caliqLatencyMs: options.caliqLatencyMs,
    sim: rig.sim,
    fake: rig.fake,
    users: rig.users,
    folder: rig.dbFolder,
    startBot: (databasePath, env) => rig.startBot({ databasePath, env }),
    log,
  };
}

/** Scenario 3: a journal full of entries written while Caliq was down, drained by a freshly started bot. */
async function runDrain(rig: Rig, options: BenchOptions): Promise<DrainResult> {
  log('drain …');
  return runDrainScenario({
    count: options.drain,
    ...botStage(rig, options),
  });
}

/** Scenario 4, when asked for and PostgreSQL answers. */
async function runInstances(rig: Rig, options: BenchOptions): Promise<Instances> {
  const unreachable = options.instances ? await probeDatabase(options.databaseUrl) : undefined;
  const skipped = !options.instances
    ? '--no-instances'
    : unreachable && `PostgreSQL unreachable (${unreachable}); set BENCH_DATABASE_URL`;
  if (skipped) {
    log(`several instances skipped: ${skipped}`);
    return { instances: undefined, instancesSkipped: skipped };
  }
  log('several instances …');
  const instances: InstancesResult = await runInstancesScenario({
    databaseUrl: options.databaseUrl,
    clients: options.clients,
    roundSeconds: options.roundSeconds,
    rounds: options.rounds,
    drain: options.drain,
    ...botStage(rig, options),
  });
  return { instances, instancesSkipped: undefined };
}

/** The figures with their ratios against the targets, the table rows and the notes on method. */
function assembleResults(partial: RunFigures, notes: string[]): BenchResults {
  const { latency, drain, instances, suggestions } = partial;
  const ratioReport = buildRatioReport(
    latencyRatios('paced', latency.paced),
    latencyRatios('saturated', latency.saturated),
    { 'drain.interaction.rate': drain.ratio },
    instances
      ? {
          'instances.submission.throughput': instances.ratios.submissionThroughput,
          'instances.drain.rate': instances.drain.ratio,
        }
      : {},
  );
  const methods = [
    ...describeMethods(partial.options, drain),
    ...(suggestions ? [describeSuggestionScenario(suggestions)] : []),
  ];
  return { ...partial, ...ratioReport, rows: buildRows(partial), notes: [...notes, ...methods] };
}

function printRows(results: BenchResults): void {
  log('');
  for (const section of SECTIONS) {
    log(`${describeSection(section, results.latency)}: bot, tutorial peer, bare Bolt, ÷ peer, ÷ bare Bolt`);
    for (const row of results.rows.filter((each) => each.section === section)) {
      const verdict = row.met === undefined ? '' : row.met ? '  ok' : '  MISSED';
      const figures = `${row.bot.padStart(14)} ${row.peer.padStart(14)} ${row.baseline.padStart(20)}`;
      log(
        `  ${row.metric.padEnd(52)} ${figures} ${row.vsPeer.padStart(7)} ${row.ratio.padStart(7)}  ${row.target}${verdict}`,
      );
      if (row.note) log(`    why: ${row.note}`);
    }
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env, join(REPO_ROOT, 'bench'));
  const started = { at: performance.now(), load: loadavg()[0] ?? Number.NaN, date: new Date().toISOString() };
  log(
    `caliq-slack bench: ${options.clients} clients; paced ${options.pacedRate}/s, ${options.pacedRounds} × ${options.pacedRoundSeconds} s rounds; saturated ${options.rounds} × ${options.roundSeconds} s rounds; drain ${options.drain}`,
  );
  const notes: string[] = [];
  const runtime = prepareBot(options, notes);
  if (options.suggestionsOnly) {
    const suggestions = await runSuggestionScenario(suggestionOptions(options, runtime));
    const written = addSuggestionResults(options.outDir, suggestions, started.date);
    log(`\nwrote ${written.markdownPath} and ${written.jsonPath}`);
    return;
  }
  if (options.dbDir)
    notes.push(`The bot's SQLite files were in ${options.dbDir} (--db-dir), not in the OS temp folder.`);
  const rig = await startRig({
    clients: options.clients,
    caliqLatencyMs: options.caliqLatencyMs,
    runtime,
    ...(options.dbDir ? { dbDir: options.dbDir } : {}),
    ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}),
  });
  try {
    const startup = await runStartups(rig, options);
    const latency = await runLatency(rig, options);
    const drain = await runDrain(rig, options);
    const instances = await runInstances(rig, options);
    const suggestions = await runSuggestionScenario(suggestionOptions(options, runtime));
    const results = assembleResults(
      {
        date: started.date,
        durationSeconds: (performance.now() - started.at) / 1000,
        machine: readMachineInfo(started.load),
        options,
        botCommand: describeBotCommand(runtime),
        startup,
        ...latency,
        drain,
        ...instances,
        suggestions,
      },
      notes,
    );
    const written = writeResults(options.outDir, results);
    printRows(results);
    log(`\nwrote ${written.markdownPath} and ${written.jsonPath}`);
  } finally {
    await rig.close();
  }
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
