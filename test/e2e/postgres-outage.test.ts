// PostgreSQL lost while the bot runs: the form stays open with a plain error, /readyz says 503, and all resumes after.
import { afterEach, expect, it, vi } from 'vitest';
import { BLOCK } from '../../src/ids.js';
import { decodeModalMetadata } from '../../src/views/index.js';
import { type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';
import { describePostgres, dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const textOf = (value: unknown): string => JSON.stringify(value);

describePostgres('the bot on PostgreSQL when the database goes away and comes back', () => {
  let h: Harness | undefined;
  let proxy: TcpProxy | undefined;
  let schema: string | undefined;

  afterEach(async () => {
    await h?.stop();
    await proxy?.close();
    if (schema) await dropSchema(schema);
    h = undefined;
    proxy = undefined;
    schema = undefined;
  });

  async function openModal(harness: Harness): Promise<{ view: Record<string, unknown>; uniqueId: string }> {
    const before = harness.fake.callsTo('views.open').length;
    await harness.command({ text: '' });
    await vi.waitFor(() => expect(harness.fake.callsTo('views.open').length).toBeGreaterThan(before));
    const view = await harness.lastOpenedView();
    const uniqueId = decodeModalMetadata(view.private_metadata as string)?.uniqueId;
    if (!uniqueId) throw new Error('the modal carries no UniqueID');
    return { view, uniqueId };
  }

  const creates = (harness: Harness, uniqueId: string) =>
    harness.sim.received.filter(
      (request) =>
        request.endpoint === 'InteractionCreate' && (request.body as { UniqueID?: unknown }).UniqueID === uniqueId,
    );

  it('refuses a submission plainly while it is gone, answers 503, and loses or repeats nothing when it is back', async () => {
    const server = new URL(TEST_DATABASE_URL);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    schema = uniqueSchema('outage');
    const url = new URL(TEST_DATABASE_URL);
    url.port = String(proxy.port);
    url.hostname = '127.0.0.1';
    h = await startHarness({
      env: {
        DATABASE_URL: url.toString(),
        DATABASE_SCHEMA: schema,
        DATABASE_STATEMENT_TIMEOUT_MS: '2000',
        DELIVERY_POLL_SECONDS: '0.5',
      },
    });
    const harness = h;
    expect((await fetch(`${harness.baseUrl}/readyz`)).status).toBe(200);

    // Saved while Caliq is down: pending in PostgreSQL when the database goes away.
    const waiting = await openModal(harness);
    harness.sim.setFaults({ down: true });
    await harness.submit(VALID_CALL, { view: waiting.view });
    await harness.fake.waitForResponse((response) => /saved/.test(textOf(response.body)));

    await proxy.cut();
    const notReady = await fetch(`${harness.baseUrl}/readyz`);
    expect(notReady.status).toBe(503);
    const body = textOf(await notReady.json());
    expect(body).toMatch(/database/);
    expect(body).toMatch(/Could not reach PostgreSQL at 127\.0\.0\.1/);

    // The modal still opens (nothing before views.open waits on the database); the submission is refused plainly.
    const refused = await openModal(harness);
    harness.sim.setFaults({ down: false });
    const reply = await harness.submit(VALID_CALL, { view: refused.view });
    const json = reply.json as { response_action?: string; errors?: Record<string, string> };
    expect(json.response_action).toBe('errors');
    expect(json.errors?.[BLOCK.account]).toMatch(/could not save this right now.*nothing was sent/);
    // `status` is acked at once and then says plainly that the list can't be read.
    const status = await harness.commandAnswer({ text: 'status' });
    expect(textOf(status)).toMatch(/couldn't read your waiting entries just now/);
    // The worker keeps failing to read the journal meanwhile; nothing reaches Caliq.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(creates(harness, refused.uniqueId)).toHaveLength(0);
    expect(harness.sim.interactions).toHaveLength(0);

    await proxy.restore();
    await vi.waitFor(async () => expect((await fetch(`${harness.baseUrl}/readyz`)).status).toBe(200), {
      timeout: 10_000,
    });
    // The entry saved before the outage is delivered once the pool has reconnected.
    await vi.waitFor(async () => expect((await harness.bot.deps.journal.get(waiting.uniqueId))?.state).toBe('logged'), {
      timeout: 10_000,
    });
    // The refused form, submitted again, is logged once.
    await harness.submit(VALID_CALL, { view: refused.view });
    await vi.waitFor(async () => expect((await harness.bot.deps.journal.get(refused.uniqueId))?.state).toBe('logged'), {
      timeout: 10_000,
    });
    // Caliq stored each once and never saw a repeat of either UniqueID.
    expect(harness.sim.duplicateCount(waiting.uniqueId)).toBe(0);
    expect(harness.sim.duplicateCount(refused.uniqueId)).toBe(0);
    expect(harness.sim.interactions).toHaveLength(2);
    expect(harness.logLines.join('\n')).not.toMatch(/password/i);
  });
});
