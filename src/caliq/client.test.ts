// The Caliq client over real HTTP against the simulator: every outcome, retries, typed errors and log hygiene.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/server.js';
import { createLogger } from '../logger.js';
import { type CaliqClientOptions, createCaliqClient } from './client.js';
import {
  CaliqBadRequestError,
  CaliqError,
  CaliqInputError,
  CaliqResponseShapeError,
  CaliqUnauthorizedError,
  CaliqUnavailableError,
} from './errors.js';
import { createCaliqReferenceData } from './reference-data.js';
import type { InteractionInput } from './types.js';

const API_KEY = 'sim-key-7f3a9c2e51';
let simulator: CaliqSimulator;
let lines: string[];

beforeAll(async () => {
  simulator = await startCaliqSimulator({ apiKey: API_KEY });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.reset();
  lines = [];
});

/** A logger without `secrets`, so a key in a log line could only come from the client itself. */
function rawLogger() {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createLogger({ destination, level: 'debug' });
}

const clientFor = (overrides: Partial<CaliqClientOptions> = {}) =>
  createCaliqClient({
    baseUrl: simulator.url,
    apiKey: API_KEY,
    timeZone: 'Europe/London',
    dateFormat: "yyyy-MM-dd'T'HH:mm:ss",
    timeoutMs: 2000,
    retries: 2,
    retryBaseDelayMs: 5,
    logger: rawLogger(),
    ...overrides,
  });

const validInput = (overrides: Partial<InteractionInput> = {}): InteractionInput => ({
  uniqueId: randomUUID(),
  channelId: 64,
  customer: { accountNo: 'ACME01' },
  kind: 'C',
  contactedBy: 'JSMITH',
  contact: { firstName: 'Alan', surname: 'Jones' },
  onDateTime: '2026-07-15T15:00:00.000Z',
  notes: 'Spring order',
  ...overrides,
});

const sentUniqueIds = () => simulator.received.map((request) => (request.body as { UniqueID?: string }).UniqueID);

describe('createInteraction', () => {
  it('logs an interaction, formatted in Caliq zone', async () => {
    const input = validInput({ followUp: { at: '2026-01-10T09:00:00Z', by: 'RPATEL' } });
    const outcome = await clientFor().createInteraction(input);
    expect(outcome).toEqual({ status: 'logged', issues: [] });
    expect(simulator.interactions).toHaveLength(1);
    expect(simulator.interactions[0]?.body).toMatchObject({
      apiKey: API_KEY,
      UniqueID: input.uniqueId,
      OnDateTime: '2026-07-15T16:00:00',
      FollowUpDateTime: '2026-01-10T09:00:00',
    });
  });

  it('returns Caliq issues word for word when it rejects the data', async () => {
    const outcome = await clientFor().createInteraction(
      validInput({ customer: { accountNo: 'NOPE99' }, contactedBy: 'GHOST', channelId: 99 }),
    );
    expect(outcome).toEqual({
      status: 'rejected',
      issues: [
        { id: 3, message: 'Channel not found', extraData: '99' },
        { id: 1, message: 'Customer not found', extraData: 'NOPE99' },
        { id: 4, message: 'Employee not found', extraData: 'GHOST' },
      ],
    });
    expect(simulator.interactions).toHaveLength(0);
  });

  it('keeps the issues of a logged answer (a repeat is "already logged")', async () => {
    const client = clientFor();
    const input = validInput();
    await client.createInteraction(input);
    const again = await client.createInteraction(input);
    expect(again).toEqual({
      status: 'logged',
      issues: [{ id: 100, message: 'Interaction already logged', extraData: input.uniqueId }],
    });
    expect(simulator.interactions).toHaveLength(1);
  });

  it('answers unauthorized for a wrong key and never retries it', async () => {
    const outcome = await clientFor({ apiKey: 'wrong-key-123' }).createInteraction(validInput());
    expect(outcome).toEqual({ status: 'unauthorized' });
    expect(simulator.received).toHaveLength(1);
  });

  it('answers bad_request with Caliq text for a 400 and never retries it', async () => {
    const outcome = await clientFor({ baseUrl: garbageUrl }).createInteraction(validInput({ notes: 'status-400' }));
    expect(outcome).toEqual({ status: 'bad_request', message: 'The request is invalid.' });
    expect(garbageHits.filter((hit) => hit === '/api/v1/InteractionCreate')).toHaveLength(1);
  });

  it('retries a 503 with the same UniqueID and stops after success', async () => {
    simulator.failNext(2, '503');
    const input = validInput();
    const outcome = await clientFor().createInteraction(input);
    expect(outcome).toEqual({ status: 'logged', issues: [] });
    expect(sentUniqueIds()).toEqual([input.uniqueId, input.uniqueId, input.uniqueId]);
    expect(simulator.received.map((request) => request.status)).toEqual([503, 503, 200]);
    expect(simulator.interactions).toHaveLength(1);
    expect(simulator.duplicateCount(input.uniqueId)).toBe(0);
  });

  it('gives up as unavailable after the retries, re-sending identical bodies', async () => {
    simulator.setFaults({ down: true });
    const outcome = await clientFor({ retries: 3 }).createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'service_unavailable' });
    expect((outcome as { cause: unknown }).cause).toBeInstanceOf(Error);
    expect(simulator.received).toHaveLength(4);
    const bodies = simulator.received.map((request) => JSON.stringify(request.body));
    expect(new Set(bodies).size).toBe(1);
  });

  it('times out when Caliq is slower than the timeout, retrying each attempt', async () => {
    simulator.setFaults({ latencyMs: 400 });
    const started = Date.now();
    const outcome = await clientFor({ timeoutMs: 100, retries: 1 }).createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'timeout' });
    expect(simulator.received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('recovers from a held request by retrying the same UniqueID', async () => {
    simulator.failNext(1, 'timeout');
    const input = validInput();
    const outcome = await clientFor({ timeoutMs: 150 }).createInteraction(input);
    expect(outcome).toEqual({ status: 'logged', issues: [] });
    expect(sentUniqueIds()).toEqual([input.uniqueId, input.uniqueId]);
  });

  it('reports a dropped connection as a network failure, and recovers when it comes back', async () => {
    simulator.failNext(3, 'drop');
    const outcome = await clientFor().createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'network' });
    expect(simulator.received).toHaveLength(3);
    simulator.failNext(1, 'drop');
    expect(await clientFor().createInteraction(validInput())).toMatchObject({ status: 'logged' });
  });

  it('reports a closed port as a network failure', async () => {
    const outcome = await clientFor({ baseUrl: closedUrl, retries: 1 }).createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'network' });
  });

  it.each([
    ['html', 'the answer was not JSON (starts with "<html><body>Server Error</body></html>")'],
    ['empty', 'the answer was empty'],
    ['wrong-shape', 'InteractionAddData.OK: Invalid input: expected boolean, received string'],
    ['status-500', 'HTTP 500 is not a documented answer'],
  ])('answers unexpected_response for %s', async (kind, problem) => {
    const outcome = await clientFor({ baseUrl: garbageUrl }).createInteraction(validInput({ notes: kind }));
    expect(outcome).toEqual({ status: 'unexpected_response', problem });
  });

  it('throws a CaliqInputError before sending anything when the input breaks the rules', async () => {
    await expect(clientFor().createInteraction(validInput({ kind: 'Z' as never }))).rejects.toBeInstanceOf(
      CaliqInputError,
    );
    expect(simulator.received).toHaveLength(0);
  });
});

