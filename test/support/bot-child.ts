// Runs the real entry point (src/main.ts) in a child process, so a test can SIGKILL the bot and start it again.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export type BotChild = {
  port: number;
  baseUrl: string;
  /** `http://127.0.0.1:PORT/slack/events`. */
  eventsUrl: string;
  /** stdout and stderr lines (pino JSON and any crash text), for failure messages. */
  output: string[];
  /** Sends the signal and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
};

/** A port nobody listens on right now: the bot is told it, since PORT=0 would not tell us which one it took. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

async function waitUntilHealthy(child: ChildProcess, baseUrl: string, output: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}:\n${output.join('\n')}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the bot did not answer /healthz within ${timeoutMs} ms:\n${output.join('\n')}`);
}

/**
 * Starts `node --import tsx src/main.ts` with exactly `env` (plus PORT and TZ) with an empty folder as its working and
 * home folder (CALIQ_SLACK_HOME), so no stray `.env` is read, and resolves once GET /healthz answers.
 */
export async function startBotChild(env: Record<string, string>, options: { readyTimeoutMs?: number } = {}) {
  const port = await findFreePort();
  const folder = mkdtempSync(join(tmpdir(), 'caliq-slack-child-'));
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    cwd: folder,
    // CALIQ_SLACK_HOME: relative paths and .env are read from the empty folder, never from the checkout.
    env: { CALIQ_SLACK_HOME: folder, ...env, PORT: String(port), TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', () => rmSync(folder, { recursive: true, force: true }));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(child, baseUrl, output, options.readyTimeoutMs ?? 20_000);
  const bot: BotChild = {
    port,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    output,
    async kill(signal) {
      const done = exited(child);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await done;
    },
  };
  return bot;
}
