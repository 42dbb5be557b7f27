// Shared setup for the Caliq client's tests: the simulator, a logger that keeps its lines, a server that answers badly.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type CaliqClientOptions, createCaliqClient } from '../../src/caliq/client.js';
import type { InteractionInput } from '../../src/caliq/types.js';
import { createLogger } from '../../src/logger.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/server.js';
import { sampleInteraction } from './sample-interaction.js';

export const API_KEY = 'sim-key-7f3a9c2e51';
// Exported bindings are live: a test reads the values the hooks below set.
export let simulator: CaliqSimulator;
/** The lines rawLogger() wrote in this test. */
export let lines: string[];

// A tiny local server that answers what real Caliq should not, chosen by the Notes of the body.
let garbage: Server;
export let garbageUrl: string;
export let closedUrl: string;
/** Every path the garbage server was asked for in this file (never cleared between tests). */
export const garbageHits: string[] = [];

/** Registers the hooks: the simulator and the garbage server for the file, a reset simulator and log for each test. */
export function setUpCaliqClientTests(): void {
  beforeAll(async () => {
    simulator = await startCaliqSimulator({ apiKey: API_KEY });
  });
  afterAll(() => simulator.close());
  beforeEach(() => {
    simulator.reset();
    lines = [];
  });

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
}

/** A logger without `secrets`, so a key in a log line could only come from the client itself. */
export function rawLogger() {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createLogger({ destination, level: 'debug' });
}

export const clientFor = (overrides: Partial<CaliqClientOptions> = {}) =>
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

export const validInput = (overrides: Partial<InteractionInput> = {}): InteractionInput =>
  sampleInteraction(randomUUID(), { onDateTime: '2026-07-15T15:00:00.000Z', notes: 'Spring order', ...overrides });

export const sentUniqueIds = () =>
  simulator.received.map((request) => (request.body as { UniqueID?: string }).UniqueID);
