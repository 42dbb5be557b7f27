// The /readyz checks against real local servers for Slack and Caliq and a real SQLite file: a wrong key, a refused
// token, a read-only database and a Caliq outage each make it not ready, naming the cause, at one call per interval.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogs } from '../test/support/log-capture.js';
import { closedPort, startTinyServer, type TinyServer } from '../test/support/tiny-http.js';
import { loadConfig } from './config.js';
import { createHealthHandlers } from './health.js';
import { createReadinessChecks, type ReadinessChecks } from './readiness.js';
import { createJournalStore, type Database, openDatabase } from './store/index.js';

const BOT_TOKEN = 'xoxb-readiness-bot-token';
const CALIQ_KEY = 'readiness-caliq-key';

let slack: TinyServer;
let caliq: TinyServer;
let folder: string;
let file: string;
let db: Database;
let readiness: ReadinessChecks | undefined;

beforeEach(async () => {
  [slack, caliq] = await Promise.all([startTinyServer(), startTinyServer()]);
  slack.answer('/api/auth.test', (request) =>
    request.authorization === `Bearer ${BOT_TOKEN}`
      ? { json: { ok: true, team: 'Acme', user_id: 'U0BOT' } }
      : { json: { ok: false, error: 'invalid_auth' } },
  );
  caliq.answer('/api/v1/Channel', (request) =>
    JSON.parse(request.body).apiKey === CALIQ_KEY ? { json: { ChannelList: [] } } : { status: 401, text: '' },
  );
  caliq.answer('/api/v1/Pulse', { json: { SecondsFromMidnight: 1.5 } });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-readiness-'));
  file = path.join(folder, 'bot.db');
  db = openDatabase(file);
});

afterEach(async () => {
  await readiness?.close();
  readiness = undefined;
  if (db.open) db.close();
  await Promise.all([slack.close(), caliq.close()]);
  fs.rmSync(folder, { recursive: true, force: true });
});

const storesOn = (database: Database) => ({
  journal: createJournalStore(database),
  check: async () => void database.prepare('SELECT 1').get(),
  description: `SQLite at ${file}`,
});

function handlersWith(env: Record<string, string> = {}, options: { cacheMs?: number; database?: Database } = {}) {
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: 'readiness-signing-secret',
    SLACK_API_URL: `${slack.url}/api/`,
    CALIQ_BASE_URL: caliq.url,
    CALIQ_API_KEY: CALIQ_KEY,
    ...env,
  });
  const { logger, lines: raw } = captureLogs();
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  readiness = createReadinessChecks(config, { stores: storesOn(options.database ?? db), logger });
  const health = createHealthHandlers(readiness.checks, { cacheMs: options.cacheMs ?? 0, logger });
  return { health, lines };
}

describe('createReadinessChecks', () => {
  it('is ready when Caliq takes the key, the database a write and Slack the token', async () => {
    const { health } = handlersWith();
    expect(await health.readiness()).toEqual({
      status: 'ready',
      failed: [],
      checks: [
        { name: 'caliq', ok: true },
        { name: 'database', ok: true },
        { name: 'slack', ok: true },
      ],
    });
    // The key was sent, to an endpoint that needs it (Pulse takes none, so it proves nothing about the key).
    expect(caliq.requests.map((r) => [r.path, JSON.parse(r.body).apiKey])).toEqual([['/api/v1/Channel', CALIQ_KEY]]);
  });

  it('is not ready with a wrong CALIQ_API_KEY, although Caliq answers Pulse', async () => {
    const { health } = handlersWith({ CALIQ_API_KEY: 'a-wrong-key' });
    const report = await health.readiness();
    expect(report.failed).toEqual(['caliq']);
    expect(report.checks[0]?.error).toBe(
      `Caliq at ${caliq.url} refused CALIQ_API_KEY (401 on Channel): set the key issued by Caliq support.`,
    );
  });

  it('is not ready when Slack refuses the bot token, naming SLACK_BOT_TOKEN', async () => {
    const { health } = handlersWith({ SLACK_BOT_TOKEN: 'xoxb-a-revoked-token' });
    const report = await health.readiness();
    expect(report.failed).toEqual(['slack']);
    expect(report.checks[2]?.error).toMatch(/^Slack refused SLACK_BOT_TOKEN \(auth\.test answered invalid_auth\)/);
  });

  it('is not ready when the database answers reads but refuses writes', async () => {
    db.close();
    const readOnly = new BetterSqlite3(file, { readonly: true });
    try {
      const { health } = handlersWith({}, { database: readOnly });
      const report = await health.readiness();
      expect(report.failed).toEqual(['database']);
      expect(report.checks[1]?.error).toBe(
        `SQLite at ${file} did not take a write: attempt to write a readonly database`,
      );
    } finally {
      readOnly.close();
    }
  });

  it('while Caliq is down costs one call and one warning per interval, naming the URL', async () => {
    const port = await closedPort();
    const { health, lines } = handlersWith({ CALIQ_BASE_URL: `http://127.0.0.1:${port}` }, { cacheMs: 60_000 });
    for (let probe = 0; probe < 3; probe++) await Promise.all([health.readiness(), health.readiness()]);
    const report = await health.readiness();
    expect(report.failed).toEqual(['caliq']);
    expect(report.checks[0]?.error).toBe(
      `Caliq at http://127.0.0.1:${port} could not be reached (ECONNREFUSED) on Channel`,
    );
    expect(slack.requests).toHaveLength(1);
    const warnings = lines().filter((line) => Number(line.level) >= 40);
    expect(warnings.map((line) => line.msg)).toEqual([`readiness check caliq is failing: ${report.checks[0]?.error}`]);
  });

  it('asks a Caliq that answers 503 once per interval, with no retries of its own', async () => {
    caliq.answer('/api/v1/Channel', { status: 503, text: 'Service Unavailable' });
    const { health } = handlersWith({ CALIQ_RETRIES: '2' }, { cacheMs: 60_000 });
    await Promise.all(Array.from({ length: 5 }, () => health.readiness()));
    const report = await health.readiness();
    expect(report.checks[0]?.error).toBe(`Caliq at ${caliq.url} answered 503 on Channel`);
    expect(caliq.requests).toHaveLength(1);
  });
});
