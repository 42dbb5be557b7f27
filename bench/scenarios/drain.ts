// Scenario 3, drain: a journal of pending interactions drained into Caliq by the bot, against the direct capacity.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { createCaliqClient } from '../../src/caliq/index.js';
import { createJournalStore, openDatabase } from '../../src/store/index.js';
import type { JournalStore } from '../../src/store/types.js';
import type { CaliqSimulator } from '../../tools/caliq-simulator/index.js';
import type { FakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import type { ChildService } from '../load/child-service.js';
import {
  BENCH_CALIQ_KEY,
  BENCH_CHANNEL_ID,
  type BenchUser,
  buildDrainInteraction,
  DRAIN_DRAFT,
} from '../load/fixtures.js';

/** The bot's default DELIVERY_CONCURRENCY, set explicitly so the direct measurement uses the same number. */
export const DRAIN_CONCURRENCY = 8;

export type DrainMeasurement = {
  delivered: number;
  /** First InteractionCreate arriving at the simulator → last interaction stored, in ms. */
  drainMs: number;
  ratePerSec: number;
  /** InteractionCreate answers other than 200, and repeated UniqueIDs the simulator saw. */
  failedRequests: number;
  duplicates: number;
};

export type DrainResult = {
  count: number;
  concurrency: number;
  direct: DrainMeasurement;
  bot: DrainMeasurement & {
    /** Bot process start → all delivered, in ms (includes start-up). */
    fromSpawnMs: number;
    peakRssMb: number;
    timedOut: boolean;
    journalStates: Record<string, number>;
  };
  /** bot rate / direct rate. */
  ratio: number;
};

/** What a scenario that starts bots of its own gets from the run: the fakes, the users, a folder and a launcher. */
export type BotStage = {
  caliqLatencyMs: number;
  sim: CaliqSimulator;
  fake: FakeSlack;
  users: readonly BenchUser[];
  folder: string;
  startBot: (databasePath: string, env: Record<string, string>) => Promise<ChildService>;
  log: (line: string) => void;
};

export type DrainScenarioOptions = BotStage & { count: number };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One interaction journaled as if Caliq had been down when it was submitted (the user told it is saved for later). */
export async function journalWaitingEntry(
  journal: JournalStore,
  entry: { user: BenchUser; uniqueId: string; responseUrl: string },
  now: Date,
): Promise<void> {
  const { user, uniqueId, responseUrl } = entry;
  await journal.insert(
    {
      uniqueId,
      slackUserId: user.slackUserId,
      slackTeamId: undefined,
      interaction: buildDrainInteraction(user, uniqueId),
      draft: DRAIN_DRAFT,
      replyTo: { responseUrl, conversationId: BENCH_CHANNEL_ID },
      followUpSlackUserId: undefined,
    },
    now,
  );
  await journal.noteDelayNotice(uniqueId, now);
}

export function measure(sim: CaliqSimulator, uniqueIds: ReadonlySet<string>): DrainMeasurement {
  const creates = sim.received.filter((request) => request.endpoint === 'InteractionCreate');
  const ours = sim.interactions.filter((interaction) => uniqueIds.has(interaction.uniqueId));
  const first = creates[0]?.at ?? Number.NaN;
  const last = ours.at(-1)?.at ?? Number.NaN;
  const drainMs = last - first;
  return {
    delivered: ours.length,
    drainMs,
    ratePerSec: drainMs > 0 ? (ours.length / drainMs) * 1000 : Number.NaN,
    failedRequests: creates.filter((request) => request.status !== 200).length,
    duplicates: [...uniqueIds].reduce((sum, uniqueId) => sum + sim.duplicateCount(uniqueId), 0),
  };
}

/** The simulator's own capacity: `count` InteractionCreate calls through our Caliq client from 8 lanes, nothing else. */
export async function measureDirect(
  options: Pick<DrainScenarioOptions, 'sim' | 'users' | 'caliqLatencyMs' | 'count'>,
): Promise<DrainMeasurement> {
  const { sim, users } = options;
  sim.reset();
  sim.setFaults({ latencyMs: options.caliqLatencyMs });
  const client = createCaliqClient({
    baseUrl: sim.url,
    apiKey: BENCH_CALIQ_KEY,
    timeZone: 'Europe/London',
    dateFormat: "yyyy-MM-dd'T'HH:mm:ss",
    timeoutMs: 10_000,
    retries: 2,
    logger: pino({ level: 'silent' }),
  });
  const inputs = Array.from({ length: options.count }, (_, index) =>
    buildDrainInteraction(users[index % users.length] as BenchUser, randomUUID()),
  );
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const input = inputs[next++];
      if (input) await client.createInteraction(input);
    }
  };
  await Promise.all(Array.from({ length: DRAIN_CONCURRENCY }, lane));
  return measure(sim, new Set(inputs.map((input) => input.uniqueId)));
}

