// `npm start` that cannot start: an empty environment, or a PostgreSQL server that is not there; one message, no secret.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../support/bot-child.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');

describe('start-up without configuration', () => {
  it('exits non-zero with one message listing what is missing, and prints no secret', () => {
    const emptyFolder = mkdtempSync(join(tmpdir(), 'caliq-slack-noenv-'));
    try {
      const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'src', 'main.ts')], {
        cwd: emptyFolder,
        env: { PATH: process.env.PATH ?? '', HOME: emptyFolder, CALIQ_API_KEY: 'not-a-url-key-secret' },
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
      expect(output.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(emptyFolder, { recursive: true, force: true });
    }
  });
});
