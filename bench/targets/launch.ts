// How the bench launches its targets as child processes: the bot (dist/main.js or src/main.ts), bare Bolt, the peer.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildService, findFreePort, startChildService } from '../load/child-service.js';
import { BENCH_BOT_TOKEN, BENCH_CALIQ_KEY, BENCH_SIGNING_SECRET, CALLBACK, COMMAND } from '../load/fixtures.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** How the bot runs: compiled (realistic start-up) or through tsx when the build is not available. */
export type BotRuntime = 'dist' | 'tsx';

export type BotLaunch = {
  runtime: BotRuntime;
  simUrl: string;
  slackApiUrl: string;
  employeeMapPath: string;
  databasePath: string;
  /** The child's working directory: a temp folder, so a developer's .env is never read. */
  cwd: string;
  cpuProfDir?: string;
  env?: Record<string, string>;
  /** Another build's main.js (bench:compare runs an older revision beside this one); default this checkout's. */
  entry?: string;
};

const tsxLoader = (): string => import.meta.resolve('tsx');

export type DistBuild = { ok: boolean; emitted: boolean; firstError: string };

/**
 * Compiles a checkout (`folder`, default this one) into its dist/ with this checkout's tsc. tsc still emits when it
 * reports type errors, so `emitted` says whether a fresh dist/main.js is there whatever `ok` says.
 */
export function buildDist(folder: string = REPO_ROOT): DistBuild {
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const entry = join(folder, 'dist', 'main.js');
  const startedAt = Date.now();
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: folder, encoding: 'utf8' });
  const firstError = `${result.stdout}${result.stderr}`.split('\n').find((line) => line.trim() !== '') ?? 'no output';
  const emitted = existsSync(entry) && statSync(entry).mtimeMs >= startedAt - 1000;
  return { ok: result.status === 0, emitted, firstError: firstError.trim() };
}

/**
 * The Node flags `npm start` gives the bot, read from the `exec node … dist/main.js` line of scripts/start.sh (the one
 * place they are set), so the bench runs it alike. Fails loudly when that line is gone, rather than running the bot
 * with other heap limits than production's.
 */
export function startNodeFlags(): string[] {
  const script = readFileSync(join(REPO_ROOT, 'scripts', 'start.sh'), 'utf8');
  const line = script.split('\n').find((text) => /^\s*exec node\b.*dist\/main\.js/.test(text));
  if (!line) throw new Error('scripts/start.sh has no `exec node … dist/main.js` line to take the Node flags from');
  return line
    .trim()
    .split(/\s+/)
    .filter((word) => word.startsWith('--'));
}

const profileArgs = (dir: string | undefined, name: string, perThread = false): string[] => {
  if (!dir) return [];
  const folder = resolve(REPO_ROOT, 'bench', dir, perThread ? name : '');
  mkdirSync(folder, { recursive: true });
  if (perThread) return ['--cpu-prof', '--cpu-prof-dir', folder];
  return ['--cpu-prof', '--cpu-prof-dir', folder, '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`];
};

export function describeBotCommand(runtime: BotRuntime): string {
  const flags = startNodeFlags().join(' ');
  return runtime === 'dist' ? `node ${flags} dist/main.js` : `node ${flags} --import tsx src/main.ts`;
}

/** What every target is told about Slack: the bench's credentials, the fake Web API, its port; production mode. */
const slackEnv = (port: number, slackApiUrl: string): Record<string, string> => ({
  NODE_ENV: 'production',
  SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
  SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
  SLACK_API_URL: slackApiUrl,
  PORT: String(port),
});

export async function startBotProcess(launch: BotLaunch): Promise<ChildService> {
  const port = await findFreePort();
  const entry = launch.entry
    ? [launch.entry]
    : launch.runtime === 'dist'
      ? [join(REPO_ROOT, 'dist', 'main.js')]
      : ['--import', tsxLoader(), join(REPO_ROOT, 'src', 'main.ts')];
  return startChildService({
    name: 'bot',
    args: [...startNodeFlags(), ...profileArgs(launch.cpuProfDir, 'bot'), ...entry],
    cwd: launch.cwd,
    port,
    env: {
      ...slackEnv(port, launch.slackApiUrl),
      CALIQ_BASE_URL: launch.simUrl,
      CALIQ_API_KEY: BENCH_CALIQ_KEY,
      EMPLOYEE_MAP: launch.employeeMapPath,
      DATABASE_PATH: launch.databasePath,
      LOG_LEVEL: 'warn',
      ...launch.env,
    },
  });
}

export type BaselineLaunch = { slackApiUrl: string; modalPath: string; cwd: string; cpuProfDir?: string | undefined };

/** A Bolt app of the bench's own (bench/targets/<file>) through the tsx loader, with the bench's Slack credentials. */
async function startBoltTarget(
  name: string,
  file: string,
  launch: BaselineLaunch,
  env: Record<string, string>,
): Promise<ChildService> {
  const port = await findFreePort();
  return startChildService({
    name,
    args: [
      ...profileArgs(launch.cpuProfDir, name, true),
      '--import',
      tsxLoader(),
      join(REPO_ROOT, 'bench', 'targets', file),
    ],
    cwd: launch.cwd,
    port,
    env: { ...slackEnv(port, launch.slackApiUrl), ...env },
  });
}

/** Bare Bolt: acks, opens the static modal, acks submissions. */
export function startBaselineProcess(launch: BaselineLaunch): Promise<ChildService> {
  return startBoltTarget('baseline', 'bare-bolt-app.ts', launch, {
    BASELINE_MODAL_PATH: launch.modalPath,
    BASELINE_COMMAND: COMMAND,
    BASELINE_CALLBACK_ID: CALLBACK.logModal,
  });
}

export type PeerLaunch = BaselineLaunch & { simUrl: string; employeeMapPath: string };

/** The tutorial peer: the same Caliq simulator, API key and employee map as the bot. */
export function startPeerProcess(launch: PeerLaunch): Promise<ChildService> {
  return startBoltTarget('peer', 'tutorial-peer-app.ts', launch, {
    PEER_MODAL_PATH: launch.modalPath,
    CALIQ_BASE_URL: launch.simUrl,
    CALIQ_API_KEY: BENCH_CALIQ_KEY,
    EMPLOYEE_MAP: launch.employeeMapPath,
  });
}
