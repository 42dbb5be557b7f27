// /healthz and /readyz over real HTTP: results cached and shared by concurrent probes, 503 naming the failed check,
// one log line per change of state, and a server of their own on another port.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogs } from '../test/support/log-capture.js';
import { createHealthHandlers, type ReadinessCheck, startHealthServer } from './health.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(checks: ReadinessCheck[], options: Parameters<typeof createHealthHandlers>[1] = {}) {
  const handlers = createHealthHandlers(checks, options);
  server = await startHealthServer(0, handlers, { '/metrics': (_req, res) => res.end('metric 1\n') }, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, readyz: () => fetch(`${base}/readyz`) };
}

/** A check whose outcome the test sets, counting how often it is really run. */
function switchable(name: string, delayMs = 0) {
  const state = { calls: 0, failWith: undefined as string | undefined };
  const check: ReadinessCheck = {
    name,
    check: async () => {
      state.calls++;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (state.failWith) throw new Error(state.failWith);
    },
  };
  return { state, check };
}

describe('/readyz', () => {
  it('answers 200 when every check passes and 503 naming the failed check and why', async () => {
    const caliq = switchable('caliq');
    const database = switchable('database');
    const { readyz } = await serve([caliq.check, database.check]);
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      failed: [],
      checks: [
        { name: 'caliq', ok: true },
        { name: 'database', ok: true },
      ],
    });
    caliq.state.failWith = 'Caliq at http://caliq.example refused CALIQ_API_KEY (401 on Channel)';
    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(notReady.headers.get('content-type')).toBe('application/json');
    expect(await notReady.json()).toEqual({
      status: 'not ready',
      failed: ['caliq'],
      checks: [
        { name: 'caliq', ok: false, error: 'Caliq at http://caliq.example refused CALIQ_API_KEY (401 on Channel)' },
        { name: 'database', ok: true },
      ],
    });
  });

  it('runs each check at most once per cache interval, however many probes arrive, concurrent or not', async () => {
    let clock = 0;
    const caliq = switchable('caliq', 50);
    const { readyz } = await serve([caliq.check], { cacheMs: 10_000, now: () => clock });
    const answers = await Promise.all(Array.from({ length: 10 }, () => readyz()));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(caliq.state.calls).toBe(1);
    for (let second = 1; second < 10; second++) {
      clock = second * 1000;
      await readyz();
    }
    expect(caliq.state.calls).toBe(1);
    clock = 10_000;
    caliq.state.failWith = 'down';
    expect((await readyz()).status).toBe(503);
    expect(caliq.state.calls).toBe(2);
  });

  it('with no cache asks on every probe, yet concurrent probes still share one run', async () => {
    const caliq = switchable('caliq', 50);
    const { readyz } = await serve([caliq.check]);
    await Promise.all([readyz(), readyz(), readyz()]);
    expect(caliq.state.calls).toBe(1);
    await readyz();
    expect(caliq.state.calls).toBe(2);
  });

  it('logs a warning when a check starts failing and once when it passes again, not on every probe', async () => {
    const { logger, lines: raw } = captureLogs();
    const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    const caliq = switchable('caliq');
    const { readyz } = await serve([caliq.check], { logger });
    await readyz();
    caliq.state.failWith = 'Caliq at http://127.0.0.1:9 could not be reached (ECONNREFUSED) on Channel';
    for (let probe = 0; probe < 5; probe++) await readyz();
    caliq.state.failWith = undefined;
    for (let probe = 0; probe < 3; probe++) await readyz();
    expect(lines().map((line) => [line.level, line.msg])).toEqual([
      [
        40,
        'readiness check caliq is failing: Caliq at http://127.0.0.1:9 could not be reached (ECONNREFUSED) on Channel',
      ],
      [30, 'readiness check caliq passes again'],
    ]);
  });

  it('counts a check that does not answer in time as failed', async () => {
    const slow = switchable('slack', 500);
    const { readyz } = await serve([slow.check], { timeoutMs: 100 });
    const answer = await readyz();
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ failed: ['slack'], checks: [{ error: 'no answer within 100 ms' }] });
  });
});

describe('the health server', () => {
  it('serves /healthz, /readyz and the extra routes on a port of its own, and nothing else', async () => {
    const { base } = await serve([switchable('caliq').check]);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/metrics`)).text()).toBe('metric 1\n');
    expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(404);
  });
});
