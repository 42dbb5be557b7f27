// The Caliq client's log lines: never the API key, on success or on any failure, and the fields a call is logged with.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  clientFor,
  closedUrl,
  garbageUrl,
  lines,
  rawLogger,
  setUpCaliqClientTests,
  simulator,
  validInput,
} from '../../test/support/caliq-client-fixtures.js';
import { createLogger } from '../logger.js';
import { createCaliqReferenceData } from './reference-data.js';

setUpCaliqClientTests();

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
