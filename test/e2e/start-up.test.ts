// `npm start` with an empty environment: exits non-zero with one message naming every missing variable.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
