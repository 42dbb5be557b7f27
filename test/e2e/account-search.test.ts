// Account search end to end: block_suggestion into the real Bolt app, answered from the index of the simulator's list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCK, ELEMENT } from '../../src/ids.js';
import { DEFAULT_HINTS } from '../../src/views/index.js';
import { readDefaultSeed, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { ALICE, BOB, CALIQ_KEY, type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';

type Option = { text: { type: string; text: string }; value: string };
type Block = { type: string; block_id?: string; element?: Record<string, unknown>; elements?: Array<{ text: string }> };

const optionsOf = (reply: { json: unknown }): Option[] => (reply.json as { options: Option[] }).options;
const labelsOf = (reply: { json: unknown }): string[] => optionsOf(reply).map((option) => option.text.text);
const accountElement = (view: Record<string, unknown>) =>
  (view.blocks as Block[]).find((block) => block.block_id === BLOCK.account)?.element as Record<string, unknown>;

/** The context lines right under the account field. */
function linesUnderAccount(view: Record<string, unknown>): string[] {
  const blocks = view.blocks as Block[];
  const at = blocks.findIndex((block) => block.block_id === BLOCK.account);
  const lines: string[] = [];
  for (const block of blocks.slice(at + 1)) {
    if (block.type !== 'context') break;
    lines.push(...(block.elements ?? []).map((element) => element.text));
  }
  return lines;
}

/** The bundled customers plus a few that only partly match "acme", some with back orders (so Caliq names them). */
function searchSeed() {
  const seed = readDefaultSeed();
  return {
    ...seed,
    customers: [
      ...seed.customers,
      { ID: 2001, AccountNo: 'ACME012' },
      { ID: 2002, AccountNo: 'BX22', Name: 'Boxford Acme Tools', OrderCount: 2, OrderChannelID: 62 },
      { ID: 2003, AccountNo: 'XACME9' },
      { ID: 2004, AccountNo: 'ZED01', Name: 'Packacme Services', OrderCount: 1, OrderChannelID: 61 },
    ],
  };
}

describe('account search in the log modal', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ simulator: await startCaliqSimulator({ apiKey: CALIQ_KEY, seed: searchSeed() }) });
  });
  afterAll(async () => {
    await h.stop();
    await h.sim.close();
  });
  beforeEach(() => {
    h.fake.reset();
    h.sim.reset();
  });

  it('answers a signed block_suggestion with ranked options: number, then name word, then anywhere', async () => {
    const reply = await h.suggest('acme');
    expect(reply.status).toBe(200);
    expect(labelsOf(reply)).toEqual([
      'ACME01 · Acme Engineering Ltd',
      'ACME012',
      'BX22 · Boxford Acme Tools',
      'XACME9',
      'ZED01 · Packacme Services',
    ]);
    expect(optionsOf(reply).map((option) => option.value)).toEqual(['ACME01', 'ACME012', 'BX22', 'XACME9', 'ZED01']);
    expect(labelsOf(await h.suggest('Acme01'))).toEqual(['ACME01 · Acme Engineering Ltd', 'ACME012']);
    expect(labelsOf(await h.suggest('garden sup'))).toEqual(['BRIG02 · Brighton Garden Supplies']);
    // Served from memory: no Caliq call per keystroke.
    expect(h.sim.received).toHaveLength(0);
  });

  it('answers something nobody has with no options, and submitting such an account gets the inline error', async () => {
    const reply = await h.suggest('xyz');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ options: [] });

    await h.command({ text: '' });
    const submitted = await h.submit({ ...VALID_CALL, account: { value: 'NOPE99', text: 'NOPE99' } });
    expect(submitted.json).toEqual({
      response_action: 'errors',
      errors: { [BLOCK.account]: 'No customer with account number NOPE99 in Caliq.' },
    });
    expect(h.sim.received.filter((request) => request.endpoint === 'InteractionCreate')).toHaveLength(0);
  });

  it('prefills the search from the command text with the number and name, and logs the chosen account', async () => {
    await h.command({ text: 'call BX22 yesterday 3pm tools order' });
    const view = await h.lastOpenedView();
    const element = accountElement(view);
    expect(element.type).toBe('external_select');
    expect(element.action_id).toBe(ELEMENT.account);
    expect(element.min_query_length).toBe(1);
    expect(element.initial_option).toEqual({
      text: { type: 'plain_text', text: 'BX22 · Boxford Acme Tools', emoji: true },
      value: 'BX22',
    });
    expect(linesUnderAccount(view)).toEqual([]);

    const reply = await h.submit({ ...VALID_CALL, account: { value: 'BX22', text: 'BX22 · Boxford Acme Tools' } });
    expect(reply.body).toBe('');
    await vi.waitFor(() => expect(h.sim.interactions).toHaveLength(1));
    expect(h.sim.interactions[0]?.body).toMatchObject({ AccountNo: 'BX22', ContactedBy: 'JSMITH' });
    expect(h.sim.interactions[0]?.customerId).toBe(2002);
  });

  it("puts the user's own recent accounts first, for them only", async () => {
    await h.command({ text: '' });
    await h.submit({ ...VALID_CALL, account: { value: 'ZED01', text: 'ZED01 · Packacme Services' } });
    await vi.waitFor(() => expect(h.sim.interactions).toHaveLength(1));
    // Alice used BX22 (a name-word match) in the test before and ZED01 (a substring) now: both first, best match first.
    expect(labelsOf(await h.suggest('acme', { userId: ALICE }))).toEqual([
      'BX22 · Boxford Acme Tools',
      'ZED01 · Packacme Services',
      'ACME01 · Acme Engineering Ltd',
      'ACME012',
      'XACME9',
    ]);
    expect(labelsOf(await h.suggest('acme', { userId: BOB }))[0]).toBe('ACME01 · Acme Engineering Ltd');
  });
});

