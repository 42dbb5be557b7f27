// The soak's faults on a timeline: Caliq 503s, an outage and latency spikes, one instance killed and restarted,
// PostgreSQL restarted (only when asked: it is a shared server, so never from a test).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import type { CaliqSimulator } from '../tools/caliq-simulator/index.js';
import type { FakeSlack } from '../tools/slack-stand-in/fake-slack.js';
import type { ChildService } from './load/child-service.js';

export type FaultPlan = {
  durationMs: number;
  unavailableRate: number;
  outageMs: number;
  spikeLatencyMs: number;
  spikeMs: number;
  restartPostgres: boolean;
  /** Slack's chat.postMessage answers this late around the kill, so reminder DMs are in flight when it lands. */
  slowSlackMs: number;
};

/** What happened when, for the report. */
export type FaultEvent = { atMs: number; what: string };

export type InstanceSlots = {
  urls(): readonly string[];
  /** SIGKILLs the instance in `slot`, starts a new one, and puts it in the rotation once ready. */
  killAndRestart(slot: number): Promise<void>;
  /** Every instance started, killed ones too, for their output after the run. */
  all(): readonly ChildService[];
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Two (or more) instances behind the soak's round-robin; a slot keeps its place while its process is replaced. */
export function createInstanceSlots(
  services: ChildService[],
  startInstance: () => Promise<ChildService>,
  readyTimeoutMs: number,
): InstanceSlots {
  const everyOne = [...services];
  return {
    urls: () => services.map((service) => service.baseUrl),
    all: () => everyOne,
    async killAndRestart(slot) {
      const victim = services[slot];
      if (!victim) throw new Error(`no instance in slot ${slot}`);
      process.kill(victim.pid, 'SIGKILL');
      await victim.stop(0);
      const replacement = await startInstance();
      everyOne.push(replacement);
      await replacement.waitUntilReady('/readyz', readyTimeoutMs);
      services[slot] = replacement;
    },
  };
}

/** `pg_ctlcluster … restart` of the local cluster (the one under /etc/postgresql); throws when it fails. */
export function restartPostgres(): string {
  const [version] = readdirSync('/etc/postgresql');
  if (!version) throw new Error('no cluster under /etc/postgresql');
  const run = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`pg_ctlcluster restart failed: ${run.stderr || run.stdout}`);
  return `PostgreSQL ${version}/main restarted`;
}

/**
 * Runs the plan alongside the load; resolves when its last fault is over. Times are shares of the load's duration so
 * a longer soak spreads the same faults out.
 */
export async function runFaultPlan(
  plan: FaultPlan,
  sim: CaliqSimulator,
  slack: FakeSlack,
  slots: InstanceSlots,
  log: (line: string) => void,
): Promise<FaultEvent[]> {
  const started = performance.now();
  const events: FaultEvent[] = [];
  const note = (what: string) => {
    const atMs = Math.round(performance.now() - started);
    events.push({ atMs, what });
    log(`  [${(atMs / 1000).toFixed(1)} s] ${what}`);
  };
  const at = async (share: number) => {
    const wait = started + share * plan.durationMs - performance.now();
    if (wait > 0) await sleep(wait);
  };
  const spike = async () => {
    sim.setFaults({ latencyMs: plan.spikeLatencyMs });
    note(`Caliq latency spike: ${plan.spikeLatencyMs} ms for ${plan.spikeMs / 1000} s`);
    await sleep(plan.spikeMs);
    sim.setFaults({ latencyMs: 0 });
    note('Caliq latency back to 0');
  };

  sim.setFaults({ unavailableRate: plan.unavailableRate });
  note(`Caliq answers 503 to ${Math.round(plan.unavailableRate * 100)}% of calls`);
  await at(0.15);
  await spike();
  await at(0.25);
  sim.setFaults({ down: true });
  note(`Caliq outage (every call 503) for ${plan.outageMs / 1000} s`);
  await sleep(plan.outageMs);
  sim.setFaults({ down: false });
  note('Caliq outage over');
  await at(0.42);
  // A DM posted just before the kill still reaches Slack (the fake answers after the delay), its answer never the bot.
  slack.delay('chat.postMessage', plan.slowSlackMs);
  note(`Slack slow: chat.postMessage answers after ${plan.slowSlackMs} ms`);
  await at(0.45);
  note('SIGKILL instance 2');
  await slots.killAndRestart(1);
  note('instance 2 restarted and ready');
  slack.delay('chat.postMessage', 0);
  note('Slack answers at once again');
  await at(0.6);
  await spike();
  if (plan.restartPostgres) {
    await at(0.75);
    note('restarting PostgreSQL');
    note(restartPostgres());
  }
  return events;
}
