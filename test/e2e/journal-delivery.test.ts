// The durable journal end to end: Caliq failing in the ways it does, and every submission logged once and explained.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTION, BLOCK } from '../../src/ids.js';
import { createJournalStore, openDatabase } from '../../src/store/index.js';
import { decodeModalMetadata } from '../../src/views/index.js';
import { ALICE, BOB, type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';

const VALUES = VALID_CALL;

const textOf = (value: unknown): string => JSON.stringify(value);

/** A bot whose start-up reads of Caliq are done, so faults queued by a test hit only its InteractionCreate calls. */
async function startWarmHarness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(options);
  await vi.waitFor(async () =>
    expect(h.logLines.some((line) => line.includes('Caliq reference data loaded'))).toBe(true),
  );
  return h;
}

/** Runs the command, returns the modal it opened and the UniqueID fixed in its metadata. */
async function openModal(h: Harness): Promise<{ view: Record<string, unknown>; uniqueId: string }> {
  const before = h.fake.callsTo('views.open').length;
  await h.command({ text: '' });
  await vi.waitFor(async () => expect(h.fake.callsTo('views.open').length).toBeGreaterThan(before));
  const view = await h.lastOpenedView();
  const uniqueId = decodeModalMetadata(view.private_metadata as string)?.uniqueId;
  if (!uniqueId) throw new Error('the modal carries no UniqueID');
  return { view, uniqueId };
}

const creates = (h: Harness) => h.sim.received.filter((request) => request.endpoint === 'InteractionCreate');
const uniqueIdOf = (body: unknown): unknown => (body as { UniqueID?: unknown }).UniqueID;

/** DMs the bot posted (after conversations.open) whose text matches. */
const dmsMatching = (h: Harness, pattern: RegExp) =>
  h.fake.callsTo('chat.postMessage').filter((call) => {
    const channel = String(call.args.channel);
    return channel.startsWith('D') && pattern.test(textOf(call.args));
  });

