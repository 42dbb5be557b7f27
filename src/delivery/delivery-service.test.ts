// The delivery service on a real SQLite file and a real local Caliq: exactly one send, held answers, notices, backoff.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/server.js';
import { createCaliqClient } from '../caliq/client.js';
import type { CaliqClient, InteractionInput } from '../caliq/types.js';
import { createLogger } from '../logger.js';
import { StoreError } from '../store/errors.js';
import { type Database, openDatabase } from '../store/sqlite/database.js';
import { createJournalStore } from '../store/sqlite/journal-store.js';
import type { JournalEntry, JournalStore, NewJournalEntry } from '../store/types.js';
import { backoffDelay } from '../timing/backoff.js';
import { createDeliveryService, type DeliveryService, type DeliveryServiceOptions } from './delivery-service.js';
import { OutcomeNotRecordedError } from './keep-until-recorded.js';
import type { DeliveryNotices, DeliveryOutcome } from './types.js';

const API_KEY = 'sim-key-delivery-1';
const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const LEASE_MS = 30_000;
const RETRY_POLICY = { baseMs: 5_000, maxMs: 300_000, random: () => 0.5 };

let simulator: CaliqSimulator;
let dir: string;
let dbFile: string;
let databases: Database[];
let services: DeliveryService[];
let clients: CaliqClient[];
let lines: Array<Record<string, unknown>>;
let nowMs: number;

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

const now = () => new Date(nowMs);

const WRITES = [
  'claim',
  'renewLease',
  'markLogged',
  'markRejected',
  'markFailed',
  'markRetry',
  'noteDelayNotice',
  'noteGiveUpNotice',
] as const;
type Write = (typeof WRITES)[number];

