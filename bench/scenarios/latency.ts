// Scenario 2, latency (paced and saturated): the same load on every target in alternating rounds, seen from the client.
import type { CaliqSimulator } from '../../tools/caliq-simulator/index.js';
import type { FakeSlack, FakeSlackResponse } from '../../tools/slack-stand-in/fake-slack.js';
import type { ChildService } from '../load/child-service.js';
import { type BenchUser, buildCommandRequest, buildSubmissionRequest } from '../load/fixtures.js';
import { type LoadSample, runLoad } from '../load/http-load.js';
import { type LatencySummary, summarizeLatencies } from '../load/stats.js';

export type LoadKind = 'command' | 'submission';

export type LatencyTarget = { name: string; service: ChildService; expectsCaliq: boolean };

/** Everything measured for one kind of request on one target, over every round. */
export type KindResult = {
  requests: number;
  seconds: number;
  throughputPerSec: number;
  /** Paced runs: the total rate the clients were scheduled to send at; undefined at saturation. */
  offeredPerSec: number | undefined;
  /** Paced runs: sends that went out late because the previous answer came after their slot. */
  behind: number;
  ack: LatencySummary;
  /** No HTTP answer, a status other than 200, or an answer that is not a plain ack. */
  ackErrors: number;
  /** Acks slower than Slack's 3 seconds. */
  missedDeadline: number;
  /** command sent → views.open at the fake Slack (commands); submission acked → InteractionCreate at Caliq. */
  followOn: LatencySummary | undefined;
  /** Acked requests whose views.open / InteractionCreate never arrived. */
  followOnMissing: number;
  /** Submissions (bot only): sent → the "✅ Logged" answer at the response_url (the user sees the outcome). */
  loggedNotice: LatencySummary | undefined;
  /** Submissions stored by Caliq whose "✅ Logged" answer never arrived. */
  loggedNoticeMissing: number;
  /**
   * Submissions stored by Caliq and answered "✅ Logged" at their response_url before the load of their phase ended,
   * per second of load: the work done end to end, not only acked. Undefined for targets that do not call Caliq.
   */
  deliveredAndAnsweredPerSec: number | undefined;
  /** InteractionCreate calls the simulator did not store (rejected or failed). */
  caliqNotStored: number;
  /** CPU the target process used per request during its phases (includes its work after the ack). */
  targetCpuMsPerRequest: number;
  /** CPU the bench process (load clients, fake Slack, simulator) used per request meanwhile. */
  benchCpuMsPerRequest: number;
  errorSamples: string[];
};

export type TargetLatencyResult = { command: KindResult; submission: KindResult };

/** Think time for every client: together they offer `ratePerSec`; without it the clients send back to back. */
export type Pacing = { ratePerSec: number };

export type LatencyScenarioOptions = {
  clients: number;
  pacing?: Pacing;
  roundSeconds: number;
  rounds: number;
  warmUpSeconds: number;
  caliqLatencyMs: number;
  fake: FakeSlack;
  sim: CaliqSimulator;
  users: readonly BenchUser[];
  targets: readonly LatencyTarget[];
  /** The request kinds to run (default both), e.g. one kind alone for a profile of its path. */
  kinds?: readonly LoadKind[];
  log: (line: string) => void;
};

type PhaseRecord = {
  samples: LoadSample[];
  elapsedMs: number;
  behind: number;
  followOn: number[];
  followOnMissing: number;
  loggedNotice: number[];
  loggedNoticeMissing: number;
  deliveredAndAnswered: number;
  caliqNotStored: number;
  targetCpuMs: number;
  benchCpuMs: number;
};

const MAX_REQUESTS_PER_PHASE = 250_000;
const SLACK_DEADLINE_MS = 3000;
/** No new InteractionCreate for this long after the load: what has not arrived is lost, not queued. */
const BACKLOG_STALLED_MS = 5000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain ack: 200 with an empty body. A submission answered with `response_action: errors` failed validation. */
function ackProblem(sample: LoadSample): string | undefined {
  if (sample.error) return `network: ${sample.error}`;
  if (sample.status !== 200) return `HTTP ${sample.status}: ${sample.body.slice(0, 200)}`;
  if (sample.body.trim() !== '') return `unexpected ack body: ${sample.body.slice(0, 200)}`;
  return undefined;
}

/** The bot's first answer to a submission Caliq took: "✅ Logged …" posted to the submission's response_url. */
const isLoggedAnswer = (response: FakeSlackResponse): boolean => {
  const text = (response.body as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' && text.startsWith('✅');
};

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await sleep(10);
}

/**
 * Waits until `count()` reaches `wanted`, or `timeoutMs` passes, or it has not grown for `stalledMs`: a target that
 * keeps a backlog keeps delivering, while one that lost requests (no journal, no retries) would otherwise hold the
 * bench for the whole bound.
 */
async function waitWhileGrowing(count: () => number, wanted: number, timeoutMs: number, stalledMs: number) {
  const deadline = performance.now() + timeoutMs;
  let last = count();
  let grewAt = performance.now();
  while (count() < wanted && performance.now() < deadline && performance.now() - grewAt < stalledMs) {
    await sleep(10);
    if (count() > last) {
      last = count();
      grewAt = performance.now();
    }
  }
}