describe('recent accounts after a restart', () => {
  it('are read from the journal once the modal is open', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'caliq-slack-recent-'));
    const databasePath = join(folder, 'journal.db');
    const simulator = await startCaliqSimulator({ apiKey: CALIQ_KEY, seed: searchSeed() });
    const first = await startHarness({ simulator, databasePath });
    try {
      await first.command({ text: '' });
      await first.submit({ ...VALID_CALL, account: { value: 'XACME9', text: 'XACME9' } });
      await vi.waitFor(() => expect(simulator.interactions).toHaveLength(1));
    } finally {
      await first.stop({ keepServers: true });
    }
    const again = await startHarness({ simulator, fakeSlack: first.fake, databasePath });
    try {
      // A new process knows nobody's recent accounts until their modal opens.
      expect(labelsOf(await again.suggest('acme'))[0]).toBe('ACME01 · Acme Engineering Ltd');
      await again.command({ text: '' });
      await again.lastOpenedView();
      await vi.waitFor(async () => expect(labelsOf(await again.suggest('acme'))[0]).toBe('XACME9'));
    } finally {
      await again.stop();
      await first.fake.close();
      await simulator.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('account field when Caliq is down at a cold start', () => {
  it('falls back to the text field with its validation, says why, and searches once Caliq is back', async () => {
    const simulator = await startCaliqSimulator({ apiKey: CALIQ_KEY, faults: { down: true } });
    const h = await startHarness({ simulator });
    try {
      await h.command({ text: 'call ACME01' });
      const view = await h.lastOpenedView();
      const element = accountElement(view);
      expect(element.type).toBe('plain_text_input');
      expect(element.initial_value).toBe('ACME01');
      expect(linesUnderAccount(view)).toEqual([DEFAULT_HINTS.accountSearchUnavailable]);
      expect((await h.suggest('acme')).json).toEqual({ options: [] });

      const bad = await h.submit({ ...VALID_CALL, account: 'ACME 01' });
      expect((bad.json as { errors: Record<string, string> }).errors[BLOCK.account]).toMatch(/no spaces/);
      const good = await h.submit({ ...VALID_CALL, account: 'ACME01' });
      expect(good.body).toBe('');

      simulator.setFaults({ down: false });
      await h.bot.deps.reference.customers.get();
      await h.bot.deps.reference.customerNames.get();
      await vi.waitFor(() => expect(simulator.interactions).toHaveLength(1), { timeout: 5000 });
      h.fake.reset();
      await h.command({ text: 'call ACME01' });
      expect(accountElement(await h.lastOpenedView()).type).toBe('external_select');
      expect(labelsOf(await h.suggest('acme'))[0]).toBe('ACME01 · Acme Engineering Ltd');
    } finally {
      await h.stop();
    }
  });
});