/** A journal whose writes can be made to fail, as they do while PostgreSQL is away; the data stays in the real file. */
type FlakyJournal = JournalStore & {
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
function connectJournal(): JournalStore {
  const db = openDatabase(dbFile);
  databases.push(db);
  return createJournalStore(db);
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

type Told = { notice: keyof DeliveryNotices; uniqueId: string; late?: boolean; reason?: string };

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

type World = {
  service: DeliveryService;
  journal: FlakyJournal;
  told: Told[];
  counted: DeliveryOutcome[];
  loggedEntries: JournalEntry[];
};

function startWorld(overrides: Partial<DeliveryServiceOptions> = {}, retries = 0): World {
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

function interaction(uniqueId: string, accountNo = 'ACME01'): InteractionInput {
  return {
    uniqueId,
    channelId: 64,
    customer: { accountNo },
    kind: 'C',
    contactedBy: 'JSMITH',
    contact: { firstName: 'Alan', surname: 'Jones' },
    onDateTime: '2026-11-30T15:00:00.000Z',
    notes: 'Spring order',
  };
}

function newEntry(accountNo = 'ACME01'): NewJournalEntry {
  const uniqueId = randomUUID();
  return {
    uniqueId,
    slackUserId: 'U1',
    slackTeamId: 'T1',
    interaction: interaction(uniqueId, accountNo),
    draft: { accountNo, kind: 'C', notes: 'Spring order' },
    replyTo: { conversationId: 'C1' },
    followUpSlackUserId: undefined,
  };
}

/** InteractionCreate requests that reached Caliq for this UniqueID. */
const createsFor = (uniqueId: string) =>
  simulator.received.filter(
    (request) =>
      request.endpoint === 'InteractionCreate' && (request.body as { UniqueID?: unknown }).UniqueID === uniqueId,
  ).length;

const linesAbout = (uniqueId: string, msg: RegExp) =>
  lines.filter((line) => line.uniqueId === uniqueId && msg.test(String(line.msg)));

describe('when the journal cannot record Caliq’s answer', () => {
  it('holds an OK until the journal takes it: one InteractionCreate, recorded once, lease kept, UniqueID logged', async () => {
    const { service, journal, told, counted } = startWorld();
    const other = connectJournal();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    journal.failNext('markLogged', 2);
    let leaseWhileHeld: Date | undefined;
    let claimedByOther: JournalEntry | undefined;
    const realMarkLogged = journal.markLogged;
    journal.markLogged = async (...args) => {
      // Between the failed writes: the entry still carries this attempt's lease, so nobody else may take it.
      if (journal.failures('markLogged') === 1) {
        leaseWhileHeld = (await other.get(uniqueId))?.leaseUntil;
        claimedByOther = await other.claim(uniqueId, now(), new Date(nowMs + LEASE_MS));
      }
      return realMarkLogged(...args);
    };

    const result = await service.send(accepted);
    await service.stop();

    expect(result).toMatchObject({ status: 'sent', outcome: 'logged', entry: { state: 'logged', attempts: 1 } });
    expect(createsFor(uniqueId)).toBe(1);
    expect(journal.failures('markLogged')).toBe(2);
    expect(leaseWhileHeld).toEqual(new Date(T0 + LEASE_MS));
    expect(claimedByOther).toBeUndefined();
    expect(await other.get(uniqueId)).toMatchObject({ state: 'logged', loggedAt: new Date(T0), leaseUntil: undefined });
    expect(linesAbout(uniqueId, /could not record Caliq’s answer/)).toHaveLength(2);
    expect(linesAbout(uniqueId, /recorded Caliq’s answer after retrying/)).toMatchObject([{ failures: 2 }]);
    expect(lines.filter((line) => line.level === 50)).toEqual([]);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    expect(counted).toEqual(['logged']);
  });

  it('holds a rejection (Caliq’s issues) the same way and tells the user once it is recorded', async () => {
    const { service, journal, told, counted } = startWorld();
    const accepted = await service.accept(newEntry('NOPE99'));
    const { uniqueId } = accepted.stored;
    journal.failNext('markRejected', 2);

    const result = await service.send(accepted);
    await service.stop();

    expect(result).toMatchObject({ status: 'sent', outcome: 'rejected' });
    expect(createsFor(uniqueId)).toBe(1);
    expect(journal.failures('markRejected')).toBe(2);
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'rejected',
      issues: [{ id: 1, message: 'Customer not found', extraData: 'NOPE99' }],
      leaseUntil: undefined,
    });
    expect(linesAbout(uniqueId, /could not record Caliq’s answer/)).toMatchObject([
      { outcome: 'rejected', failures: 1 },
      { outcome: 'rejected', failures: 2 },
    ]);
    expect(told).toEqual([{ notice: 'rejected', uniqueId }]);
    expect(counted).toEqual(['rejected']);
  });

  it('renews the lease while it holds the answer, so a second instance does not send it again', async () => {
    const { service, journal, told } = startWorld();
    const second = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    const realMarkLogged = journal.markLogged;
    let journalBack = false;
    journal.markLogged = async (...args) => {
      if (!journalBack) throw new StoreError('The database did not answer');
      return realMarkLogged(...args);
    };

    const sending = service.send(accepted);
    await vi.waitFor(() => expect(linesAbout(uniqueId, /could not record/).length).toBeGreaterThan(0));
    // Two thirds of the lease gone: the holder's next round moves the lease on.
    nowMs = T0 + 20_000;
    await vi.waitFor(async () =>
      expect((await connectJournal().get(uniqueId))?.leaseUntil).toEqual(new Date(T0 + 20_000 + LEASE_MS)),
    );
    // Past the first lease: without the renewal the second instance would claim the entry and send it again.
    nowMs = T0 + LEASE_MS + 1_000;
    expect(await second.service.runOnce()).toBe(0);
    expect(createsFor(uniqueId)).toBe(1);

    journalBack = true;
    expect(await sending).toMatchObject({ status: 'sent', outcome: 'logged', entry: { state: 'logged' } });
    await service.stop();
    await second.service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect(linesAbout(uniqueId, /lease renewed/).length).toBeGreaterThan(0);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    expect(second.told).toEqual([]);
  });

  it('lets the answer go on shutdown with an error naming the UniqueID; the lease’s expiry sends it again', async () => {
    const { service, journal, told } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    const sending = service.send(accepted);
    journal.down();
    await vi.waitFor(() => expect(createsFor(uniqueId)).toBe(1));
    await vi.waitFor(() => expect(linesAbout(uniqueId, /could not record/).length).toBeGreaterThan(0));

    await service.stop();
    await expect(sending).rejects.toThrow(OutcomeNotRecordedError);
    expect(linesAbout(uniqueId, /before shutdown/)).toMatchObject([{ level: 50, outcome: 'logged' }]);
    expect(told).toEqual([]);
    expect(await connectJournal().get(uniqueId)).toMatchObject({ state: 'pending', attempts: 1 });

    // Another instance after the lease: Caliq already has the UniqueID and says so with OK, so it is logged once.
    const next = startWorld();
    nowMs = T0 + LEASE_MS;
    expect(await next.service.runOnce()).toBe(1);
    await next.service.stop();
    expect(simulator.interactions.filter((stored) => stored.uniqueId === uniqueId)).toHaveLength(1);
    expect(await connectJournal().get(uniqueId)).toMatchObject({ state: 'logged', attempts: 2 });
    expect(next.told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });

  it('leaves a new entry to the worker when it cannot be claimed right after the ack, and the worker sends it', async () => {
    const { service, journal, told } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    journal.failNext('claim', 1);

    expect(await service.send(accepted)).toMatchObject({ status: 'queued' });
    expect(createsFor(uniqueId)).toBe(0);
    expect(linesAbout(uniqueId, /could not claim a new entry/)).toHaveLength(1);

    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });

  it('leaves an entry Caliq did not take under its lease when the retry cannot be scheduled, then tries again', async () => {
    const { service, journal, told } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    simulator.failNext(1, '503');
    journal.failNext('markRetry', 1);

    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'unavailable' });
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'pending',
      leaseUntil: new Date(T0 + LEASE_MS),
    });
    expect(linesAbout(uniqueId, /could not schedule the next attempt/)).toHaveLength(1);
    expect(await service.runOnce()).toBe(0);

    nowMs = T0 + LEASE_MS;
    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(2);
    expect(await connectJournal().get(uniqueId)).toMatchObject({ state: 'logged', attempts: 2 });
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });
});

