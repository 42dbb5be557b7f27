// The stage every bench entry point sets up: a temp folder, the Caliq simulator, the fake Slack, mapped users, and a
// launcher per target; `close` stops whatever was launched and removes the folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import type { ChildService } from '../load/child-service.js';
import {
  BENCH_CALIQ_KEY,
  type BenchUser,
  createBenchUsers,
  writeEmployeeMap,
  writeStaticModal,
} from '../load/fixtures.js';
import { type BotRuntime, startBaselineProcess, startBotProcess, startPeerProcess } from './launch.js';

export type RigOptions = {
  /** One mapped Slack user per load client. */
  clients: number;
  caliqLatencyMs: number;
  runtime: BotRuntime;
  /** Where the bots' SQLite files go; default the rig's temp folder. */
  dbDir?: string;
  cpuProfDir?: string;
};

/** What a bot launch may change: its database file, extra environment, or another build's main.js. */
export type BotStart = { databasePath?: string; env?: Record<string, string>; entry?: string };

export type Rig = {
  folder: string;
  dbFolder: string;
  sim: CaliqSimulator;
  fake: FakeSlack;
  users: readonly BenchUser[];
  employeeMapPath: string;
  startBot(start?: BotStart): Promise<ChildService>;
  startBaseline(): Promise<ChildService>;
  startPeer(): Promise<ChildService>;
  close(): Promise<void>;
};

export async function startRig(options: RigOptions): Promise<Rig> {
  const folder = mkdtempSync(join(tmpdir(), 'caliq-slack-bench-'));
  const dbFolder = options.dbDir ? mkdtempSync(join(options.dbDir, 'caliq-slack-bench-db-')) : folder;
  const sim = await startCaliqSimulator({ apiKey: BENCH_CALIQ_KEY, faults: { latencyMs: options.caliqLatencyMs } });
  const fake = await startFakeSlack();
  const users = createBenchUsers(Math.max(options.clients, 1));
  const employeeMapPath = writeEmployeeMap(folder, users);
  const modalPath = writeStaticModal(folder, fake.responseUrl('bench'));
  const running: ChildService[] = [];
  const track = (service: ChildService): ChildService => {
    running.push(service);
    return service;
  };
  let databases = 0;
  return {
    folder,
    dbFolder,
    sim,
    fake,
    users,
    employeeMapPath,
    startBot: async (start = {}) =>
      track(
        await startBotProcess({
          runtime: options.runtime,
          simUrl: sim.url,
          slackApiUrl: fake.apiUrl,
          employeeMapPath,
          databasePath: start.databasePath ?? join(dbFolder, `bot-${++databases}.db`),
          cwd: folder,
          cpuProfDir: options.cpuProfDir,
          env: start.env ?? {},
          ...(start.entry ? { entry: start.entry } : {}),
        }),
      ),
    startBaseline: async () =>
      track(
        await startBaselineProcess({
          slackApiUrl: fake.apiUrl,
          modalPath,
          cwd: folder,
          cpuProfDir: options.cpuProfDir,
        }),
      ),
    startPeer: async () =>
      track(
        await startPeerProcess({
          slackApiUrl: fake.apiUrl,
          modalPath,
          cwd: folder,
          simUrl: sim.url,
          employeeMapPath,
          cpuProfDir: options.cpuProfDir,
        }),
      ),
    async close() {
      await Promise.allSettled(running.map((service) => service.stop()));
      await Promise.allSettled([sim.close(), fake.close()]);
      rmSync(folder, { recursive: true, force: true });
      rmSync(dbFolder, { recursive: true, force: true });
    },
  };
}
