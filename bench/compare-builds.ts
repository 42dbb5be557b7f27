// `npm run bench:compare -- --against <git revision>`: this checkout's bot and the bot built from another revision,
// under the same paced and saturated load in one run (with the bare Bolt baseline beside them), so a change to the
// ack path is judged by a ratio measured side by side rather than against figures from another day's run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ratioOf } from './load/stats.js';
import { type LatencyTarget, runLatencyScenario, type TargetLatencyResult } from './scenarios/latency.js';
import { buildDist, REPO_ROOT } from './targets/launch.js';
import { startRig } from './targets/rig.js';

const { values } = parseArgs({
  options: {
    against: { type: 'string', default: 'HEAD~1' },
    clients: { type: 'string', default: '32' },
    rate: { type: 'string', default: '100' },
    'round-seconds': { type: 'string', default: '5' },
    rounds: { type: 'string', default: '4' },
    'paced-rounds': { type: 'string', default: '4' },
  },
});
const clients = Number(values.clients);
const roundSeconds = Number(values['round-seconds']);
const CALIQ_LATENCY_MS = 50;
const log = (line: string) => void process.stdout.write(`${line}\n`);

/** Builds a checkout; a build that emitted nothing fresh stops the comparison rather than run a stale dist/. */
function buildHere(folder: string): void {
  const built = buildDist(folder);
  if (!built.emitted) throw new Error(`could not build ${folder}: ${built.firstError}`);
}

/** A detached worktree of `revision` with this checkout's node_modules, compiled; removed again by the caller. */
function buildRevision(revision: string): { folder: string; entry: string; commit: string } {
  const commit = execFileSync('git', ['rev-parse', '--short', revision], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  const folder = join(mkdtempSync(join(tmpdir(), 'caliq-slack-compare-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', folder, commit], { cwd: REPO_ROOT, stdio: 'ignore' });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(folder, 'node_modules'));
  try {
    buildHere(folder);
  } catch (error) {
    execFileSync('git', ['worktree', 'remove', '--force', folder], { cwd: REPO_ROOT, stdio: 'ignore' });
    throw error;
  }
  return { folder, entry: join(folder, 'dist', 'main.js'), commit };
}

function row(label: string, results: Record<string, TargetLatencyResult>): string[] {
  const lines: string[] = [];
  for (const kind of ['command', 'submission'] as const) {
    const current = results.current?.[kind];
    const previous = results.previous?.[kind];
    const baseline = results.baseline?.[kind];
    if (!current || !previous || !baseline) continue;
    const cells = [
      `${label} ${kind} ack p50 / p99`,
      `${current.ack.p50.toFixed(1)} / ${current.ack.p99.toFixed(1)} ms`,
      `${previous.ack.p50.toFixed(1)} / ${previous.ack.p99.toFixed(1)} ms`,
      `${baseline.ack.p50.toFixed(1)} / ${baseline.ack.p99.toFixed(1)} ms`,
      `${ratioOf(current.ack.p99, previous.ack.p99).toFixed(2)}×`,
      `${ratioOf(current.ack.p99, baseline.ack.p99).toFixed(2)}× / ${ratioOf(previous.ack.p99, baseline.ack.p99).toFixed(2)}×`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
    const cpu = [
      `${label} ${kind} CPU per request / throughput`,
      `${current.targetCpuMsPerRequest.toFixed(2)} ms / ${current.throughputPerSec.toFixed(0)}/s`,
      `${previous.targetCpuMsPerRequest.toFixed(2)} ms / ${previous.throughputPerSec.toFixed(0)}/s`,
      `${baseline.targetCpuMsPerRequest.toFixed(2)} ms / ${baseline.throughputPerSec.toFixed(0)}/s`,
      `${ratioOf(current.targetCpuMsPerRequest, previous.targetCpuMsPerRequest).toFixed(2)}× CPU`,
      '',
    ];
    lines.push(`| ${cpu.join(' | ')} |`);
  }
  return lines;
}

async function main(): Promise<void> {
  log(`building this checkout and ${values.against} …`);
  buildHere(REPO_ROOT);
  const previousBuild = buildRevision(values.against);
  const rig = await startRig({ clients, caliqLatencyMs: CALIQ_LATENCY_MS, runtime: 'dist' });
  try {
    const { fake, sim, users } = rig;
    const current = await rig.startBot();
    const previous = await rig.startBot({ entry: previousBuild.entry });
    const baseline = await rig.startBaseline();
    await Promise.all([current, previous, baseline].map((service) => service.waitUntilReady('/readyz', 15_000)));
    const targets: LatencyTarget[] = [
      { name: 'current', service: current, expectsCaliq: true },
      { name: 'previous', service: previous, expectsCaliq: true },
      { name: 'baseline', service: baseline, expectsCaliq: false },
    ];
    const shared = { clients, caliqLatencyMs: CALIQ_LATENCY_MS, fake, sim, users, targets, log, roundSeconds };
    log('saturated …');
    const saturated = await runLatencyScenario({ ...shared, rounds: Number(values.rounds), warmUpSeconds: 1 });
    log(`paced at ${values.rate}/s …`);
    const paced = await runLatencyScenario({
      ...shared,
      rounds: Number(values['paced-rounds']),
      warmUpSeconds: 1,
      pacing: { ratePerSec: Number(values.rate) },
    });
    log('');
    log(
      `| | this checkout | ${previousBuild.commit} | bare Bolt | this ÷ ${previousBuild.commit} | ÷ bare Bolt (this / ${previousBuild.commit}) |`,
    );
    log('|---|--:|--:|--:|--:|--:|');
    for (const line of [...row('paced', paced), ...row('saturated', saturated)]) log(line);
  } finally {
    await rig.close();
    execFileSync('git', ['worktree', 'remove', '--force', previousBuild.folder], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