describe('normal deliveries', () => {
  it('logs an interaction, runs the after-logging step and tells the user', async () => {
    const { service, told, counted, loggedEntries } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'logged' });
    await service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect(loggedEntries).toMatchObject([{ uniqueId, state: 'logged' }]);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    expect(counted).toEqual(['logged']);
    expect(lines.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it('records a rejection with Caliq’s issues and does not send it again', async () => {
    const { service, told } = startWorld();
    const accepted = await service.accept(newEntry('NOPE99'));
    const { uniqueId } = accepted.stored;
    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'rejected' });
    nowMs = T0 + 10 * LEASE_MS;
    expect(await service.runOnce()).toBe(0);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect((await connectJournal().get(uniqueId))?.issues).toHaveLength(1);
    expect(told).toEqual([{ notice: 'rejected', uniqueId }]);
  });

  it('backs off while Caliq is unavailable, says so once, and tells the user late when it is logged', async () => {
    const { service, told, counted } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    simulator.setFaults({ down: true });

    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'unavailable' });
    const firstDelay = backoffDelay(1, RETRY_POLICY);
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'pending',
      nextAttemptAt: new Date(T0 + firstDelay),
      leaseUntil: undefined,
      delayNoticeAt: new Date(T0),
    });
    nowMs = T0 + firstDelay - 1;
    expect(await service.runOnce()).toBe(0);

    nowMs = T0 + firstDelay;
    expect(await service.runOnce()).toBe(1);
    expect((await connectJournal().get(uniqueId))?.nextAttemptAt).toEqual(
      new Date(nowMs + backoffDelay(2, RETRY_POLICY)),
    );

    simulator.setFaults({ down: false });
    nowMs += backoffDelay(2, RETRY_POLICY);
    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(3);
    expect(told).toEqual([
      { notice: 'savedForLater', uniqueId },
      { notice: 'logged', uniqueId, late: true },
    ]);
    expect(counted).toEqual(['unavailable', 'unavailable', 'logged']);
  });

  it('gives up after the give-up time, marks the entry failed and tells the user once', async () => {
    const { service, told, counted } = startWorld({ giveUpAfterMs: 60_000 });
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    simulator.setFaults({ down: true });
    await service.send(accepted);

    nowMs = T0 + 60_000;
    expect(await service.runOnce()).toBe(1);
    nowMs = T0 + 10 * 60_000;
    expect(await service.runOnce()).toBe(0);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(2);
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'failed',
      lastError: 'Caliq unavailable (service_unavailable); gave up after 2 attempts',
      giveUpNoticeAt: new Date(T0 + 60_000),
    });
    expect(told).toEqual([
      { notice: 'savedForLater', uniqueId },
      { notice: 'gaveUp', uniqueId },
    ]);
    expect(counted).toEqual(['unavailable', 'gave_up']);
  });

  it('answers a repeat submission of a logged entry without sending it again', async () => {
    const { service } = startWorld();
    const entry = newEntry();
    await service.send(await service.accept(entry));
    expect(await service.send(await service.accept(entry))).toMatchObject({ status: 'already_logged' });
    await service.stop();
    expect(createsFor(entry.uniqueId)).toBe(1);
  });
});
