// Start-up checks against real local HTTP servers standing in for Slack's Web API and Caliq: each refusal names its
// variable, each unreachable server its URL, and nothing waits longer than the bound.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogs } from '../test/support/log-capture.js';
import { closedPort, startTinyServer, type TinyServer } from '../test/support/tiny-http.js';
import { loadConfig } from './config.js';
import { EXIT_REFUSED, EXIT_UNREACHABLE, runStartupChecks, StartupCheckError } from './startup-checks.js';

const BOT_TOKEN = 'xoxb-startup-check-bot-token';
const APP_TOKEN = 'xapp-1-startup-check-app-token';
const CALIQ_KEY = 'startup-check-caliq-key';

let slack: TinyServer;
let caliq: TinyServer;

beforeEach(async () => {
  [slack, caliq] = await Promise.all([startTinyServer(), startTinyServer()]);
  slack.answer('/api/auth.test', { json: { ok: true, team: 'Acme', user_id: 'U0BOT', bot_id: 'B0BOT' } });
  slack.answer('/api/apps.connections.open', { json: { ok: true, url: 'wss://example.invalid/link' } });
  caliq.answer('/api/v1/Channel', (request) =>
    JSON.parse(request.body).apiKey === CALIQ_KEY
      ? { json: { ChannelList: [{ ID: 64, Description: 'Sales Rep' }] } }
      : { status: 401, text: '' },
  );
});

afterEach(async () => {
  await Promise.all([slack.close(), caliq.close()]);
});

const configWith = (env: Record<string, string> = {}) =>
  loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: 'startup-check-signing-secret',
    SLACK_API_URL: `${slack.url}/api/`,
    CALIQ_BASE_URL: caliq.url,
    CALIQ_API_KEY: CALIQ_KEY,
    ...env,
  });

async function failureOf(promise: Promise<unknown>): Promise<StartupCheckError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof StartupCheckError)) throw new Error(`expected a StartupCheckError, got ${String(error)}`);
  return error;
}

