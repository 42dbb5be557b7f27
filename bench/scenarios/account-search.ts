// Scenario 5, account search: the bot with 100,000 Caliq customers answers signed block_suggestion requests, paced.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateCustomers, readDefaultSeed, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import {
  blockSuggestionPayload,
  interactionBody,
  signSlackRequest,
} from '../../tools/slack-stand-in/slack-requests.js';
import {
  BENCH_CALIQ_KEY,
  BENCH_SIGNING_SECRET,
  type BenchUser,
  createBenchUsers,
  writeEmployeeMap,
} from '../load/fixtures.js';
import { type LoadRequest, type LoadSample, runLoad } from '../load/http-load.js';
import { type LatencySummary, summarizeLatencies } from '../load/stats.js';
import { type BotRuntime, REPO_ROOT, startBotProcess } from '../targets/launch.js';
import type { IndexHeapResult } from './index-heap.js';

export const SUGGESTION_P99_TARGET_MS = 20;
export const INDEX_HEAP_TARGET_MB = 30;

export type SuggestionResult = {
  customers: number;
  clients: number;
  offeredPerSec: number;
  seconds: number;
  requests: number;
  throughputPerSec: number;
  behind: number;
  ack: LatencySummary;
  /** No answer, not 200, not `{ options: [...] }`, or a query whose known first answer was not first. */
  errors: number;
  errorSamples: string[];
  /** The five slowest answers: what was typed, how long, and when in the run (s), to tell a slow query from a stall. */
  slowest: Array<{ query: string; ms: number; atSeconds: number }>;
  /** Answers with no options (the no-match queries of the mix). */
  emptyAnswers: number;
  /** Bot spawn → the first suggestion answered from the built index (Caliq's list loaded and indexed). */
  searchReadyMs: number;
  botRssMb: { withIndex: number; peak: number };
  heap: IndexHeapResult;
  /** The bench process's own event-loop delay during the run: a stall here delays sends and answers alike. */
  benchLoopDelayMs: { p99: number; max: number };
  /** 1-minute load average of the machine before and after the measured run: other work skews the tail. */
  loadAverage: { atStart: number; atEnd: number };
};

export type SuggestionScenarioOptions = {
  runtime: BotRuntime;
  customers: number;
  ratePerSec: number;
  seconds: number;
  clients: number;
  log: (line: string) => void;
};

type Query = { value: string; first?: string };

/** What people type: number prefixes, whole numbers, name words, pieces of both, and things nobody has. */
function buildQueryMix(count: number): Query[] {
  const channelIds = readDefaultSeed().channels.map((channel) => channel.ID);
  const sample = generateCustomers(count, { channelIds }).filter((_, index) => index % Math.ceil(count / 20) === 7);
  const mix: Query[] = [];
  for (const customer of sample) {
    mix.push({ value: customer.AccountNo, first: customer.AccountNo });
    mix.push({ value: customer.AccountNo.slice(0, 6).toLowerCase() });
    mix.push({ value: customer.AccountNo.slice(0, 1) });
    if (customer.Name) mix.push({ value: customer.Name.split(' ').slice(0, 2).join(' ').slice(0, -2) });
  }
  mix.push({ value: 'plumb' }, { value: 'garden sup' }, { value: 'ltd' }, { value: '0042' }, { value: 'ngs' });
  mix.push({ value: 'zzqx' }, { value: 'acme corp' }, { value: 'y' }, { value: 'wells tim' }, { value: '7' });
  return mix;
}

function suggestionRequest(user: BenchUser, query: Query, sequence: number): LoadRequest {
  const body = interactionBody(blockSuggestionPayload({ value: query.value, userId: user.slackUserId }));
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signSlackRequest(body, BENCH_SIGNING_SECRET),
  };
  return { body, headers, tag: String(sequence) };
}