/** Pairs each acked command with the views.open the fake Slack received for its trigger_id. */
async function pairViewsOpen(fake: FakeSlack, acked: readonly LoadSample[], record: PhaseRecord): Promise<void> {
  await waitUntil(() => fake.callsTo('views.open').length >= acked.length, 3000);
  const arrivals = new Map<string, number>();
  for (const call of fake.callsTo('views.open')) {
    const triggerId = call.args.trigger_id;
    if (typeof triggerId === 'string' && !arrivals.has(triggerId)) arrivals.set(triggerId, call.at);
  }
  for (const sample of acked) {
    const at = arrivals.get(sample.tag);
    if (at === undefined) record.followOnMissing++;
    else record.followOn.push(at - sample.sentAt);
  }
}

/**
 * Pairs each acked submission with its InteractionCreate at the simulator and its "✅ Logged" post at the fake Slack
 * (both by UniqueID), and counts those answered before `loadEndedAt` (performance.now()) as delivered and answered.
 */
async function pairCaliqAndNotices(
  options: LatencyScenarioOptions,
  acked: readonly LoadSample[],
  record: PhaseRecord,
  loadEndedAt: number,
): Promise<void> {
  const { fake, sim } = options;
  // Under overload the bot keeps acking and leaves the overflow in its journal for the delivery worker, so wait for
  // that backlog too (bounded): an entry that arrives late is late, not lost, and must not leak into the next phase.
  const backlogBoundMs = Math.min(120_000, 3000 + options.caliqLatencyMs * 4 + acked.length * 20);
  await waitWhileGrowing(() => sim.interactions.length, acked.length, backlogBoundMs, BACKLOG_STALLED_MS);
  const arrivals = new Map<string, number>();
  for (const request of sim.received.filter((each) => each.endpoint === 'InteractionCreate')) {
    const uniqueId = (request.body as { UniqueID?: unknown } | undefined)?.UniqueID;
    if (typeof uniqueId === 'string' && !arrivals.has(uniqueId)) arrivals.set(uniqueId, request.at);
  }
  const stored = new Set(sim.interactions.map((interaction) => interaction.uniqueId));
  for (const sample of acked) {
    const at = arrivals.get(sample.tag);
    if (at === undefined) record.followOnMissing++;
    else record.followOn.push(at - sample.ackWallMs);
    if (at !== undefined && !stored.has(sample.tag)) record.caliqNotStored++;
  }
  // Let the tail (notices after Caliq answered) finish before this phase's answers are read and the next one starts.
  const logged = () => fake.responses.filter(isLoggedAnswer);
  await waitUntil(() => logged().length >= stored.size, 3000);
  const noticeArrivals = new Map<string, number>();
  for (const response of logged()) if (!noticeArrivals.has(response.id)) noticeArrivals.set(response.id, response.at);
  for (const sample of acked) {
    if (!stored.has(sample.tag)) continue;
    const at = noticeArrivals.get(sample.tag);
    if (at === undefined) record.loggedNoticeMissing++;
    else record.loggedNotice.push(at - sample.sentAt);
    if (at !== undefined && at <= loadEndedAt) record.deliveredAndAnswered++;
  }
}

/** Runs one phase and pairs each acked request with what the fakes recorded (same process, same clock). */
async function runPhase(options: LatencyScenarioOptions, target: LatencyTarget, kind: LoadKind, seconds: number) {
  const { fake, sim, users } = options;
  fake.reset();
  sim.reset();
  sim.setFaults({ latencyMs: options.caliqLatencyMs });
  const responseUrl = fake.responseUrl('bench');
  const build =
    kind === 'command'
      ? (user: BenchUser) => buildCommandRequest(user, responseUrl)
      : (user: BenchUser) => buildSubmissionRequest(user, (uniqueId) => fake.responseUrl(uniqueId));
  const targetCpuBefore = target.service.cpuMs();
  const benchCpuBefore = process.cpuUsage();
  const loadStartedAt = performance.now();
  const run = await runLoad({
    url: `${target.service.baseUrl}/slack/events`,
    clients: options.clients,
    durationMs: seconds * 1000,
    maxRequests: MAX_REQUESTS_PER_PHASE,
    nextRequest: (client) => build(users[client % users.length] as BenchUser),
    intervalMs: options.pacing ? (options.clients * 1000) / options.pacing.ratePerSec : undefined,
  });
  const acked = run.samples.filter((sample) => ackProblem(sample) === undefined);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const record: PhaseRecord = {
    ...run,
    followOn: [],
    followOnMissing: 0,
    loggedNotice: [],
    loggedNoticeMissing: 0,
    deliveredAndAnswered: 0,
    caliqNotStored: 0,
    targetCpuMs: target.service.cpuMs() - targetCpuBefore,
    benchCpuMs: (benchCpu.user + benchCpu.system) / 1000,
  };
  if (kind === 'command') await pairViewsOpen(fake, acked, record);
  else if (target.expectsCaliq) await pairCaliqAndNotices(options, acked, record, loadStartedAt + run.elapsedMs);
  await sleep(options.caliqLatencyMs + 150);
  return record;
}