describe('runStartupChecks', () => {
  it('passes when Slack accepts the bot token and Caliq the key, asking each once with the right credential', async () => {
    const { logger, lines: raw } = captureLogs();
    const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    const result = await runStartupChecks(configWith(), { logger });
    expect(result).toEqual({ slack: { team: 'Acme', botUserId: 'U0BOT' }, warnings: [] });
    expect(slack.requests.map((r) => [r.path, r.authorization])).toEqual([['/api/auth.test', `Bearer ${BOT_TOKEN}`]]);
    expect(caliq.requests).toHaveLength(1);
    expect(lines().filter((line) => line.level === 40)).toEqual([]);
  });

  it('names SLACK_BOT_TOKEN when Slack answers invalid_auth, with exit code 78 and no secret', async () => {
    slack.answer('/api/auth.test', { json: { ok: false, error: 'invalid_auth' } });
    const error = await failureOf(runStartupChecks(configWith(), { logger: captureLogs().logger }));
    expect(error.exitCode).toBe(EXIT_REFUSED);
    expect(error.message).toMatch(/^Slack refused SLACK_BOT_TOKEN \(auth\.test answered invalid_auth\): copy the Bot/);
    expect(error.message).not.toContain('SLACK_APP_TOKEN');
    expect(error.message).not.toContain(BOT_TOKEN);
  });

  it('in Socket Mode asks apps.connections.open with the app token and names SLACK_APP_TOKEN when it is refused', async () => {
    slack.answer('/api/apps.connections.open', { json: { ok: false, error: 'invalid_auth' } });
    const error = await failureOf(
      runStartupChecks(configWith({ SLACK_APP_TOKEN: APP_TOKEN }), { logger: captureLogs().logger }),
    );
    expect(error.problems.map((p) => p.check)).toEqual(['slack-app-token']);
    expect(error.message).toMatch(/^Slack refused SLACK_APP_TOKEN \(apps\.connections\.open answered invalid_auth\)/);
    expect(error.message).toContain('connections:write');
    expect(slack.requests.find((r) => r.path === '/api/apps.connections.open')?.authorization).toBe(
      `Bearer ${APP_TOKEN}`,
    );
  });

  it('names CALIQ_API_KEY and the Caliq host when Caliq answers 401', async () => {
    const error = await failureOf(
      runStartupChecks(configWith({ CALIQ_API_KEY: 'a-wrong-caliq-key' }), { logger: captureLogs().logger }),
    );
    expect(error.exitCode).toBe(EXIT_REFUSED);
    expect(error.message).toBe(
      `Caliq at ${caliq.url} refused CALIQ_API_KEY (401 on Channel): set the key issued by Caliq support.`,
    );
  });

  it('lists every refused credential at once', async () => {
    slack.answer('/api/auth.test', { json: { ok: false, error: 'token_revoked' } });
    const error = await failureOf(
      runStartupChecks(configWith({ CALIQ_API_KEY: 'a-wrong-caliq-key' }), { logger: captureLogs().logger }),
    );
    expect(error.problems.map((p) => p.check)).toEqual(['slack-bot-token', 'caliq']);
    expect(error.message).toMatch(/^2 start-up checks failed:\n {2}- Slack refused SLACK_BOT_TOKEN .*\n {2}- Caliq at/);
  });

  it('gives up on an unreachable Slack within the bound, naming the URL and the reason', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await failureOf(
      runStartupChecks(configWith({ SLACK_API_URL: `http://127.0.0.1:${port}/api/` }), {
        logger: captureLogs().logger,
        timeoutMs: 1500,
      }),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.exitCode).toBe(EXIT_UNREACHABLE);
    expect(error.message).toBe(
      `Slack's Web API at http://127.0.0.1:${port}/api/auth.test could not be reached within 1.5 s (ECONNREFUSED) while checking SLACK_BOT_TOKEN; check the network, any proxy, and SLACK_API_URL.`,
    );
  });

  it('gives up on a Slack that accepts the connection but never answers, within the bound', async () => {
    slack.answer('/api/auth.test', 'hang');
    const started = Date.now();
    const error = await failureOf(runStartupChecks(configWith(), { logger: captureLogs().logger, timeoutMs: 1200 }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.message).toMatch(/auth\.test could not be reached within 1\.2 s/);
  });

  it('tries Slack again while it answers 503, and passes once it answers', async () => {
    let calls = 0;
    slack.answer('/api/auth.test', () =>
      ++calls < 3 ? { status: 503, text: 'busy' } : { json: { ok: true, team: 'Acme', user_id: 'U0BOT' } },
    );
    await runStartupChecks(configWith(), { logger: captureLogs().logger, timeoutMs: 10_000 });
    expect(calls).toBe(3);
  });

  it('starts with one warning naming the URL when Caliq cannot be reached (the journal holds interactions)', async () => {
    const port = await closedPort();
    const { logger, lines: raw } = captureLogs();
    const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    const result = await runStartupChecks(configWith({ CALIQ_BASE_URL: `http://127.0.0.1:${port}` }), { logger });
    expect(result.warnings.map((w) => w.check)).toEqual(['caliq']);
    const warnings = lines().filter((line) => line.level === 40);
    expect(warnings.map((line) => line.msg)).toEqual([
      `Caliq at http://127.0.0.1:${port} could not be reached (ECONNREFUSED) on Channel; starting anyway: interactions wait in the journal until Caliq answers. Check CALIQ_BASE_URL if this lasts.`,
    ]);
  });

  it('refuses a CALIQ_BASE_URL that answers like a web site, not like Caliq', async () => {
    const error = await failureOf(
      runStartupChecks(configWith({ CALIQ_BASE_URL: `${caliq.url}/wrong` }), { logger: captureLogs().logger }),
    );
    expect(error.message).toMatch(
      new RegExp(
        `^Caliq at ${caliq.url}/wrong did not answer like Caliq's API \\(.*HTTP 404.*\\); check CALIQ_BASE_URL`,
      ),
    );
  });
});
