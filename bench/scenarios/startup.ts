// Scenario 1, start-up: cold starts one after another, spawn → GET /readyz answers 200, and the resident set at idle.
import type { ChildService } from '../load/child-service.js';
import { median } from '../load/stats.js';

export const READY_TIMEOUT_MS = 15_000;
/** How long a freshly ready process sits idle before its resident set is read. */
export const IDLE_SETTLE_MS = 1000;

export type StartupResult = { samplesMs: number[]; medianMs: number; maxMs: number; idleRssMb: number[] };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` cold starts of one target, each stopped before the next; every start gets a new database file. */
export async function measureStartups(start: () => Promise<ChildService>, count: number): Promise<StartupResult> {
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

/**
 * Starts the targets one after another, each ready before the next spawns (so none waits on another's start-up for
 * CPU), lets them settle, and reads their idle resident sets.
 */
export async function startAllReady<Name extends string>(
  starts: Record<Name, () => Promise<ChildService>>,
): Promise<{ services: Record<Name, ChildService>; idleRssMb: Record<Name, number> }> {
  const names = Object.keys(starts) as Name[];
  const started: ChildService[] = [];
  for (const name of names) {
    const service = await starts[name]();
    started.push(service);
    await service.waitUntilReady('/readyz', READY_TIMEOUT_MS);
  }
  await sleep(IDLE_SETTLE_MS);
  const services = Object.fromEntries(names.map((name, index) => [name, started[index]])) as Record<Name, ChildService>;
  const idleRssMb = Object.fromEntries(names.map((name) => [name, services[name].memory().rssMb])) as Record<
    Name,
    number
  >;
  return { services, idleRssMb };
}
