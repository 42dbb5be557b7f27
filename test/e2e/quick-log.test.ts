// Quick log end to end: a complete line → preview card → Log it → one InteractionCreate, through the real Bolt app,
// the fake Slack and the Caliq simulator; a double press, each missing or ambiguous part, a stale card, Edit, Cancel.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION } from '../../src/ids.js';
import { listMessageLimitViolations } from '../../src/views/index.js';
import { ALICE, BOB, type Harness, startHarness } from '../support/bot-harness.js';
import { textOf } from './reminders-support.js';

type Json = Record<string, unknown>;
type Button = { action_id: string; value: string; text: { text: string } };

const interactionCreates = (h: Harness) => h.sim.received.filter((request) => request.endpoint === 'InteractionCreate');

function buttonsOf(card: Json): Button[] {
  const blocks = (card.blocks ?? []) as Array<{ type: string; elements?: Button[] }>;
  return blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
}

function button(card: Json, actionId: string): Button {
  const found = buttonsOf(card).find((element) => element.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} on the card: ${JSON.stringify(card)}`);
  return found;
}

describe('quick log with a preview card', () => {
  let h: Harness;
  let offsetMs = 0;
  let presses = 0;

  beforeAll(async () => {
    h = await startHarness({ now: () => new Date(Date.now() + offsetMs), env: { CALIQ_DEFAULT_CHANNEL_ID: '64' } });
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => {
    offsetMs = 0;
    h.fake.reset();
    h.sim.reset();
    h.sim.setFaults({ down: false });
  });

  /** Presses a card's button; the answer goes to a response_url of its own, whose posts are returned. */
  async function press(card: Json, actionId: string) {
    const id = `card-press-${++presses}`;
    const { value } = button(card, actionId);
    const reply = await h.action({
      userId: ALICE,
      actions: [{ action_id: actionId, value }],
      message: { ts: '1732600000.000200', channelId: 'C0SALES01', isEphemeral: true },
      responseUrl: h.fake.responseUrl(id),
    });
    expect(reply.status).toBe(200);
    return { id, answer: () => h.fake.waitForResponse((response) => response.id === id) };
  }

  it('answers a complete line with a card of every field, sending nothing until Log it, then logs once', async () => {
    const card = await h.commandAnswer({
      text: 'call ACME01 with jane smith via web, yesterday 3pm discussed renewal, follow up next Friday 10am with <@U0BOB0001|bob>',
    });
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(card.response_type).toBe('ephemeral');
    const text = textOf(card);
    expect(text).toContain('*Kind:* Call');
    expect(text).toContain('ACME01 · Acme Engineering Ltd');
    expect(text).toContain('*Contact:* Jane Smith');
    expect(text).toMatch(/\*When:\* \w{3} \d{1,2} \w{3} \d{4}, 15:00 \(your time\)/);
    expect(text).toContain('*Channel:* Web');
    expect(text).toContain('*Notes:* discussed renewal');
    expect(text).toMatch(/\*Follow up:\* Fri .*10:00.*by <@U0BOB0001>/);
    expect(buttonsOf(card).map((element) => element.text.text)).toEqual(['Log it', 'Edit', 'Cancel']);
    expect(listMessageLimitViolations(card as never)).toEqual([]);
    expect(interactionCreates(h)).toHaveLength(0);

    const logged = await press(card, ACTION.quickLogConfirm);
    const outcome = await logged.answer();
    expect(outcome.body).toMatchObject({ replace_original: true });
    expect(textOf(outcome.body as Json)).toContain('Logged call with ACME01 (Jane Smith)');
    expect(h.sim.interactions).toHaveLength(1);
    expect(h.sim.interactions[0]?.body).toMatchObject({
      AccountNo: 'ACME01',
      ChannelID: 61,
      Kind: 'C',
      ContactedBy: 'JSMITH',
      ContactedFirstName: 'Jane',
      ContactedSurname: 'Smith',
      Notes: 'discussed renewal',
      FollowUpBy: 'RPATEL',
    });
    expect(String(h.sim.interactions[0]?.body.FollowUpDateTime)).toMatch(/T10:00:00$/);
    const entry = await h.bot.deps.journal.get(String(h.sim.interactions[0]?.uniqueId));
    expect(entry).toMatchObject({ state: 'logged', source: 'quick_log', followUpSlackUserId: BOB });
  });

  it('logs once when Log it is pressed twice, or on two devices at once', async () => {
    const card = await h.commandAnswer({ text: 'emailed ACME01 with Jane Smith yesterday 9:00' });
    const [first, second] = await Promise.all([
      press(card, ACTION.quickLogConfirm),
      press(card, ACTION.quickLogConfirm),
    ]);
    const answers = await Promise.all([first.answer(), second.answer()]);
    // One press replaces the card with the outcome; the other is told apart, so the card never shows a stale "busy".
    const replacing = answers.filter((answer) => (answer.body as Json).replace_original === true);
    expect(replacing).toHaveLength(1);
    expect(textOf(replacing[0]?.body as Json)).toContain('Logged email with ACME01 (Jane Smith)');
    const third = await press(card, ACTION.quickLogConfirm);
    expect(textOf((await third.answer()).body as Json)).toContain("already in Caliq, so I didn't log it twice");
    expect(interactionCreates(h)).toHaveLength(1);
    expect(h.sim.interactions).toHaveLength(1);
  });

  it.each([
    ['no contact', 'call ACME01 yesterday 3pm, follow up Friday 10am', 'Name the person you spoke to'],
    ['no surname', 'call ACME01 with Zoe about prices', "Give Zoe's surname too"],
    ['an account Caliq does not have', 'call NOPE99 with Jane Smith', 'No customer with account number NOPE99'],
    [
      'a name no customer has',
      'call account Zebra Farms, with Jane Smith',
      'No customer in Caliq matches “Zebra Farms”',
    ],
    ['two accounts that both match', 'visit account ter, with Jane Smith', '“ter” matches more than one account'],
    ['a date it cannot read whole', 'call ACME01 with Jane Smith yesterday 25:00', '25:00'],
    ['no kind', 'ACME01 with Jane Smith', 'call, an email or a visit'],
    ['a follow-up person without @', 'call ACME01 with Jane Smith follow up Friday with Bob', 'Mention who follows up'],
  ])('says what is wrong with %s, with Edit first and no Log it, and sends nothing', async (_what, line, words) => {
    const card = await h.commandAnswer({ text: line });
    const text = textOf(card);
    expect(text).toContain('I can’t log this line yet, so nothing was sent');
    expect(text).toContain(words);
    expect(buttonsOf(card).map((element) => element.action_id)).toEqual([ACTION.quickLogEdit, ACTION.quickLogCancel]);
    expect(interactionCreates(h)).toHaveLength(0);
  });

  it('refuses a card older than 15 minutes, saying to start again, and sends nothing', async () => {
    const card = await h.commandAnswer({ text: 'call ACME01 with Jane Smith yesterday 3pm' });
    offsetMs = 15 * 60_000 + 1_000;
    const stale = await press(card, ACTION.quickLogConfirm);
    const answer = await stale.answer();
    expect(answer.body).toMatchObject({ replace_original: true });
    expect(textOf(answer.body as Json)).toContain('more than 15 minutes old, so nothing was sent');
    const edit = await press(card, ACTION.quickLogEdit);
    expect(textOf((await edit.answer()).body as Json)).toContain('Run /log-interaction again');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(interactionCreates(h)).toHaveLength(0);
  });

  it('opens the form prefilled with the card’s fields and UniqueID on Edit', async () => {
    const card = await h.commandAnswer({ text: 'call ACME01 with Jane Smith yesterday 3pm renewal' });
    await press(card, ACTION.quickLogEdit);
    const view = await h.lastOpenedView();
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('"initial_value":"Jane"');
    expect(shown).toContain('"initial_value":"Smith"');
    expect(shown).toContain('"initial_value":"renewal"');
    const { uniqueId } = JSON.parse(button(card, ACTION.quickLogEdit).value) as { u: string } & { uniqueId?: string };
    expect(uniqueId).toBeUndefined();
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({
      uniqueId: (JSON.parse(button(card, ACTION.quickLogEdit).value) as { u: string }).u,
      source: 'quick_log',
    });
    expect(interactionCreates(h)).toHaveLength(0);
  });

  it('replaces the card on Cancel and sends nothing', async () => {
    const card = await h.commandAnswer({ text: 'call ACME01 with Jane Smith' });
    const cancel = await press(card, ACTION.quickLogCancel);
    const answer = await cancel.answer();
    expect(answer.body).toMatchObject({ replace_original: true, text: 'Cancelled; nothing was sent to Caliq.' });
    expect(interactionCreates(h)).toHaveLength(0);
  });

  it('replaces the card with “saved, will be sent” when Caliq is down, and delivers later', async () => {
    h.sim.setFaults({ down: true });
    const card = await h.commandAnswer({ text: 'call ACME01 with Jane Smith yesterday 3pm' });
    const logIt = await press(card, ACTION.quickLogConfirm);
    expect(textOf((await logIt.answer()).body as Json)).toContain("Caliq isn't answering right now");
    h.sim.setFaults({ down: false });
    await vi.waitFor(() => expect(h.sim.interactions).toHaveLength(1), { timeout: 10_000 });
  });

  it('in a linked channel, takes the account from the link and a surname from the contacts logged before', async () => {
    const logged = await h.commandAnswer({ text: 'call DUND01 with Maria Lopez' });
    await (await press(logged, ACTION.quickLogConfirm)).answer();
    expect(h.sim.interactions).toHaveLength(1);
    const link = { conversationId: 'C0DUNDEE1', teamId: undefined, accountNo: 'DUND01', channelName: 'dundee' };
    await h.bot.deps.links.link({ ...link, linkedBySlackUserId: ALICE }, new Date());
    try {
      const card = await h.commandAnswer({ text: 'visited with maria yesterday 9:00', channelId: 'C0DUNDEE1' });
      const text = textOf(card);
      expect(text).toContain('*Account:* DUND01 · Dundee Marine Parts');
      expect(text).toContain('*Contact:* Maria Lopez');
      expect(buttonsOf(card).map((element) => element.action_id)[0]).toBe(ACTION.quickLogConfirm);
    } finally {
      await h.bot.deps.links.unlink('C0DUNDEE1');
    }
  });

  it('still opens the form for a line that names no contact and no follow-up', async () => {
    await h.command({ text: 'call ACME01 yesterday 3pm discussed renewal' });
    await h.lastOpenedView();
    expect(h.fake.responses).toHaveLength(0);
  });
});
