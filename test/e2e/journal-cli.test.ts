// The journal CLI as a separate process on the file a running bot (also its own process) is writing.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournalStore, type Database, openDatabase } from '../../src/store/index.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { postToSlackEndpoint } from '../../tools/slack-stand-in/slack-requests.js';
import { type BotChild, startBotChild } from '../support/bot-child.js';
import { ALICE, BOT_TOKEN, CALIQ_KEY, logModalSubmissionBody, SIGNING_SECRET } from '../support/bot-harness.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

type CliRun = { code: number; stdout: string; stderr: string };

describe('the journal CLI beside a running bot', () => {
  let folder: string;
  let sim: CaliqSimulator;
  let fake: FakeSlack;
  let bot: BotChild | undefined;
  let databasePath: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'caliq-slack-cli-'));
    databasePath = join(folder, 'journal.db');
    sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
    fake = await startFakeSlack();
  });

  afterEach(async () => {
    db?.close();
    db = undefined;
    await bot?.kill('SIGKILL');
    bot = undefined;
    await sim.close();
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** `node --import tsx src/cli.ts …` in an empty folder, so no stray .env is read. */
  const cli = (...args: string[]): Promise<CliRun> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', TSX_LOADER, CLI, ...args],
        {
          cwd: folder,
          env: { CALIQ_SLACK_HOME: folder, DATABASE_PATH: databasePath, TZ: 'UTC', PATH: process.env.PATH ?? '' },
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });

  const submit = async (uniqueId: string) => {
    const reply = await postToSlackEndpoint(bot?.eventsUrl ?? '', logModalSubmissionBody(fake, uniqueId), {
      signingSecret: SIGNING_SECRET,
    });
    expect(reply.status).toBe(200);
  };

  /** The test's own connection to the bot's file, for polling (a CLI process per poll is slow on a busy machine). */
  let db: Database | undefined;
  const stateOf = async (uniqueId: string): Promise<string | undefined> => {
    db ??= openDatabase(databasePath);
    return (await createJournalStore(db).get(uniqueId))?.state;
  };

  it('lists, shows, exports and retries a given-up entry, which the running bot then delivers', async () => {
    const mapPath = join(folder, 'employee-map.csv');
    writeFileSync(mapPath, `slack_user_id,employee_id,email\n${ALICE},JSMITH,\n`);
    bot = await startBotChild({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      CALIQ_BASE_URL: sim.url,
      CALIQ_API_KEY: CALIQ_KEY,
      CALIQ_TIMEOUT_MS: '1000',
      CALIQ_RETRIES: '0',
      EMPLOYEE_MAP: mapPath,
      DATABASE_PATH: databasePath,
      DELIVERY_RETRY_BASE_SECONDS: '0.1',
      DELIVERY_RETRY_MAX_SECONDS: '0.2',
      // About a second of Caliq being down, then the bot gives up on an entry.
      DELIVERY_GIVE_UP_HOURS: '0.0003',
      LOG_LEVEL: 'info',
    });
    const logged = randomUUID();
    const gaveUp = randomUUID();
    await submit(logged);
    await vi.waitFor(async () => expect(await stateOf(logged)).toBe('logged'), { timeout: 10_000, interval: 200 });
    sim.setFaults({ down: true });
    await submit(gaveUp);
    await vi.waitFor(async () => expect(await stateOf(gaveUp)).toBe('failed'), { timeout: 10_000, interval: 200 });
    const shown = await cli('show', gaveUp, '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({
      uniqueId: gaveUp,
      state: 'failed',
      lastError: expect.stringMatching(/gave up/),
    });

    const listed = await cli('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${gaveUp}\\s+failed\\s+form\\s+${ALICE}\\s+ACME01\\s+call`, 'm'));
    expect(listed.stdout).toMatch(new RegExp(`^${logged}\\s+logged\\s+form\\s+${ALICE}`, 'm'));

    const exported = await cli('export', '--format', 'csv');
    expect(exported.code).toBe(0);
    const rows = parse(exported.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.uniqueId, row.state])).toEqual([
      [gaveUp, 'failed'],
      [logged, 'logged'],
    ]);

    sim.setFaults({ down: false });
    const retried = await cli('retry', gaveUp);
    expect(retried).toMatchObject({ code: 0, stderr: '' });
    expect(retried.stdout).toContain(`${gaveUp} is pending again (was failed)`);
    // The bot's worker finds it on its next look at the journal (at most 15 s) and sends it under the same UniqueID.
    await vi.waitFor(async () => expect(await stateOf(gaveUp)).toBe('logged'), { timeout: 30_000, interval: 200 });
    expect(sim.interactions.map((stored) => stored.uniqueId).sort()).toEqual([logged, gaveUp].sort());
    // …and tells the user where they submitted it, as for any retry.
    await fake.waitForResponse((response) => response.id === gaveUp && /ACME01/.test(JSON.stringify(response.body)));

    expect((await cli('retry', logged)).code).toBe(5);
    expect(await cli('show', 'not-a-known-id')).toMatchObject({ code: 3, stdout: '' });
    await bot.kill('SIGTERM');
  }, 90_000);

  it('exits 4 with a plain message when the database file does not exist', async () => {
    const result = await cli('list');
    expect(result).toMatchObject({ code: 4, stdout: '' });
    expect(result.stderr).toContain(`There is no journal at ${databasePath}`);
  });
});