describe('delivery of journaled interactions', () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('logs once through three 503s, says "saved" where the user submitted, then DMs that it is logged', async () => {
    h = await startWarmHarness();
    const { view, uniqueId } = await openModal(h);
    h.sim.failNext(3, '503');
    await h.submit(VALUES, { view });

    await vi.waitFor(async () => expect((await h?.bot.deps.journal.get(uniqueId))?.state).toBe('logged'), {
      timeout: 5000,
    });
    expect(h.sim.interactions).toHaveLength(1);
    expect(h.sim.interactions[0]?.uniqueId).toBe(uniqueId);
    expect(creates(h).map((request) => request.status)).toEqual([503, 503, 503, 200]);
    expect(new Set(creates(h).map((request) => uniqueIdOf(request.body)))).toEqual(new Set([uniqueId]));

    const saved = await h.fake.waitForResponse((response) => /saved/.test(textOf(response.body)));
    expect(textOf(saved.body)).toMatch(/will be sent automatically/);
    const dm = await h.fake.waitForCall('chat.postMessage', (call) => /now logged/.test(textOf(call.args)));
    expect(String(dm.args.channel)).toMatch(/^D/);
    const opened = h.fake.callsTo('conversations.open');
    expect(opened.length).toBeGreaterThan(0);
    expect(opened[0]?.at).toBeLessThan(dm.at);
    expect(saved.at).toBeLessThan(dm.at);
    // Told exactly once that it is waiting, once that it arrived.
    expect(h.fake.responses).toHaveLength(1);
    expect(dmsMatching(h, /./)).toHaveLength(1);
  });

  it('resends under the same UniqueID when Caliq stored it but the answer timed out, and Caliq keeps one', async () => {
    h = await startWarmHarness({ env: { CALIQ_TIMEOUT_MS: '300' } });
    const { view, uniqueId } = await openModal(h);
    h.sim.setFaults({ answerDelayMs: 2000 });
    await h.submit(VALUES, { view });
    await vi.waitFor(async () => expect(h?.sim.interactions).toHaveLength(1), { interval: 10 });
    h.sim.setFaults({ answerDelayMs: 0 });

    await vi.waitFor(async () => expect((await h?.bot.deps.journal.get(uniqueId))?.state).toBe('logged'), {
      timeout: 5000,
    });
    expect(h.sim.interactions).toHaveLength(1);
    expect(h.sim.duplicateCount(uniqueId)).toBe(1);
    expect(new Set(creates(h).map((request) => uniqueIdOf(request.body)))).toEqual(new Set([uniqueId]));
    await h.fake.waitForResponse((response) => /saved/.test(textOf(response.body)));
    await h.fake.waitForCall('chat.postMessage', (call) => /now logged/.test(textOf(call.args)));
    expect(h.fake.responses).toHaveLength(1);
  });

  it('keeps the entry pending in the SQLite file while Caliq is down and lists it under status', async () => {
    h = await startWarmHarness();
    const { view, uniqueId } = await openModal(h);
    h.sim.setFaults({ down: true });
    await h.submit(VALUES, { view });
    await vi.waitFor(async () => expect(creates(h as Harness).length).toBeGreaterThanOrEqual(3), { timeout: 5000 });

    const db = openDatabase(h.databasePath);
    try {
      const journal = createJournalStore(db);
      expect(await journal.get(uniqueId)).toMatchObject({
        state: 'pending',
        lastError: expect.stringMatching(/unavailable/),
      });
      expect(await journal.countByState()).toEqual({ pending: 1, logged: 0, rejected: 0, failed: 0 });
    } finally {
      db.close();
    }

    const status = await h.commandAnswer({ text: 'status' });
    expect(status.response_type).toBe('ephemeral');
    const reply = textOf(status);
    expect(reply).toContain('ACME01');
    const buttons = ((status as { blocks?: Array<{ elements?: Array<Record<string, unknown>> }> }).blocks ?? [])
      .flatMap((block) => block.elements ?? [])
      .filter((element) => element.type === 'button');
    expect(buttons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action_id: ACTION.retryEntry, value: uniqueId }),
        expect.objectContaining({ action_id: ACTION.editEntry, value: uniqueId }),
      ]),
    );
    expect(h.sim.interactions).toHaveLength(0);
    const told = h.fake.responses.filter((response) => /saved/.test(textOf(response.body)));
    expect(told).toHaveLength(1);
    // Besides the status answer itself, the user was told once, where they submitted.
    expect(h.fake.responses.filter((response) => response.id !== 'command-answer-1')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('journals the same view submitted twice at once only once and tells the second submitter it is on its way', async () => {
    h = await startWarmHarness();
    const { view, uniqueId } = await openModal(h);
    h.sim.setFaults({ latencyMs: 600 });
    const replies = await Promise.all([h.submit(VALUES, { view }), h.submit(VALUES, { view })]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);

    await vi.waitFor(async () => expect((await h?.bot.deps.journal.get(uniqueId))?.state).toBe('logged'), {
      timeout: 5000,
    });
    const busy = await h.fake.waitForResponse((response) =>
      /already being sent|already in Caliq/.test(textOf(response.body)),
    );
    const logged = await h.fake.waitForResponse((response) => /Logged call/.test(textOf(response.body)));
    expect(busy.id).toBe(logged.id);
    expect(creates(h)).toHaveLength(1);
    expect(h.sim.interactions).toHaveLength(1);
    expect(await h.bot.deps.journal.countByState()).toEqual({ pending: 0, logged: 1, rejected: 0, failed: 0 });
    expect(h.logLines.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });

  it('tells the user a 401 is a setup problem, logs the error once, and delivers when the key works again', async () => {
    h = await startWarmHarness();
    const { view, uniqueId } = await openModal(h);
    h.sim.failNext(4, '401');
    await h.submit(VALUES, { view });

    const told = await h.fake.waitForResponse((response) => /access key/.test(textOf(response.body)));
    expect(textOf(told.body)).toMatch(/setup problem, not something you did/);
    // Four 401s are queued, so the entry is certainly still waiting when the first notice arrives.
    expect((await h.bot.deps.journal.get(uniqueId))?.state).toBe('pending');

    await vi.waitFor(async () => expect((await h?.bot.deps.journal.get(uniqueId))?.state).toBe('logged'), {
      timeout: 5000,
    });
    expect(creates(h).map((request) => request.status)).toEqual([401, 401, 401, 401, 200]);
    expect(h.sim.interactions).toHaveLength(1);
    const errors = h.logLines.map((line) => JSON.parse(line)).filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(/401/);
    expect(h.fake.responses.filter((response) => /access key/.test(textOf(response.body)))).toHaveLength(1);
    await h.fake.waitForCall('chat.postMessage', (call) => /now logged/.test(textOf(call.args)));
  });

  it('gives up after the give-up time with a Retry button that logs it once when Caliq is back', async () => {
    h = await startWarmHarness({ env: { DELIVERY_GIVE_UP_HOURS: '0.0003' } });
    const { view, uniqueId } = await openModal(h);
    h.sim.setFaults({ down: true });
    await h.submit(VALUES, { view });

    const gaveUp = await h.fake.waitForCall(
      'chat.postMessage',
      (call) => /stopped for now/.test(textOf(call.args)),
      5000,
    );
    expect((await h.bot.deps.journal.get(uniqueId))?.state).toBe('failed');
    expect(textOf(gaveUp.args.blocks)).toContain(`"action_id":"${ACTION.retryEntry}"`);
    expect(textOf(gaveUp.args.blocks)).toContain(`"value":"${uniqueId}"`);
    const attemptsBefore = creates(h).length;

    h.sim.setFaults({ down: false });
    const retryUrl = h.fake.responseUrl('retry-button');
    await h.action({
      actions: [{ action_id: ACTION.retryEntry, type: 'button', value: uniqueId }],
      message: { ts: '1732600000.000900', channelId: String(gaveUp.args.channel), text: 'gave up' },
      responseUrl: retryUrl,
    });
    await vi.waitFor(async () => expect((await h?.bot.deps.journal.get(uniqueId))?.state).toBe('logged'), {
      timeout: 5000,
    });
    expect(h.sim.interactions.filter((stored) => stored.uniqueId === uniqueId)).toHaveLength(1);
    expect(creates(h)).toHaveLength(attemptsBefore + 1);
    // The outcome of Retry is told where the button was pressed.
    const answer = await h.fake.waitForResponse((response) => response.id === 'retry-button');
    expect(textOf(answer.body)).toMatch(/Logged call/);
    expect(dmsMatching(h, /stopped for now/)).toHaveLength(1);
  });

  it("shows Caliq's issues word for word; Edit and resubmit reopens the draft and logs it under the same UniqueID", async () => {
    // Bob is mapped to an employee ID Caliq does not know, so Caliq (not the bot) refuses him as the follow-up person.
    const folder = mkdtempSync(join(tmpdir(), 'caliq-slack-map-'));
    const mapPath = join(folder, 'employee-map.csv');
    writeFileSync(mapPath, `slack_user_id,employee_id,email\n${ALICE},JSMITH,\n${BOB},GHOST99,\n`);
    try {
      h = await startWarmHarness({ env: { EMPLOYEE_MAP: mapPath } });
      const { view, uniqueId } = await openModal(h);
      await h.submit({ ...VALUES, followUpWhen: 'tomorrow 10am', followUpBy: BOB }, { view });

      const rejected = await h.fake.waitForResponse((response) => /didn't accept/.test(textOf(response.body)));
      expect((await h.bot.deps.journal.get(uniqueId))?.state).toBe('rejected');
      expect(textOf(rejected.body)).toContain('• Follow up employee not found — GHOST99 (ID 5)');
      const blocks = (rejected.body as { blocks: Array<{ elements?: Array<Record<string, unknown>> }> }).blocks;
      const edit = blocks.flatMap((block) => block.elements ?? []).find((e) => e.action_id === ACTION.editEntry);
      expect(edit).toMatchObject({ value: uniqueId, text: { text: 'Edit and resubmit' } });
      expect(h.sim.interactions).toHaveLength(0);

      const opensBefore = h.fake.callsTo('views.open').length;
      await h.action({
        actions: [{ action_id: ACTION.editEntry, type: 'button', value: uniqueId }],
        message: { ts: '1732600000.000500', channelId: 'C0SALES01', isEphemeral: true },
        responseUrl: h.fake.responseUrl('edit-button'),
      });
      await vi.waitFor(async () => expect(h?.fake.callsTo('views.open').length).toBe(opensBefore + 1));
      const reopened = await h.lastOpenedView();
      expect(decodeModalMetadata(reopened.private_metadata as string)).toMatchObject({ uniqueId, source: 'edit' });
      const prefilled = textOf(reopened.blocks);
      expect(prefilled).toContain('"text":"ACME01 · Acme Engineering Ltd","emoji":true},"value":"ACME01"}');
      expect(prefilled).toContain(`"initial_user":"${BOB}"`);
      expect(prefilled).toContain(BLOCK.followUpBy);

      await h.submit({ ...VALUES, followUpWhen: 'tomorrow 10am', followUpBy: ALICE }, { view: reopened });
      await vi.waitFor(async () => expect((await h?.bot.deps.journal.get(uniqueId))?.state).toBe('logged'), {
        timeout: 5000,
      });
      expect(h.sim.interactions).toHaveLength(1);
      expect(h.sim.interactions[0]).toMatchObject({ uniqueId, body: { UniqueID: uniqueId, FollowUpBy: 'JSMITH' } });
      expect(new Set(creates(h).map((request) => uniqueIdOf(request.body)))).toEqual(new Set([uniqueId]));
      const logged = await h.fake.waitForResponse((response) => /Logged call/.test(textOf(response.body)));
      expect(logged.id).toBe('edit-button');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
