// `npm run demo` as a user runs it: a child process that must show the logged answer and the reminder, exit 0 and clean up.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../../tools/demo/main.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe('npm run demo', () => {
  let folder: string | undefined;

  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('plays a call from the command to the reminder DM, exits 0 and leaves no files or processes behind', async () => {
    folder = mkdtempSync(join(tmpdir(), 'caliq-slack-demo-test-'));
    const work = folder;
    // Its own temp folder (TMPDIR), so the test can see the demo removed everything it wrote.
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', TSX_LOADER, DEMO],
        { cwd: work, env: { PATH: process.env.PATH ?? '', TMPDIR: work, TZ: 'UTC' }, timeout: 50_000 },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('/log-interaction call ACME01 yesterday 3pm');
    // The modal rendered as text: its title, prefilled fields, a hint and its buttons.
    expect(out).toMatch(/┌─ Log interaction/);
    expect(out).toMatch(/Customer: \[ ACME01 · [^\]]+ ▾ \] {2}\(search as you type\)/);
    expect(out).toMatch(/Type: \(•\) Call {2}\( \) Email {2}\( \) Visit/);
    expect(out).toMatch(/When \(optional\): \[ yesterday 3pm \]\n.*↳ Type a date/);
    expect(out).toMatch(/└─ \[ Cancel \] {2}\[ Log \]/);
    expect(out).toMatch(/✅ Logged call with ACME01 \(Jane Smith\)/);
    expect(out).toMatch(/⏰ Time to follow up with ACME01/);
    expect(out).toMatch(/\[ Done \] {2}\[ Log follow-up \] {2}\[ Snooze… ▾/);
    expect(out).toMatch(/Caliq holds the interaction [0-9a-f-]{36} once and the journal says logged/);
    // tsx keeps its compile cache there too; the demo's own folder (database, employee map) must be gone.
    expect(readdirSync(work).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
  }, 60_000);
});