/**
 * Journals `count` interactions directly (as the submission path does while Caliq is down, with the "saved for
 * later" notice already given), so every entry is due at once; then starts the bot against the simulator, up again.
 */
async function journalPendingEntries(options: DrainScenarioOptions, databasePath: string): Promise<Set<string>> {
  const db = openDatabase(databasePath, { synchronous: 'NORMAL' });
  const journal = createJournalStore(db);
  const uniqueIds = new Set<string>();
  const now = new Date();
  const responseUrl = options.fake.responseUrl('bench-drain');
  // One transaction for the whole prefill; the SQLite store does its work synchronously inside each call.
  db.exec('BEGIN');
  try {
    for (let index = 0; index < options.count; index++) {
      const user = options.users[index % options.users.length] as BenchUser;
      const uniqueId = randomUUID();
      await journalWaitingEntry(journal, { user, uniqueId, responseUrl }, now);
      uniqueIds.add(uniqueId);
    }
    db.exec('COMMIT');
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
  db.close();
  return uniqueIds;
}

async function readJournalStates(databasePath: string): Promise<Record<string, number>> {
  const db = openDatabase(databasePath);
  try {
    return await createJournalStore(db).countByState();
  } finally {
    db.close();
  }
}

export async function runDrainScenario(options: DrainScenarioOptions): Promise<DrainResult> {
  const { sim, fake, count } = options;
  options.log(`  direct: ${count} InteractionCreate calls from ${DRAIN_CONCURRENCY} lanes`);
  const direct = await measureDirect(options);
  options.log(`  direct: ${direct.ratePerSec.toFixed(1)}/s`);

  const databasePath = join(options.folder, 'drain.db');
  sim.reset();
  sim.setFaults({ latencyMs: options.caliqLatencyMs, down: true });
  const uniqueIds = await journalPendingEntries(options, databasePath);
  fake.reset();
  sim.setFaults({ down: false });
  options.log(`  bot: ${count} entries journaled; starting the bot`);
  const bot = await options.startBot(databasePath, { DELIVERY_CONCURRENCY: String(DRAIN_CONCURRENCY) });
  // Three times the direct drain, between 1 and 3 minutes, so a slow drain is reported (as timed out) within the run.
  const budgetMs = Math.min(180_000, Math.max(60_000, 3 * (count / Math.max(direct.ratePerSec, 1)) * 1000));
  const deadline = performance.now() + budgetMs;
  const stored = () => sim.interactions.length;
  while (stored() < count && performance.now() < deadline) await sleep(20);
  const fromSpawnMs = performance.now() - bot.spawnedAt;
  const timedOut = stored() < count;
  // Let the last notices go out, then read the high-water mark before the process is gone.
  await sleep(300);
  const peakRssMb = bot.memory().peakRssMb;
  await bot.stop();
  const measured = measure(sim, uniqueIds);
  const journalStates = await readJournalStates(databasePath);
  options.log(
    `  bot: ${measured.ratePerSec.toFixed(1)}/s, ${measured.delivered} delivered, peak RSS ${peakRssMb.toFixed(1)} MB`,
  );
  return {
    count,
    concurrency: DRAIN_CONCURRENCY,
    direct,
    bot: { ...measured, fromSpawnMs, peakRssMb, timedOut, journalStates },
    ratio: measured.ratePerSec / direct.ratePerSec,
  };
}
