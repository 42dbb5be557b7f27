// `npm start` that cannot start: an empty environment, a PostgreSQL server that is not there, a refused Slack token;
// one message, no secret.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../support/bot-child.js';
import { startTinyServer } from '../support/tiny-http.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');

describe('start-up without configuration', () => {
  it('exits non-zero with one message listing what is missing, and prints no secret', () => {
    const emptyFolder = mkdtempSync(join(tmpdir(), 'caliq-slack-noenv-'));
    try {
      const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'src', 'main.ts')], {
        cwd: emptyFolder,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: emptyFolder,
          CALIQ_SLACK_HOME: emptyFolder,
          CALIQ_API_KEY: 'not-a-url-key-secret',
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).not.toBe(0);
      const output = `${result.stderr}${result.stdout}`;
      expect(output).toContain('Configuration is incomplete');
      for (const name of ['SLACK_BOT_TOKEN', 'CALIQ_BASE_URL', 'SLACK_SIGNING_SECRET']) expect(output).toContain(name);
      expect(output).not.toContain('CALIQ_API_KEY is');
      expect(output).not.toContain('not-a-url-key-secret');
      expect(output.match(/Configuration is incomplete/g)).toHaveLength(1);
    } finally {
      rmSync(emptyFolder, { recursive: true, force: true });
    }
  });
});

describe('start-up with PostgreSQL unreachable', () => {
  it('exits non-zero with one message naming the host and database, never the password', async () => {
    const emptyFolder = mkdtempSync(join(tmpdir(), 'caliq-slack-nodb-'));
    const closedPort = await findFreePort();
    try {
      const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'src', 'main.ts')], {
        cwd: emptyFolder,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: emptyFolder,
          CALIQ_SLACK_HOME: emptyFolder,
          SLACK_BOT_TOKEN: 'xoxb-start-up-test-token',
          SLACK_SIGNING_SECRET: 'start-up-signing-secret',
          CALIQ_BASE_URL: 'http://127.0.0.1:9',
          CALIQ_API_KEY: 'start-up-caliq-key',
          DATABASE_URL: `postgres://caliq:Sup3r-S3cret-pw@127.0.0.1:${closedPort}/caliq_prod`,
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).not.toBe(0);
      const output = `${result.stderr}${result.stdout}`;
      expect(output).toContain(`127.0.0.1:${closedPort}`);
      expect(output).toContain('caliq_prod');
      expect(output).toMatch(/could not start: Could not reach PostgreSQL/);
      expect(output).not.toContain('Sup3r-S3cret-pw');
      // One line on stderr; stdout has only the 'starting' line naming the paths.
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(emptyFolder, { recursive: true, force: true });
    }
  });
});

describe('start-up with a Slack token that Slack refuses', () => {
  it('exits 78 with one message naming SLACK_BOT_TOKEN, after naming where its files are', async () => {
    const emptyFolder = mkdtempSync(join(tmpdir(), 'caliq-slack-badtoken-'));
    const slack = await startTinyServer();
    slack.answer('/api/auth.test', { json: { ok: false, error: 'invalid_auth' } });
    const caliq = await startTinyServer();
    caliq.answer('/api/v1/Channel', { json: { ChannelList: [] } });
    try {
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        execFile(
          join(repoRoot, 'node_modules', '.bin', 'tsx'),
          [join(repoRoot, 'src', 'main.ts')],
          {
            cwd: emptyFolder,
            timeout: 20_000,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: emptyFolder,
              CALIQ_SLACK_HOME: emptyFolder,
              SLACK_BOT_TOKEN: 'xoxb-refused-bot-token',
              SLACK_SIGNING_SECRET: 'start-up-signing-secret',
              SLACK_API_URL: `${slack.url}/api/`,
              CALIQ_BASE_URL: caliq.url,
              CALIQ_API_KEY: 'start-up-caliq-key',
              PORT: '0',
            },
          },
          (error, stdout, stderr) => done({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
      });
      expect(result.code).toBe(78);
      expect(result.stderr.trim()).toBe(
        'caliq-slack could not start: Slack refused SLACK_BOT_TOKEN (auth.test answered invalid_auth): copy the Bot User OAuth Token (xoxb-…) from the Slack app page → OAuth & Permissions (reinstall the app if it was revoked).',
      );
      expect(`${result.stdout}${result.stderr}`).not.toContain('xoxb-refused-bot-token');
      // The first log line says where the database and the employee map are: in the home folder, not the checkout.
      expect(JSON.parse(result.stdout.split('\n')[0] ?? '{}')).toMatchObject({
        msg: 'caliq-slack is starting',
        home: emptyFolder,
        database: join(emptyFolder, 'data', 'caliq-slack.db'),
        employeeMap: join(emptyFolder, 'employee-map.csv'),
      });
    } finally {
      await Promise.all([slack.close(), caliq.close()]);
      rmSync(emptyFolder, { recursive: true, force: true });
    }
  });
});
