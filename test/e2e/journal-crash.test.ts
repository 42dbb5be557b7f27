// The journal survives a SIGKILL: the real bot in a child process, killed mid-delivery and restarted on the same file.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournalStore, type Database, openDatabase } from '../../src/store/index.js';
import type { JournalStore } from '../../src/store/types.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { postToSlackEndpoint } from '../../tools/slack-stand-in/slack-requests.js';
import { type BotChild, startBotChild } from '../support/bot-child.js';
import {
  ALICE,
  BOT_TOKEN,
  CALIQ_KEY,
  logModalSubmissionBody,
  SIGNING_SECRET,
  VALID_CALL,
} from '../support/bot-harness.js';

const VALUES = VALID_CALL;

describe('the journal across a crash of the bot process', () => {
  let folder: string;
  let sim: CaliqSimulator;
  let fake: FakeSlack;
  let env: Record<string, string>;
  const children: BotChild[] = [];
  let db: Database | undefined;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'caliq-slack-crash-'));
    const mapPath = join(folder, 'employee-map.csv');
    writeFileSync(mapPath, `slack_user_id,employee_id,email\n${ALICE},JSMITH,\n`);
    sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
    fake = await startFakeSlack();
    env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      CALIQ_BASE_URL: sim.url,
      CALIQ_API_KEY: CALIQ_KEY,
      // The delivery lease is timeout × attempts + 5 s: a short timeout keeps the wait after a crash near 6 s.
      CALIQ_TIMEOUT_MS: '1000',
      CALIQ_RETRIES: '0',
      EMPLOYEE_MAP: mapPath,
      DATABASE_PATH: join(folder, 'journal.db'),
      DELIVERY_RETRY_BASE_SECONDS: '0.1',
      DELIVERY_RETRY_MAX_SECONDS: '0.5',
      LOG_LEVEL: 'info',
    };
  });

  afterEach(async () => {
    for (const child of children.splice(0)) await child.kill('SIGKILL');
    db?.close();
    db = undefined;
    await sim.close();
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const startBot = async (): Promise<BotChild> => {
    const child = await startBotChild(env);
    children.push(child);
    return child;
  };

  /** The test's own connection to the bot's SQLite file. */
  const journalFile = (): JournalStore => {
    db ??= openDatabase(env.DATABASE_PATH as string);
    return createJournalStore(db);
  };

  const submit = async (child: BotChild, uniqueId: string) => {
    const reply = await postToSlackEndpoint(child.eventsUrl, logModalSubmissionBody(fake, uniqueId, VALUES), {
      signingSecret: SIGNING_SECRET,
    });
    expect(reply.status).toBe(200);
  };

  const creates = () => sim.received.filter((request) => request.endpoint === 'InteractionCreate');

  it('delivers every entry journaled before a SIGKILL exactly once after a restart', async () => {
    sim.setFaults({ down: true });
    const first = await startBot();
    const uniqueIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const uniqueId of uniqueIds) await submit(first, uniqueId);
    await vi.waitFor(
      async () => {
        for (const uniqueId of uniqueIds) {
          expect(await journalFile().get(uniqueId)).toMatchObject({
            state: 'pending',
            delayNoticeAt: expect.any(Date),
          });
        }
      },
      { timeout: 5000 },
    );
    await first.kill('SIGKILL');
    expect(sim.interactions).toHaveLength(0);

    sim.setFaults({ down: false });
    const second = await startBot();
    await vi.waitFor(
      async () => {
        for (const uniqueId of uniqueIds) expect((await journalFile().get(uniqueId))?.state).toBe('logged');
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(sim.interactions.map((stored) => stored.uniqueId).sort()).toEqual([...uniqueIds].sort());
    for (const uniqueId of uniqueIds) expect(sim.duplicateCount(uniqueId)).toBe(0);
    expect(await journalFile().countByState()).toEqual({ pending: 0, logged: 3, rejected: 0, failed: 0 });
    // The restarted bot tells the user by DM that each waiting entry is now in.
    await vi.waitFor(async () => {
      const dms = fake.callsTo('chat.postMessage').filter((call) => /now logged/.test(JSON.stringify(call.args)));
      expect(dms).toHaveLength(3);
    });
    await second.kill('SIGTERM');
  }, 40_000);

  it('resends under the same UniqueID after a SIGKILL between Caliq storing it and the journal recording it', async () => {
    const first = await startBot();
    // Start-up reads of Caliq are answered before the answers are held back.
    await vi.waitFor(async () => {
      expect(sim.received.length).toBeGreaterThanOrEqual(4);
      expect(sim.received.every((request) => request.status !== 0)).toBe(true);
    });
    sim.setFaults({ answerDelayMs: 60_000 });
    const uniqueId = randomUUID();
    await submit(first, uniqueId);
    await vi.waitFor(async () => expect(sim.interactions).toHaveLength(1), { timeout: 5000, interval: 10 });
    await first.kill('SIGKILL');
    expect(await journalFile().get(uniqueId)).toMatchObject({
      state: 'pending',
      attempts: 1,
      leaseUntil: expect.any(Date),
    });

    sim.setFaults({ answerDelayMs: 0 });
    const second = await startBot();
    await vi.waitFor(async () => expect((await journalFile().get(uniqueId))?.state).toBe('logged'), {
      timeout: 15_000,
      interval: 100,
    });
    expect(sim.interactions).toHaveLength(1);
    expect(sim.duplicateCount(uniqueId)).toBeGreaterThanOrEqual(1);
    expect(creates().length).toBeGreaterThanOrEqual(2);
    expect(new Set(creates().map((request) => (request.body as { UniqueID?: unknown }).UniqueID))).toEqual(
      new Set([uniqueId]),
    );
    const told = await fake.waitForResponse((response) => response.id === uniqueId);
    expect(JSON.stringify(told.body)).toMatch(/ACME01/);
    await second.kill('SIGTERM');
  }, 40_000);
});