describe('list endpoints', () => {
  it('read channels, customers, employees, messages and the pulse', async () => {
    const client = clientFor();
    expect(await client.listChannels()).toContainEqual({ id: 64, description: 'Sales Rep' });
    const customers = await client.listCustomers();
    expect(customers).toHaveLength(8);
    expect(customers).toContainEqual({ id: 1001, accountNo: 'ACME01' });
    expect(await client.listCustomers('20260201')).toEqual([
      { id: 1002, accountNo: 'BRIG02' },
      { id: 1004, accountNo: 'DUND01' },
      { id: 1008, accountNo: 'HULL04' },
    ]);
    expect(await client.listCustomers('20990101')).toEqual([]);
    expect(await client.listCustomersWithOrders(64)).toEqual([
      { id: 1001, accountNo: 'ACME01', name: 'Acme Engineering Ltd', orderCount: 3, osValue: 376.5 },
      { id: 1004, accountNo: 'DUND01', name: 'Dundee Marine Parts', orderCount: 2, osValue: 251 },
      { id: 1007, accountNo: 'GLOS11', name: 'Gloucester Tiles & Stone', orderCount: 4, osValue: 502 },
    ]);
    expect(await client.listCustomersWithOrders(999)).toEqual([]);
    expect(await client.listEmployees()).toContainEqual({
      id: 'JSMITH',
      name: 'Jane Smith',
      email: 'jane.smith@example.com',
    });
    expect(await client.listMessages()).toContainEqual({ id: 100, description: 'Interaction already logged' });
    expect((await client.pulse()).secondsFromMidnight).toBeGreaterThanOrEqual(0);
    expect(simulator.received.find((request) => request.endpoint === 'Pulse')?.body).toEqual({});
    expect(simulator.received.find((request) => request.endpoint === 'CustomerChange')?.body).toEqual({
      apiKey: API_KEY,
      ChangesSince: '',
    });
  });

  it('throw typed errors, each a CaliqError', async () => {
    await expect(clientFor({ apiKey: 'bad-key-999' }).listChannels()).rejects.toBeInstanceOf(CaliqUnauthorizedError);
    expect(simulator.received).toHaveLength(1);

    simulator.setFaults({ down: true });
    const unavailable = await clientFor({ retries: 1 })
      .listEmployees()
      .catch((error: unknown) => error);
    expect(unavailable).toBeInstanceOf(CaliqUnavailableError);
    expect(unavailable).toBeInstanceOf(CaliqError);
    expect((unavailable as CaliqUnavailableError).reason).toBe('service_unavailable');
    expect((unavailable as CaliqUnavailableError).cause).toBeInstanceOf(Error);
    expect(simulator.received).toHaveLength(3);
    simulator.setFaults({ down: false });

    const shape = await clientFor({ baseUrl: garbageUrl })
      .listChannels()
      .catch((error: unknown) => error);
    expect(shape).toBeInstanceOf(CaliqResponseShapeError);
    expect((shape as Error).message).toContain('ChannelList.0.ID');
    await expect(clientFor({ baseUrl: garbageUrl }).pulse()).rejects.toThrow(/not JSON/);
    await expect(clientFor({ baseUrl: garbageUrl }).listEmployees()).rejects.toBeInstanceOf(CaliqResponseShapeError);
    await expect(clientFor({ baseUrl: garbageUrl }).listMessages()).rejects.toBeInstanceOf(CaliqBadRequestError);
    expect(await clientFor({ baseUrl: garbageUrl }).listCustomers()).toEqual([]);
    await expect(clientFor().listCustomers('2026-01-01')).rejects.toBeInstanceOf(CaliqInputError);
  });
});

