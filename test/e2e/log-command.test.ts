// /log-interaction end to end: signed requests into the real Bolt app, fake Slack, Caliq simulator, SQLite file.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCK, ELEMENT } from '../../src/ids.js';
import { decodeModalMetadata } from '../../src/views/index.js';
import {
  ALICE,
  BOT_TOKEN,
  CALIQ_KEY,
  CAROL,
  type Harness,
  SIGNING_SECRET,
  startHarness,
  VALID_CALL,
} from '../support/bot-harness.js';

type Block = { block_id?: string; element?: Record<string, unknown>; hint?: { text: string } };

const blockOf = (view: Record<string, unknown>, blockId: string): Block | undefined =>
  (view.blocks as Block[]).find((block) => block.block_id === blockId);

const interactionCreates = (h: Harness) => h.sim.received.filter((request) => request.endpoint === 'InteractionCreate');

describe('/log-interaction over HTTP', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.fake.reset();
    h.sim.reset();
  });

  it('acks at once and opens the modal prefilled from the text, before any other Slack call', async () => {
    const reply = await h.command({ text: 'call ACME01 yesterday 3pm discussed renewal' });
    expect(reply.status).toBe(200);
    expect(reply.elapsedMs).toBeLessThan(1000);
    const view = await h.lastOpenedView();
    expect(h.fake.calls[0]?.method).toBe('views.open');
    expect(blockOf(view, BLOCK.account)?.element?.initial_option).toEqual({
      text: { type: 'plain_text', text: 'ACME01 · Acme Engineering Ltd', emoji: true },
      value: 'ACME01',
    });
    expect(blockOf(view, BLOCK.when)?.element?.initial_value).toBe('yesterday 3pm');
    expect(blockOf(view, BLOCK.notes)?.element?.initial_value).toBe('discussed renewal');
    expect((blockOf(view, BLOCK.kind)?.element?.initial_option as { value: string } | undefined)?.value).toBe('C');
  });

  it('answers help with usage, opening nothing', async () => {
    const reply = await h.command({ text: 'help' });
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.json)).toContain('/log-interaction');
    expect(JSON.stringify(reply.json)).toContain('/log-interaction link ACME01');
    expect(JSON.stringify(reply.json)).toContain('⚡ shortcuts menu');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('logs a valid submission to Caliq with ContactedBy from the map and tells the user privately', async () => {
    await h.command({ text: '' });
    const reply = await h.submit({ ...VALID_CALL, notes: 'Renewal <!channel> talk' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    await vi.waitFor(() => expect(h.sim.interactions).toHaveLength(1));
    const metadata = decodeModalMetadata((await h.lastOpenedView()).private_metadata as string);
    const yesterday = DateTime.now().setZone('Europe/London').minus({ days: 1 }).toISODate();
    expect(h.sim.interactions[0]?.body).toEqual({
      apiKey: CALIQ_KEY,
      ChannelID: 64,
      CustomerID: '',
      AccountNo: 'ACME01',
      ContactID: '',
      UniqueID: metadata?.uniqueId,
      Kind: 'C',
      ContactedBy: 'JSMITH',
      ContactedFirstName: 'Jane',
      ContactedSurname: 'Smith',
      OnDateTime: `${yesterday}T15:00:00`,
      Notes: 'Renewal <!channel> talk',
      FollowUpDateTime: '',
      FollowUpBy: '',
      FollowUpNotes: '',
    });
    const response = await h.fake.waitForResponse();
    const text = JSON.stringify(response.body);
    expect(text).toContain('Logged call with ACME01');
    expect(text).not.toContain('<!channel>');
  });

  it('answers every bad field inline at once and sends nothing', async () => {
    await h.command({ text: '' });
    const reply = await h.submit({
      account: 'NOPE99',
      kind: 'C',
      channel: 64,
      contactFirstName: 'Jane',
      contactSurname: null,
      when: 'blah blah',
      followUpWhen: 'yesterday',
      followUpBy: ALICE,
    });
    const json = reply.json as { response_action: string; errors: Record<string, string> };
    expect(json.response_action).toBe('errors');
    expect(Object.keys(json.errors).sort()).toEqual(
      [BLOCK.account, BLOCK.contactSurname, BLOCK.when, BLOCK.followUpWhen].sort(),
    );
    expect(json.errors[BLOCK.account]).toContain('NOPE99');
    expect(interactionCreates(h)).toHaveLength(0);
  });

  it('keeps the form open with a plain error when the journal cannot be written, and sends nothing', async () => {
    const delivery = h.bot.deps.delivery;
    h.bot.deps.delivery = {
      ...delivery,
      accept: () => {
        throw new Error('SQLITE_FULL: database or disk is full');
      },
    };
    try {
      await h.command({ text: '' });
      const reply = await h.submit(VALID_CALL);
      const json = reply.json as { response_action: string; errors: Record<string, string> };
      expect(json.response_action).toBe('errors');
      expect(json.errors[BLOCK.account]).toMatch(/could not save this right now.*nothing was sent/);
      expect(interactionCreates(h)).toHaveLength(0);
    } finally {
      h.bot.deps.delivery = delivery;
    }
  });

  it('tells an unmapped user who can map them, and sends nothing to Caliq', async () => {
    await h.command({ userId: CAROL, text: '' });
    await h.fake.waitForResponse((response) => JSON.stringify(response.body).includes('Caliq employee'));
    await h.submit({ ...VALID_CALL, kind: 'E' }, { userId: CAROL });
    await vi.waitFor(() => expect(h.fake.responses.length).toBeGreaterThanOrEqual(2));
    expect(JSON.stringify(h.fake.responses.at(-1)?.body)).toContain(CAROL);
    expect(interactionCreates(h)).toHaveLength(0);
  });

  it('shows how a typed date was understood when Enter is pressed', async () => {
    await h.command({ text: '' });
    const view = await h.lastOpenedView();
    const opened = h.fake.callsTo('views.open')[0];
    expect(opened).toBeDefined();
    await h.action({
      userId: ALICE,
      actions: [{ action_id: ELEMENT.when, block_id: BLOCK.when, type: 'plain_text_input', value: 'yesterday 3pm' }],
      view: {
        id: 'V0HINT0001',
        hash: 'h1',
        callback_id: view.callback_id as string,
        private_metadata: view.private_metadata as string,
        state: {
          values: { [BLOCK.when]: { [ELEMENT.when]: { type: 'plain_text_input', value: 'yesterday 3pm' } } },
        },
      },
    });
    const update = await h.fake.waitForCall('views.update');
    const updated = update.args.view as Record<string, unknown>;
    expect(blockOf(updated, BLOCK.when)?.hint?.text).toMatch(/→ \w{3} \d+ \w{3} \d{4}, 15:00 \(your time\)/);
  });

  it('never writes a secret to the log', () => {
    expect(h.logLines.length).toBeGreaterThan(10);
    for (const secret of [BOT_TOKEN, CALIQ_KEY, SIGNING_SECRET]) {
      expect(h.logLines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });

  it('refuses a request with a bad signature or an old timestamp and changes nothing', async () => {
    const { postToSlackEndpoint, commandBody } = await import('../../tools/slack-stand-in/slack-requests.js');
    const body = commandBody({ text: 'call ACME01', responseUrl: h.fake.responseUrl() });
    const bad = await postToSlackEndpoint(h.eventsUrl, body, { signingSecret: 'x', badSignature: true });
    const old = await postToSlackEndpoint(h.eventsUrl, body, {
      signingSecret: 'test-signing-secret-0123456789',
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(bad.status).toBe(401);
    expect(old.status).toBe(401);
    expect(h.fake.calls).toHaveLength(0);
    expect(h.sim.received).toHaveLength(0);
  });
});
