// A local Caliq API over real HTTP, with Caliq's status codes, rules and injectable faults, for tests and manual runs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { generateCustomers } from './generate.js';
import { createRandom } from './random.js';
import { alreadyLoggedIssue, judgeInteraction, SIMULATOR_MESSAGES } from './rules.js';
import { readDefaultSeed, type SimulatorSeed } from './seed.js';

export type SimulatorFaults = {
  /** Delay before every answer. */
  latencyMs: number;
  /** Delay after the request was processed (and an interaction stored) before the answer is sent. */
  answerDelayMs: number;
  /** Share (0..1) of requests answered 503. */
  unavailableRate: number;
  /** Share (0..1) of requests whose connection is destroyed without an answer. */
  dropRate: number;
  /** Every request answered 503. */
  down: boolean;
};

export type FaultKind = '503' | 'drop' | 'timeout' | '401';

/** `status` is 0 while unanswered, and stays 0 for dropped and held ('timeout') requests. */
export type ReceivedRequest = { endpoint: string; body: unknown; at: number; status: number };

export type StoredInteraction = {
  uniqueId: string;
  customerId: number | undefined;
  body: Record<string, unknown>;
  at: number;
};

export type CaliqSimulatorOptions = {
  port?: number;
  host?: string;
  apiKey?: string;
  seed?: SimulatorSeed;
  /** Adds this many generated customers (half with names and back orders) to the seed, for load tests. */
  generatedCustomers?: number;
  faults?: Partial<SimulatorFaults>;
  /** Seed of the fault dice, so a rate gives the same sequence on every run. */
  randomSeed?: number;
  logger?: Logger;
};

export type CaliqSimulator = {
  url: string;
  received: ReceivedRequest[];
  interactions: StoredInteraction[];
  duplicateCount(uniqueId: string): number;
  setFaults(faults: Partial<SimulatorFaults>): void;
  failNext(count: number, kind?: FaultKind): void;
  reset(): void;
  close(): Promise<void>;
};

const NO_FAULTS: SimulatorFaults = { latencyMs: 0, answerDelayMs: 0, unavailableRate: 0, dropRate: 0, down: false };

const ENDPOINTS = [
  'InteractionCreate',
  'Channel',
  'Employee',
  'Pulse',
  'CustomerChange',
  'CustomersWithOrders',
  'Message',
] as const;
type Endpoint = (typeof ENDPOINTS)[number];

