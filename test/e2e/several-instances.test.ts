// Two real bot processes on one PostgreSQL database: shared work is done once, a killed instance's work is taken over.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createPool, createSql, describeTarget } from '../../src/store/postgres/connection.js';
import { createPostgresJournalStore } from '../../src/store/postgres/journal-store.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { createPostgresReminderStore } from '../../src/store/postgres/reminder-store.js';
import type { JournalStore, ReminderStore } from '../../src/store/types.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { postToSlackEndpoint } from '../../tools/slack-stand-in/slack-requests.js';
import { type BotChild, startBotChild } from '../support/bot-child.js';
import { ALICE, BOT_TOKEN, CALIQ_KEY, logModalSubmissionBody, SIGNING_SECRET } from '../support/bot-harness.js';
import { describePostgres, dropSchema, TEST_DATABASE_URL, uniqueSchema, withTestClient } from '../support/postgres.js';
import { sampleInteraction } from '../support/sample-interaction.js';

describePostgres('several bot processes on one PostgreSQL database', () => {
  let folder: string;
  let sim: CaliqSimulator;
  let fake: FakeSlack;
  let schema: string;
  let env: Record<string, string>;
  let pool: ReturnType<typeof createPool> | undefined;
  const children: BotChild[] = [];

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'caliq-slack-instances-'));
    const mapPath = join(folder, 'employee-map.csv');
    writeFileSync(mapPath, `slack_user_id,employee_id,email\n${ALICE},JSMITH,\n`);
    sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
    fake = await startFakeSlack();
    schema = uniqueSchema('instances');
    env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      CALIQ_BASE_URL: sim.url,
      CALIQ_API_KEY: CALIQ_KEY,
      CALIQ_TIMEOUT_MS: '1500',
      CALIQ_RETRIES: '0',
      EMPLOYEE_MAP: mapPath,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      DATABASE_POOL_SIZE: '4',
      // An attempt holds its entry for 2 s: after a crash, the other instance takes it over that soon.
      DELIVERY_LEASE_SECONDS: '2',
      DELIVERY_POLL_SECONDS: '0.3',
      DELIVERY_RETRY_BASE_SECONDS: '0.1',
      DELIVERY_RETRY_MAX_SECONDS: '0.5',
      REMINDER_POLL_SECONDS: '1',
      LOG_LEVEL: 'info',
    };
  });

  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.kill('SIGKILL')));
    await pool?.end();
    pool = undefined;
    await sim.close();
    await fake.close();
    await dropSchema(schema);
    rmSync(folder, { recursive: true, force: true });
  });

  const startBots = async (count: number): Promise<BotChild[]> => {
    const started = await Promise.all(Array.from({ length: count }, () => startBotChild(env)));
    children.push(...started);
    return started;
  };

  /** The test's own view of the bots' database. */
  const stores = (): { journal: JournalStore; reminders: ReminderStore } => {
    pool ??= createPool({ url: TEST_DATABASE_URL, poolSize: 2, statementTimeoutMs: 5000, schema });
    const sql = createSql(pool, describeTarget(TEST_DATABASE_URL));
    return { journal: createPostgresJournalStore(sql), reminders: createPostgresReminderStore(sql) };
  };

  const submission = (uniqueId: string): string => logModalSubmissionBody(fake, uniqueId);

  const submit = async (child: BotChild, body: string) => {
    const reply = await postToSlackEndpoint(child.eventsUrl, body, { signingSecret: SIGNING_SECRET });
    expect(reply.status).toBe(200);
  };

  const createsOf = (uniqueId: string) =>
    sim.received.filter(
      (request) =>
        request.endpoint === 'InteractionCreate' && (request.body as { UniqueID?: unknown }).UniqueID === uniqueId,
    );

  it('migrates once when both start at the same moment', async () => {
    const [a, b] = await startBots(2);
    const lines = [...(a?.output ?? []), ...(b?.output ?? [])];
    expect(lines.filter((line) => line.includes('database migrated'))).toHaveLength(1);
    const versions = await withTestClient((client) =>
      client.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`),
    );
    expect(versions.rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
  });

  it('sends the same view submitted to both at once to Caliq once', async () => {
    const [a, b] = await startBots(2);
    if (!a || !b) throw new Error('two bots expected');
    const uniqueId = randomUUID();
    const body = submission(uniqueId);
    await Promise.all([submit(a, body), submit(b, body)]);
    await vi.waitFor(async () => expect((await stores().journal.get(uniqueId))?.state).toBe('logged'), {
      timeout: 10_000,
    });
    // Long enough for a second attempt, had either instance made one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(createsOf(uniqueId)).toHaveLength(1);
    expect(sim.interactions).toHaveLength(1);
    expect((await stores().journal.get(uniqueId))?.attempts).toBe(1);
  });

  it('sends each follow-up that falls due while both run as one DM', async () => {
    await startBots(2);
    const { reminders } = stores();
    const ids: string[] = [];
    const now = new Date();
    for (let i = 0; i < 12; i += 1) {
      const uniqueId = randomUUID();
      const interaction = sampleInteraction(uniqueId, {
        contact: { firstName: 'Jane', surname: 'Smith' },
        notes: `Follow-up ${i}`,
        followUp: { at: now.toISOString(), by: 'JSMITH', notes: `Call back ${i}` },
      });
      const created = await reminders.create(
        { uniqueId, recipientSlackUserId: ALICE, loggedBySlackUserId: ALICE, dueAt: now, interaction },
        now,
      );
      ids.push(created.id);
    }
    await vi.waitFor(
      async () => {
        for (const id of ids) expect((await reminders.get(id))?.state).toBe('sent');
      },
      { timeout: 15_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const dms = fake.callsTo('chat.postMessage').filter((call) => call.args.channel === `D${ALICE}`);
    expect(dms).toHaveLength(ids.length);
    for (let i = 0; i < ids.length; i += 1) {
      expect(
        dms.filter((call) => JSON.stringify(call.args).includes(`Call back ${i}"`)),
        `reminder ${i}`,
      ).toHaveLength(1);
    }
  });

  it('delivers, once Caliq is back, what a SIGKILLed instance held while Caliq was down', async () => {
    const [a, b] = await startBots(2);
    if (!a || !b) throw new Error('two bots expected');
    const { journal } = stores();

    // Saved while Caliq answers 503: pending, waiting for a retry.
    sim.setFaults({ down: true });
    const saved = randomUUID();
    await submit(a, submission(saved));
    await vi.waitFor(async () => expect((await journal.get(saved))?.delayNoticeAt).toBeInstanceOf(Date));

    // Caliq hangs: A's attempt at the next entry holds its lease when A is killed.
    sim.setFaults({ down: false, latencyMs: 60_000 });
    const held = randomUUID();
    await submit(a, submission(held));
    await vi.waitFor(() => expect(createsOf(held).length).toBeGreaterThan(0));
    await a.kill('SIGKILL');
    const leased = await journal.get(held);
    expect(leased).toMatchObject({ state: 'pending', attempts: 1 });
    expect(leased?.leaseUntil?.getTime()).toBeGreaterThan(Date.now() - 500);

    sim.setFaults({ latencyMs: 0 });
    await vi.waitFor(
      async () => {
        expect((await journal.get(saved))?.state).toBe('logged');
        expect((await journal.get(held))?.state).toBe('logged');
      },
      { timeout: 15_000 },
    );
    expect((await journal.get(held))?.attempts).toBeGreaterThanOrEqual(2);
    for (const uniqueId of [saved, held]) {
      expect(sim.interactions.filter((stored) => stored.uniqueId === uniqueId)).toHaveLength(1);
      expect(sim.duplicateCount(uniqueId)).toBe(0);
    }
    expect(b.output.join('\n')).toContain(held);
  });
});
