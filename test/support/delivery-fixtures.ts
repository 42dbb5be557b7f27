// Shared setup for the delivery service's tests: a real SQLite file, a local Caliq, a journal that can fail, a clock.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createCaliqClient } from '../../src/caliq/client.js';
import type { CaliqClient } from '../../src/caliq/types.js';
import {
  createDeliveryService,
  type DeliveryService,
  type DeliveryServiceOptions,
} from '../../src/delivery/delivery-service.js';
import type { DeliveryNotices, DeliveryOutcome } from '../../src/delivery/types.js';
import { createLogger } from '../../src/logger.js';
import { StoreError } from '../../src/store/errors.js';
import { type Database, openDatabase } from '../../src/store/sqlite/database.js';
import { createJournalStore } from '../../src/store/sqlite/journal-store.js';
import { createReminderStore } from '../../src/store/sqlite/reminder-store.js';
import type { JournalEntry, JournalStore, NewJournalEntry, ReminderStore } from '../../src/store/types.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/server.js';
import { sampleInteraction, sampleNewEntry } from './sample-interaction.js';

const API_KEY = 'sim-key-delivery-1';
export const T0 = Date.parse('2026-12-01T10:00:00.000Z');
export const LEASE_MS = 30_000;
export const RETRY_POLICY = { baseMs: 5_000, maxMs: 300_000, random: () => 0.5 };

// Exported bindings are live: a test reads the current value; only setNow() moves the clock.
export let simulator: CaliqSimulator;
/** Every log line of the test, parsed. */
export let lines: Array<Record<string, unknown>>;
export let nowMs: number;
let dir: string;
let dbFile: string;
let databases: Database[];
let services: DeliveryService[];
let clients: CaliqClient[];