describe('logs', () => {
  it('never contain the API key, with or without the logger secrets, on success and on every failure', async () => {
    const secretLines: string[] = [];
    const secretLogger = createLogger({
      destination: new Writable({
        write(chunk, _encoding, done) {
          secretLines.push(String(chunk));
          done();
        },
      }),
      secrets: [API_KEY],
      level: 'trace',
    });
    for (const logger of [rawLogger(), secretLogger]) {
      const client = clientFor({ logger, timeoutMs: 150, retries: 1 });
      const input = validInput();
      await client.createInteraction(input);
      await client.createInteraction(validInput({ customer: { accountNo: 'NOPE99' } }));
      simulator.failNext(1, 'timeout');
      simulator.failNext(1, 'drop');
      await client.createInteraction(validInput());
      simulator.failNext(2, '503');
      await client.listChannels().catch(() => undefined);
      await clientFor({ logger, baseUrl: garbageUrl })
        .listChannels()
        .catch(() => undefined);
      await clientFor({ logger, baseUrl: garbageUrl }).createInteraction(validInput({ notes: 'status-400' }));
      await clientFor({ logger, baseUrl: closedUrl, retries: 0 })
        .listEmployees()
        .catch(() => undefined);
      // The reference caches log the client's errors whole (message, cause, stack): those must be clean too.
      await createCaliqReferenceData(clientFor({ logger, apiKey: `${API_KEY}-wrong` }), {
        ttlMs: 1000,
        logger,
      }).warmUp();
      await createCaliqReferenceData(clientFor({ logger, baseUrl: closedUrl, retries: 0 }), {
        ttlMs: 1000,
        logger,
      }).warmUp();
    }
    const all = [...lines, ...secretLines];
    expect(all.length).toBeGreaterThan(20);
    for (const line of all) expect(line).not.toContain(API_KEY);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.some((entry) => entry.module === 'caliq' && entry.reason === 'timeout')).toBe(true);
    expect(entries.some((entry) => entry.reason === 'network' && entry.failure?.message)).toBe(true);
    expect(entries.some((entry) => entry.err?.type === 'CaliqUnauthorizedError')).toBe(true);
    expect(entries.some((entry) => entry.err?.type === 'CaliqUnavailableError' && entry.err.cause)).toBe(true);
    const call = entries.find((entry) => entry.endpoint === 'InteractionCreate' && entry.status === 200);
    expect(call).toMatchObject({
      module: 'caliq',
      attempt: 1,
      uniqueId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });
});

// A tiny local server that answers what real Caliq should not, chosen by the Notes of the body.
let garbage: Server;
let garbageUrl: string;
let closedUrl: string;
const garbageHits: string[] = [];

beforeAll(async () => {
  garbage = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      garbageHits.push(request.url ?? '');
      const notes = (JSON.parse(Buffer.concat(chunks).toString()) as { Notes?: string }).Notes;
      const endpoint = request.url?.split('/').pop();
      const send = (status: number, text: string, type = 'application/json') =>
        response.writeHead(status, { 'content-type': type }).end(text);
      if (endpoint === 'Channel') return send(200, '{"ChannelList":[{"ID":"sixty-four","Description":"x"}]}');
      if (endpoint === 'Pulse') return send(200, '<html>ok</html>', 'text/html');
      if (endpoint === 'Employee') return send(200, '{"Message":"An error has occurred."}');
      if (endpoint === 'Message') return send(400, 'Bad apiKey format', 'text/plain');
      if (endpoint === 'CustomerChange') return response.writeHead(204).end();
      if (notes === 'html') return send(200, '<html><body>Server Error</body></html>', 'text/html');
      if (notes === 'empty') return send(200, '');
      if (notes === 'wrong-shape') return send(200, '{"InteractionAddData":{"OK":"yes"}}');
      if (notes === 'status-400') return send(400, 'The request is invalid.', 'text/plain');
      return send(500, 'boom', 'text/plain');
    });
  });
  await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
  garbageUrl = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
  // A port that was just free and is closed again: connections are refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => {
  garbage.closeAllConnections();
  return new Promise((resolve) => garbage.close(resolve));
});