type Answer = { status: number; json?: unknown; text?: string };

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export async function startCaliqSimulator(options: CaliqSimulatorOptions = {}): Promise<CaliqSimulator> {
  const apiKey = options.apiKey ?? 'sim-api-key';
  const baseSeed = options.seed ?? readDefaultSeed();
  const seed: SimulatorSeed = options.generatedCustomers
    ? {
        ...baseSeed,
        customers: [
          ...baseSeed.customers,
          ...generateCustomers(options.generatedCustomers, {
            channelIds: baseSeed.channels.map((channel) => channel.ID),
          }),
        ],
      }
    : baseSeed;
  const logger = options.logger?.child({ module: 'caliq-simulator' });
  const random = createRandom(options.randomSeed ?? 20_261_125);
  let faults: SimulatorFaults = { ...NO_FAULTS, ...options.faults };
  let queuedFaults: FaultKind[] = [];
  const received: ReceivedRequest[] = [];
  const interactions: StoredInteraction[] = [];
  const duplicates = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function createInteraction(body: Record<string, unknown>): Answer {
    const uniqueId = typeof body.UniqueID === 'string' ? body.UniqueID.trim() : '';
    if (uniqueId !== '' && interactions.some((stored) => stored.uniqueId === uniqueId)) {
      duplicates.set(uniqueId, (duplicates.get(uniqueId) ?? 0) + 1);
      const issues = [alreadyLoggedIssue(uniqueId)];
      return { status: 200, json: { InteractionAddData: { OK: true, InteractionCreateIssues: issues } } };
    }
    const { issues, customerId } = judgeInteraction(body, seed);
    if (issues.length === 0) interactions.push({ uniqueId, customerId, body, at: Date.now() });
    return { status: 200, json: { InteractionAddData: { OK: issues.length === 0, InteractionCreateIssues: issues } } };
  }

  function listCustomers(body: Record<string, unknown>): Answer {
    const since = typeof body.ChangesSince === 'string' ? body.ChangesSince.trim() : '';
    if (since !== '' && !/^\d{8}$/.test(since)) return { status: 400, text: 'ChangesSince must be YYYYMMDD' };
    const changed = seed.customers.filter((c) => since === '' || (c.ChangedOn !== undefined && c.ChangedOn >= since));
    if (changed.length === 0) return { status: 204 };
    return { status: 200, json: { CustomerChangeList: changed.map((c) => ({ ID: c.ID, AccountNo: c.AccountNo })) } };
  }

  /** Customers with back orders on the channel asked about; 400 without a channel, 204 when none. */
  function listCustomersWithOrders(body: Record<string, unknown>): Answer {
    const channelId = Number(body.ChannelID);
    if (!Number.isInteger(channelId) || channelId <= 0) return { status: 400, text: 'ChannelID must be a channel ID' };
    const withOrders = seed.customers.filter(
      (c) => (c.OrderCount ?? 0) > 0 && c.Name !== undefined && c.OrderChannelID === channelId,
    );
    if (withOrders.length === 0) return { status: 204 };
    const list = withOrders.map((c) => ({
      ID: c.ID,
      AccountNo: c.AccountNo,
      Name: c.Name,
      OrderCount: c.OrderCount,
      OSValue: (c.OrderCount ?? 0) * 125.5,
    }));
    return { status: 200, json: { CustomerWithOrderList: list } };
  }

  function answerEndpoint(endpoint: Endpoint, body: Record<string, unknown>): Answer {
    if (endpoint === 'Pulse') {
      const midnight = new Date().setUTCHours(0, 0, 0, 0);
      return { status: 200, json: { SecondsFromMidnight: (Date.now() - midnight) / 1000 } };
    }
    if (body.apiKey !== apiKey)
      return { status: 401, json: { Message: 'Authorization has been denied for this request.' } };
    switch (endpoint) {
      case 'InteractionCreate':
        return createInteraction(body);
      case 'Channel':
        return seed.channels.length === 0 ? { status: 204 } : { status: 200, json: { ChannelList: seed.channels } };
      case 'Employee':
        // Real Caliq documents no fields for Employee: this shape is the simulator's guess, not a fact.
        return seed.employees.length === 0 ? { status: 204 } : { status: 200, json: { EmployeeList: seed.employees } };
      case 'CustomerChange':
        return listCustomers(body);
      case 'CustomersWithOrders':
        return listCustomersWithOrders(body);
      case 'Message':
        return { status: 200, json: { MessagesList: Object.values(SIMULATOR_MESSAGES) } };
    }
  }

  /** The fault for this request, if any: queued ones first, then `down`, then the dice. */
  function pickFault(): FaultKind | undefined {
    const queued = queuedFaults.shift();
    if (queued) return queued;
    if (faults.down) return '503';
    if (faults.dropRate > 0 && random() < faults.dropRate) return 'drop';
    if (faults.unavailableRate > 0 && random() < faults.unavailableRate) return '503';
    return undefined;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const name = /^\/api\/v1\/([A-Za-z]+)\/?$/.exec(request.url?.split('?')[0] ?? '')?.[1] ?? '';
    const endpoint = ENDPOINTS.find((known) => known.toLowerCase() === name.toLowerCase());
    const parsed = parseJson(text);
    const record: ReceivedRequest = {
      endpoint: endpoint ?? request.url ?? '',
      body: parsed ?? text,
      at: Date.now(),
      status: 0,
    };
    received.push(record);
    const fault = pickFault();
    if (fault === 'timeout') return; // held until the client gives up or the simulator closes
    if (faults.latencyMs > 0) await wait(faults.latencyMs);
    if (fault === 'drop') {
      request.socket.destroy();
      return;
    }
    let answer: Answer;
    if (fault === '503') answer = { status: 503, text: 'Service Unavailable' };
    else if (fault === '401')
      answer = { status: 401, json: { Message: 'Authorization has been denied for this request.' } };
    else if (request.method !== 'POST') answer = { status: 405, text: 'Method not allowed' };
    else if (endpoint === undefined)
      answer = { status: 404, text: 'No HTTP resource was found that matches the request URI' };
    else if (!isRecord(parsed)) answer = { status: 400, text: 'The request body could not be interpreted' };
    else answer = answerEndpoint(endpoint, parsed);
    if (faults.answerDelayMs > 0) await wait(faults.answerDelayMs);
    record.status = answer.status;
    logger?.debug({ endpoint: record.endpoint, status: answer.status }, 'caliq simulator answered');
    if (response.destroyed) return;
    const payload = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
    const type = answer.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
    response.writeHead(answer.status, answer.status === 204 ? {} : { 'content-type': type });
    response.end(answer.status === 204 ? undefined : payload);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger?.error({ err: error }, 'caliq simulator failed to answer');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    received,
    interactions,
    duplicateCount: (uniqueId) => duplicates.get(uniqueId) ?? 0,
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    failNext(count, kind = '503') {
      queuedFaults.push(...Array.from({ length: count }, () => kind));
    },
    reset() {
      received.length = 0;
      interactions.length = 0;
      duplicates.clear();
      faults = { ...NO_FAULTS };
      queuedFaults = [];
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