/** Undefined when the answer is right; else what was wrong. */
function answerProblem(sample: LoadSample, query: Query | undefined): string | undefined {
  if (sample.error) return `network: ${sample.error}`;
  if (sample.status !== 200) return `HTTP ${sample.status}: ${sample.body.slice(0, 200)}`;
  let options: Array<{ value?: string }> | undefined;
  try {
    options = (JSON.parse(sample.body) as { options?: Array<{ value?: string }> }).options;
  } catch {
    options = undefined;
  }
  if (!Array.isArray(options)) return `not an options answer: ${sample.body.slice(0, 200)}`;
  if (options.length > 100) return `${options.length} options, Slack shows 100`;
  if (query?.first && options[0]?.value !== query.first) return `"${query.value}" did not put ${query.first} first`;
  return undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs bench/scenarios/index-heap.ts in its own process with --expose-gc: a clean heap, nothing else allocated meanwhile. */
function measureIndexHeap(customers: number): IndexHeapResult {
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      import.meta.resolve('tsx'),
      join(REPO_ROOT, 'bench', 'scenarios', 'index-heap.ts'),
      String(customers),
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } },
  );
  if (result.status !== 0) throw new Error(`index-heap failed: ${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as IndexHeapResult;
}

export async function runSuggestionScenario(options: SuggestionScenarioOptions): Promise<SuggestionResult> {
  const folder = mkdtempSync(join(tmpdir(), 'caliq-slack-bench-search-'));
  const sim = await startCaliqSimulator({ apiKey: BENCH_CALIQ_KEY, generatedCustomers: options.customers });
  const fake = await startFakeSlack();
  const users = createBenchUsers(options.clients);
  const mix = buildQueryMix(options.customers);
  try {
    const bot = await startBotProcess({
      runtime: options.runtime,
      simUrl: sim.url,
      slackApiUrl: fake.apiUrl,
      employeeMapPath: writeEmployeeMap(folder, users),
      databasePath: join(folder, 'bot.db'),
      cwd: folder,
    });
    try {
      await bot.waitUntilReady('/readyz', 15_000);
      // The list loads and is indexed after start-up; until then the search answers no options.
      const probe = mix.find((query) => query.first) as Query;
      const url = `${bot.baseUrl}/slack/events`;
      let searchReadyMs = Number.NaN;
      for (let attempt = 0; attempt < 600; attempt++) {
        const [sample] = (
          await runLoad({
            url,
            clients: 1,
            durationMs: 60_000,
            maxRequests: 1,
            nextRequest: () => suggestionRequest(users[0] as BenchUser, probe, 0),
          })
        ).samples;
        if (sample && answerProblem(sample, probe) === undefined) {
          searchReadyMs = performance.now() - bot.spawnedAt;
          break;
        }
        await sleep(50);
      }
      if (!Number.isFinite(searchReadyMs))
        throw new Error(`the bot never answered from the index:\n${bot.outputTail()}`);
      const withIndex = bot.memory().rssMb;
      options.log(`  search ready ${searchReadyMs.toFixed(0)} ms after spawn; RSS ${withIndex.toFixed(1)} MB`);

      // Warm-up (discarded), then the measured run at the paced rate.
      const load = (seconds: number) =>
        runLoad({
          url,
          clients: options.clients,
          durationMs: seconds * 1000,
          maxRequests: 250_000,
          intervalMs: (options.clients * 1000) / options.ratePerSec,
          nextRequest: (client, sequence) =>
            suggestionRequest(
              users[client] as BenchUser,
              mix[(client * 7 + sequence) % mix.length] as Query,
              client * 1_000_000 + sequence,
            ),
        });
      await load(Math.min(2, options.seconds));
      const loadAtStart = loadavg()[0] ?? Number.NaN;
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const run = await load(options.seconds);
      loopDelay.disable();
      const loadAtEnd = loadavg()[0] ?? Number.NaN;
      const queryOf = (sample: LoadSample): Query | undefined => {
        const tag = Number(sample.tag);
        const client = Math.floor(tag / 1_000_000);
        return mix[(client * 7 + (tag % 1_000_000)) % mix.length];
      };
      const problems = run.samples.map((sample) => answerProblem(sample, queryOf(sample)));
      const failed = problems.filter((problem): problem is string => problem !== undefined);
      const empty = run.samples.filter((sample) => sample.status === 200 && /"options":\[\]/.test(sample.body)).length;
      const ack = summarizeLatencies(run.samples.map((sample) => sample.latencyMs));
      const firstSentAt = Math.min(...run.samples.map((sample) => sample.sentAt));
      const slowest = [...run.samples]
        .sort((a, b) => b.latencyMs - a.latencyMs)
        .slice(0, 5)
        .map((sample) => ({
          query: queryOf(sample)?.value ?? '',
          ms: Math.round(sample.latencyMs * 10) / 10,
          atSeconds: Math.round((sample.sentAt - firstSentAt) / 100) / 10,
        }));
      options.log(
        `  bench event loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`,
      );
      options.log(`  slowest: ${slowest.map((s) => `"${s.query}" ${s.ms} ms at ${s.atSeconds} s`).join('; ')}`);
      options.log(
        `  ${run.samples.length} suggestions  p50 ${ack.p50.toFixed(1)} ms  p99 ${ack.p99.toFixed(1)} ms  errors ${failed.length}`,
      );
      const peak = bot.memory().peakRssMb;
      await bot.stop();
      options.log('  index heap …');
      const heap = measureIndexHeap(options.customers);
      options.log(
        `  index: ${heap.totalMb.toFixed(1)} MB (heap ${heap.heapMb.toFixed(1)} + buffers ${heap.arrayBuffersMb.toFixed(1)})`,
      );
      return {
        customers: options.customers,
        clients: options.clients,
        offeredPerSec: options.ratePerSec,
        seconds: run.elapsedMs / 1000,
        requests: run.samples.length,
        throughputPerSec: run.samples.length / (run.elapsedMs / 1000),
        behind: run.behind,
        ack,
        errors: failed.length,
        errorSamples: [...new Set(failed)].slice(0, 5),
        emptyAnswers: empty,
        slowest,
        searchReadyMs,
        botRssMb: { withIndex, peak },
        heap,
        loadAverage: { atStart: loadAtStart, atEnd: loadAtEnd },
        benchLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await Promise.allSettled([sim.close(), fake.close()]);
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The "how it was measured" line for this scenario. */
export function describeSuggestionScenario(result: SuggestionResult): string {
  return `Account search: a separate bot process against a Caliq simulator holding ${result.customers} generated customers (${result.heap.named} with back orders, so with names; CustomersWithOrders asked per channel). After the list is indexed, ${result.clients} keep-alive clients send signed block_suggestion requests on a paced grid (${result.offeredPerSec}/s offered, a 2 s warm-up discarded, then ${Math.round(result.seconds)} s measured), cycling through a mix of whole account numbers (which must come back first), number prefixes, single characters, name words, pieces of numbers and names, and queries nobody matches. Errors: no answer, not 200, not an options list, over 100 options, or a whole number not answered first. The machine's 1-minute load average was ${result.loadAverage.atStart.toFixed(2)} before and ${result.loadAverage.atEnd.toFixed(2)} after the measured run; the bench process's own event-loop delay during it was p99 ${result.benchLoopDelayMs.p99.toFixed(1)} ms, max ${result.benchLoopDelayMs.max.toFixed(1)} ms; the five slowest answers: ${result.slowest.map((slow) => `"${slow.query}" ${slow.ms} ms at ${slow.atSeconds} s`).join(', ')}. Index heap: bench/scenarios/index-heap.ts in its own node --expose-gc process; V8 heapUsed plus ArrayBuffers after three full GCs, before and after building the index (with the name book) from lists already in memory, as the bot's caches hold them.`;
}