/** Registers the hooks: one simulator for the file; a fresh database file, log and clock for each test. */
export function setUpDeliveryTests(): void {
  beforeAll(async () => {
    simulator = await startCaliqSimulator({ apiKey: API_KEY });
  });
  afterAll(() => simulator.close());
  beforeEach(() => {
    simulator.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-delivery-'));
    dbFile = path.join(dir, 'bot.db');
    databases = [];
    services = [];
    clients = [];
    lines = [];
    nowMs = T0;
  });
  afterEach(async () => {
    for (const service of services) await service.stop().catch(() => undefined);
    for (const client of clients) await client.close();
    for (const db of databases) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

export const setNow = (ms: number): void => {
  nowMs = ms;
};

export const now = () => new Date(nowMs);

const WRITES = [
  'claim',
  'renewLease',
  'release',
  'markLogged',
  'markRejected',
  'markFailed',
  'markRetry',
  'noteDelayNotice',
  'noteGiveUpNotice',
  'noteOutcomesTold',
] as const;
type Write = (typeof WRITES)[number];

/** A journal whose writes can be made to fail, as they do while PostgreSQL is away; the data stays in the real file. */
export type FlakyJournal = JournalStore & {
  /** The next `count` calls of `method` fail. */
  failNext(method: Write, count: number): void;
  /** Every write fails until `up()`. */
  down(): void;
  up(): void;
  failures(method: Write): number;
};

function flaky(inner: JournalStore): FlakyJournal {
  const toFail = new Map<Write, number>();
  const failed = new Map<Write, number>();
  let isDown = false;
  const store = { ...inner } as FlakyJournal;
  for (const method of WRITES) {
    const real = inner[method] as (...args: unknown[]) => Promise<unknown>;
    (store as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const left = toFail.get(method) ?? 0;
      if (isDown || left > 0) {
        toFail.set(method, Math.max(left - 1, 0));
        failed.set(method, (failed.get(method) ?? 0) + 1);
        throw new StoreError('The database did not answer', {
          cause: new Error('connect ECONNREFUSED 127.0.0.1:5432'),
        });
      }
      return real(...args);
    };
  }
  store.failNext = (method, count) => toFail.set(method, count);
  store.down = () => {
    isDown = true;
  };
  store.up = () => {
    isDown = false;
  };
  store.failures = (method) => failed.get(method) ?? 0;
  return store;
}

/** A new connection to the test's database file, as another process would have. */
export function connectJournal(): JournalStore {
  const db = openDatabase(dbFile);
  databases.push(db);
  return createJournalStore(db);
}

/** The reminders on a new connection to the test's database file. */
export function connectReminders(): ReminderStore {
  const db = openDatabase(dbFile);
  databases.push(db);
  return createReminderStore(db);
}

function caliqClient(retries = 0): CaliqClient {
  const client = createCaliqClient({
    baseUrl: simulator.url,
    apiKey: API_KEY,
    timeZone: 'Europe/London',
    dateFormat: "yyyy-MM-dd'T'HH:mm:ss",
    timeoutMs: 2000,
    retries,
    retryBaseDelayMs: 5,
    logger: logger(),
  });
  clients.push(client);
  return client;
}

function logger() {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return createLogger({ destination, level: 'debug' });
}

export type Told = { notice: keyof DeliveryNotices; uniqueId: string; late?: boolean; reason?: string };

function recordingNotices(told: Told[]): DeliveryNotices {
  const note = (notice: keyof DeliveryNotices) => async (entry: JournalEntry) => {
    told.push({ notice, uniqueId: entry.uniqueId });
  };
  return {
    async logged(entry, { late }) {
      told.push({ notice: 'logged', uniqueId: entry.uniqueId, late });
    },
    rejected: note('rejected'),
    savedForLater: note('savedForLater'),
    misconfigured: note('misconfigured'),
    async failed(entry, reason) {
      told.push({ notice: 'failed', uniqueId: entry.uniqueId, reason });
    },
    gaveUp: note('gaveUp'),
  };
}

export type World = {
  service: DeliveryService;
  journal: FlakyJournal;
  told: Told[];
  counted: DeliveryOutcome[];
  loggedEntries: JournalEntry[];
};

export function startWorld(overrides: Partial<DeliveryServiceOptions> = {}, retries = 0): World {
  const journal = flaky(connectJournal());
  const told: Told[] = [];
  const counted: DeliveryOutcome[] = [];
  const loggedEntries: JournalEntry[] = [];
  const service = createDeliveryService({
    journal,
    caliq: caliqClient(retries),
    notices: recordingNotices(told),
    logger: logger(),
    now,
    onLogged: (entry) => {
      loggedEntries.push(entry);
    },
    giveUpAfterMs: 60 * 60_000,
    leaseMs: LEASE_MS,
    backoff: RETRY_POLICY,
    recordBackoff: { baseMs: 5, maxMs: 20 },
    concurrency: 4,
    observer: { journaled: () => undefined, outcome: (outcome) => counted.push(outcome) },
    ...overrides,
  });
  services.push(service);
  return { service, journal, told, counted, loggedEntries };
}

export function newEntry(accountNo = 'ACME01'): NewJournalEntry {
  const uniqueId = randomUUID();
  return sampleNewEntry(uniqueId, {
    interaction: sampleInteraction(uniqueId, {
      customer: { accountNo },
      onDateTime: '2026-11-30T15:00:00.000Z',
      notes: 'Spring order',
    }),
    draft: { accountNo, kind: 'C', notes: 'Spring order' },
    replyTo: { conversationId: 'C1' },
  });
}

/** InteractionCreate requests that reached Caliq for this UniqueID. */
export const createsFor = (uniqueId: string) =>
  simulator.received.filter(
    (request) =>
      request.endpoint === 'InteractionCreate' && (request.body as { UniqueID?: unknown }).UniqueID === uniqueId,
  ).length;

export const linesAbout = (uniqueId: string, msg: RegExp) =>
  lines.filter((line) => line.uniqueId === uniqueId && msg.test(String(line.msg)));