/** `withFollowOn`: views.open after commands, and Caliq plus "✅ Logged" after submissions of targets that call Caliq. */
function summarizeKind(
  phases: readonly PhaseRecord[],
  kind: LoadKind,
  withFollowOn: boolean,
  pacing?: Pacing,
): KindResult {
  const samples = phases.flatMap((phase) => phase.samples);
  const seconds = phases.reduce((sum, phase) => sum + phase.elapsedMs, 0) / 1000;
  const problems = samples.map(ackProblem).filter((problem): problem is string => problem !== undefined);
  return {
    requests: samples.length,
    seconds,
    throughputPerSec: seconds > 0 ? samples.length / seconds : 0,
    offeredPerSec: pacing?.ratePerSec,
    behind: phases.reduce((sum, phase) => sum + phase.behind, 0),
    ack: summarizeLatencies(samples.map((sample) => sample.latencyMs)),
    ackErrors: problems.length,
    missedDeadline: samples.filter((sample) => sample.latencyMs > SLACK_DEADLINE_MS).length,
    followOn: withFollowOn ? summarizeLatencies(phases.flatMap((phase) => phase.followOn)) : undefined,
    followOnMissing: phases.reduce((sum, phase) => sum + phase.followOnMissing, 0),
    loggedNotice: withFollowOn ? summarizeLatencies(phases.flatMap((phase) => phase.loggedNotice)) : undefined,
    loggedNoticeMissing: phases.reduce((sum, phase) => sum + phase.loggedNoticeMissing, 0),
    deliveredAndAnsweredPerSec:
      kind === 'submission' && withFollowOn
        ? phases.reduce((sum, phase) => sum + phase.deliveredAndAnswered, 0) / seconds
        : undefined,
    caliqNotStored: phases.reduce((sum, phase) => sum + phase.caliqNotStored, 0),
    targetCpuMsPerRequest: phases.reduce((sum, phase) => sum + phase.targetCpuMs, 0) / samples.length,
    benchCpuMsPerRequest: phases.reduce((sum, phase) => sum + phase.benchCpuMs, 0) / samples.length,
    errorSamples: [...new Set(problems)].slice(0, 5),
  };
}

/**
 * Warm-up (discarded), then `rounds` rounds; each round runs commands then submissions on each target, and the
 * order of the targets flips every round so drifting machine noise lands on both. With `pacing` the clients have
 * think time (a rate the targets can sustain); without it they send back to back (saturation, i.e. capacity).
 */
export async function runLatencyScenario(
  options: LatencyScenarioOptions,
): Promise<Record<string, TargetLatencyResult>> {
  const phases = new Map<string, PhaseRecord[]>();
  const kinds = options.kinds ?? (['command', 'submission'] as const);
  for (const target of options.targets) {
    for (const kind of kinds) await runPhase(options, target, kind, options.warmUpSeconds);
  }
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? options.targets : [...options.targets].reverse();
    for (const target of order) {
      for (const kind of kinds) {
        const phase = await runPhase(options, target, kind, options.roundSeconds);
        const key = `${target.name}:${kind}`;
        phases.set(key, [...(phases.get(key) ?? []), phase]);
        const ack = summarizeLatencies(phase.samples.map((sample) => sample.latencyMs));
        const late = options.pacing ? `  ${phase.behind} behind` : '';
        options.log(
          `  round ${round + 1} ${target.name.padEnd(8)} ${kind.padEnd(10)} ${String(phase.samples.length).padStart(6)} req  ack p50 ${ack.p50.toFixed(1)} ms  p99 ${ack.p99.toFixed(1)} ms${late}`,
        );
      }
    }
  }
  const results: Record<string, TargetLatencyResult> = {};
  for (const target of options.targets) {
    results[target.name] = {
      command: summarizeKind(phases.get(`${target.name}:command`) ?? [], 'command', true, options.pacing),
      submission: summarizeKind(
        phases.get(`${target.name}:submission`) ?? [],
        'submission',
        target.expectsCaliq,
        options.pacing,
      ),
    };
  }
  return results;
}

/** The results of the named targets of a run of the scenario; a missing one is a defect of the bench. */
export function requireTargets<Name extends string>(
  results: Record<string, TargetLatencyResult>,
  names: readonly Name[],
): Record<Name, TargetLatencyResult> {
  const missing = names.filter((name) => !results[name]);
  if (missing.length > 0) throw new Error(`a latency scenario returned no result for ${missing.join(', ')}`);
  return Object.fromEntries(names.map((name) => [name, results[name]])) as Record<Name, TargetLatencyResult>;
}

/** One latency scenario (paced or saturated) as results.json keeps it: the bot beside bare Bolt and the peer. */
export type LatencyRun = {
  clients: number;
  offeredPerSec: number | undefined;
  rounds: number;
  roundSeconds: number;
  bot: TargetLatencyResult;
  baseline: TargetLatencyResult;
  /** The tutorial peer; absent in results from before it existed. */
  peer?: TargetLatencyResult;
};
