// App Home and the global shortcut end to end: app_home_opened → views.publish, its buttons, refreshes, coalescing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionInput } from '../../src/caliq/types.js';
import { ACTION, BLOCK, CALLBACK } from '../../src/ids.js';
import { decodeModalMetadata } from '../../src/views/index.js';
import type { FakeSlackCall } from '../../tools/slack-stand-in/fake-slack.js';
import { ALICE, BOB, type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';
import { sampleInteraction, sampleNewEntry } from '../support/sample-interaction.js';

type Json = Record<string, unknown>;
type Element = { type: string; action_id?: string; value?: string; options?: Array<{ value: string }> };
type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Element[]; accessory?: Element };

const DAVE = 'U0DAVE001';

const publishesTo = (h: Harness, userId: string): FakeSlackCall[] =>
  h.fake.callsTo('views.publish').filter((call) => call.args.user_id === userId);

const blocksOf = (call: FakeSlackCall): Block[] => (call.args.view as { blocks: Block[] }).blocks;

/** The Home tab's sections as text, one string per section. */
const sectionsOf = (call: FakeSlackCall): string[] =>
  blocksOf(call)
    .filter((block) => block.type === 'section' || block.type === 'context')
    .map((block) => block.text?.text ?? JSON.stringify(block.elements));

/** Waits for a publish to the user whose view text satisfies the check. */
const waitForHome = (h: Harness, userId: string, check: (text: string) => boolean, timeoutMs = 8000) =>
  h.fake.waitForCall(
    'views.publish',
    (call) => call.args.user_id === userId && check(JSON.stringify(call.args.view)),
    timeoutMs,
  );

/** The button (or select) with this action_id and, if given, this value, on the published Home. */
const elementOn = (call: FakeSlackCall, actionId: string, value?: string): Element | undefined =>
  blocksOf(call)
    .flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])])
    .find((element) => element.action_id === actionId && (value === undefined || element.value === value));

const homeViewOf = (call: FakeSlackCall): Json => ({
  id: `V0HOME${String(call.args.user_id)}`,
  ...(call.args.view as Json),
});

function interactionFor(uniqueId: string, surname: string): InteractionInput {
  return sampleInteraction(uniqueId, { contact: { firstName: 'Jane', surname }, notes: 'From the Home tests' });
}

/** Puts an entry of Alice's straight into the journal in the given state (awaited: the stores are becoming async). */
async function journalEntry(h: Harness, state: 'failed' | 'rejected' | 'logged', surname: string): Promise<string> {
  const uniqueId = randomUUID();
  const { journal } = h.bot.deps;
  const now = new Date();
  await journal.insert(
    sampleNewEntry(uniqueId, {
      slackUserId: ALICE,
      slackTeamId: undefined,
      interaction: interactionFor(uniqueId, surname),
      draft: { accountNo: 'ACME01', kind: 'C', contactFirstName: 'Jane', contactSurname: surname },
    }),
    now,
  );
  if (state === 'failed') await journal.markFailed(uniqueId, 'HTTP 400: bad date', now);
  if (state === 'rejected')
    await journal.markRejected(uniqueId, [{ id: 7, message: 'Contact unknown', extraData: '' }], now);
  if (state === 'logged') await journal.markLogged(uniqueId, now);
  return uniqueId;
}

async function followUpFor(h: Harness, recipient: string, notes: string): Promise<string> {
  const uniqueId = randomUUID();
  const reminder = await h.bot.deps.reminders.create(
    {
      uniqueId,
      recipientSlackUserId: recipient,
      loggedBySlackUserId: recipient,
      dueAt: new Date(Date.now() - 3_600_000),
      interaction: {
        ...interactionFor(uniqueId, 'Follow'),
        followUp: { at: new Date().toISOString(), by: 'JSMITH', notes },
      },
    },
    new Date(),
  );
  return reminder.id;
}

describe('App Home', () => {
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

  it('publishes after the ack (a slow views.publish delays no ack) with the entries, follow-ups and linked channels', async () => {
    const logged = await journalEntry(h, 'logged', 'Loggedsurname');
    const failed = await journalEntry(h, 'failed', 'Failedsurname');
    const rejected = await journalEntry(h, 'rejected', 'Rejectedsurname');
    await followUpFor(h, ALICE, 'Send the renewal quote');
    await h.bot.deps.links.link(
      {
        conversationId: 'C0ACMEHOME',
        teamId: undefined,
        accountNo: 'ACME01',
        channelName: 'acme-home',
        linkedBySlackUserId: BOB,
      },
      new Date(),
    );
    h.fake.delay('views.publish', 1500);

    const reply = await h.openHome(ALICE);
    const command = await h.command({ text: 'help' });
    expect(reply.status).toBe(200);
    expect(reply.elapsedMs).toBeLessThan(1000);
    expect(command.elapsedMs).toBeLessThan(1000);

    const call = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === ALICE);
    expect((call.args.view as Json).type).toBe('home');
    expect(elementOn(call, ACTION.homeLogInteraction)).toBeDefined();
    const sections = sectionsOf(call);
    expect(sections.find((text) => text.includes('Loggedsurname'))).toContain('✅ *Logged*');
    expect(sections.find((text) => text.includes('Failedsurname'))).toContain('Not sent');
    expect(sections.find((text) => text.includes('Rejectedsurname'))).toContain('Refused by Caliq*: Contact unknown');
    expect(elementOn(call, ACTION.retryEntry, failed)).toBeDefined();
    expect(elementOn(call, ACTION.editEntry, rejected)).toBeDefined();
    expect(elementOn(call, ACTION.retryEntry, logged)).toBeUndefined();
    expect(sections.some((text) => text.includes('Overdue') && text.includes('Send the renewal quote'))).toBe(true);
    expect(elementOn(call, ACTION.reminderDone)).toBeDefined();
    expect(sections.some((text) => text.includes('<#C0ACMEHOME> → *ACME01*'))).toBe(true);
    expect(blocksOf(call).length).toBeLessThanOrEqual(100);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await h.event({ type: 'app_home_opened', user: 'U0CAROLMSG', channel: 'DU0CAROLMSG', tab: 'messages' });
    await h.openHome(BOB);
    await h.fake.waitForCall('views.publish', (call) => call.args.user_id === BOB);
    expect(publishesTo(h, 'U0CAROLMSG')).toHaveLength(0);
  });

  it('its Log interaction button opens the empty form; the outcome comes by DM and Home shows the new entry', async () => {
    await h.openHome(ALICE);
    const home = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === ALICE);
    await h.action({
      userId: ALICE,
      homeView: homeViewOf(home),
      actions: [{ action_id: ACTION.homeLogInteraction, value: 'home' }],
    });
    const view = await h.lastOpenedView();
    expect(view.callback_id).toBe(CALLBACK.logModal);
    const account = (view.blocks as Array<{ block_id?: string; element?: Json }>).find(
      (block) => block.block_id === BLOCK.account,
    )?.element;
    expect(account?.initial_value ?? account?.initial_option).toBeUndefined();
    expect(decodeModalMetadata(view.private_metadata as string)).toMatchObject({ source: 'home', replyTo: {} });

    await h.submit({ ...VALID_CALL, contactSurname: 'Homebutton' });
    const dm = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === `D${ALICE}`);
    expect(String(dm.args.text)).toContain('Logged call with ACME01');
    const after = await waitForHome(h, ALICE, (text) => text.includes('Homebutton') && text.includes('Logged'));
    expect(sectionsOf(after).find((text) => text.includes('Homebutton'))).toContain('✅ *Logged*');
    expect(h.fake.responses).toHaveLength(0);
  });

  it('refreshes after a submission (waiting for Caliq) and again after the delivery outcome (logged)', async () => {
    await h.openHome(ALICE);
    await h.fake.waitForCall('views.publish', (c) => c.args.user_id === ALICE);
    h.sim.setFaults({ down: true });
    try {
      await h.command({ text: '', responseUrl: h.fake.responseUrl() });
      await h.submit({ ...VALID_CALL, contactSurname: 'Whiledown' });
      const waiting = await waitForHome(h, ALICE, (text) => text.includes('Whiledown'));
      expect(sectionsOf(waiting).find((text) => text.includes('Whiledown'))).toContain('Waiting for Caliq');
    } finally {
      h.sim.setFaults({ down: false });
    }
    const logged = await waitForHome(h, ALICE, (text) => /Whiledown\)[^"]*\\n✅ \*Logged\*/.test(text), 15_000);
    expect(sectionsOf(logged).find((text) => text.includes('Whiledown'))).toContain('✅ *Logged*');
  });

  it('Retry on Home sends the entry again, tells the outcome by DM and shows it logged on Home', async () => {
    const failed = await journalEntry(h, 'failed', 'Retrysurname');
    await h.openHome(ALICE);
    const home = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === ALICE);
    const retry = elementOn(home, ACTION.retryEntry, failed);
    expect(retry).toBeDefined();
    const reply = await h.action({
      userId: ALICE,
      homeView: homeViewOf(home),
      actions: [{ action_id: ACTION.retryEntry, value: failed }],
    });
    expect(reply.status).toBe(200);
    await expect.poll(() => h.sim.interactions.some((stored) => stored.uniqueId === failed)).toBe(true);
    await h.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('Logged call with ACME01'));
    const after = await waitForHome(h, ALICE, (text) => !text.includes(failed) && text.includes('Retrysurname'));
    expect(sectionsOf(after).find((text) => text.includes('Retrysurname'))).toContain('✅ *Logged*');
    expect((await h.bot.deps.journal.get(failed))?.state).toBe('logged');
  });

  it('Edit on Home reopens the form as the user left it', async () => {
    const rejected = await journalEntry(h, 'rejected', 'Editsurname');
    await h.openHome(ALICE);
    const home = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === ALICE);
    await h.action({
      userId: ALICE,
      homeView: homeViewOf(home),
      actions: [{ action_id: ACTION.editEntry, value: rejected }],
    });
    const view = await h.lastOpenedView();
    expect(JSON.stringify(view.blocks)).toContain('Editsurname');
    expect(decodeModalMetadata(view.private_metadata as string)).toMatchObject({ uniqueId: rejected, source: 'edit' });
  });

  it('Done and Snooze on Home change the follow-up and refresh Home instead of a message', async () => {
    const doneId = await followUpFor(h, BOB, 'Call them back');
    const snoozeId = await followUpFor(h, BOB, 'Send the brochure');
    await h.openHome(BOB);
    const home = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === BOB);
    const done = blocksOf(home)
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === ACTION.reminderDone && element.value?.includes(doneId));
    const snooze = blocksOf(home)
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === ACTION.reminderSnooze && element.options?.[0]?.value.includes(snoozeId));
    if (!done?.value || !snooze?.options) throw new Error('Home has no Done or Snooze for the follow-ups');
    const tomorrow = snooze.options.find((option) => option.value.includes('tomorrow'));
    if (!tomorrow) throw new Error('no "tomorrow" snooze option');

    await h.action({
      userId: BOB,
      homeView: homeViewOf(home),
      actions: [{ action_id: ACTION.reminderDone, value: done.value }],
    });
    await h.action({
      userId: BOB,
      homeView: homeViewOf(home),
      actions: [
        {
          action_id: ACTION.reminderSnooze,
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Tomorrow 9:00' }, value: tomorrow.value },
        },
      ],
    });
    await expect.poll(async () => (await h.bot.deps.reminders.get(doneId))?.state).toBe('done');
    await expect
      .poll(async () => (await h.bot.deps.reminders.get(snoozeId))?.dueAt.getTime())
      .toBeGreaterThan(Date.now());
    const after = await waitForHome(h, BOB, (text) => !text.includes('Call them back') && text.includes('Due '));
    expect(sectionsOf(after).find((text) => text.includes('Send the brochure'))).toMatch(/^🗓️ Due /);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('folds a burst of changes into at most one publish a second per person, the last one showing every change', async () => {
    await h.openHome(DAVE);
    await h.fake.waitForCall('views.publish', (c) => c.args.user_id === DAVE);
    const channels = Array.from({ length: 8 }, (_, i) => `C0BURST00${i}`);
    const started = performance.now();
    for (const channelId of channels) {
      h.fake.setChannel(channelId, { name: `burst-${channelId.slice(-1)}` });
      await h.command({ text: 'link ACME01', channelId, userId: DAVE, responseUrl: h.fake.responseUrl() });
    }
    await waitForHome(h, DAVE, (text) => channels.every((channelId) => text.includes(`<#${channelId}>`)));
    const burstMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const times = publishesTo(h, DAVE).map((call) => call.at);
    // The first publish (the tab opened) and then at most one per started second of the burst, plus a trailing one.
    expect(times.length).toBeLessThanOrEqual(2 + Math.ceil(burstMs / 1000));
    expect(times.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(900);
    const last = publishesTo(h, DAVE).at(-1);
    if (!last) throw new Error('no publish');
    for (const channelId of channels) expect(JSON.stringify(last.args.view)).toContain(`<#${channelId}>`);
  });
});

describe('the global shortcut', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('acks at once, opens the empty form, and tells the outcome by DM (no response_url)', async () => {
    const reply = await h.globalShortcut({ userId: ALICE });
    expect(reply.status).toBe(200);
    expect(reply.elapsedMs).toBeLessThan(1000);
    const view = await h.lastOpenedView();
    // Bolt's own auth.test aside, the form is the first thing asked of Slack.
    expect(h.fake.calls.filter((call) => call.method !== 'auth.test')[0]?.method).toBe('views.open');
    expect(view.callback_id).toBe(CALLBACK.logModal);
    expect(decodeModalMetadata(view.private_metadata as string)).toMatchObject({
      source: 'global_shortcut',
      replyTo: {},
    });
    await h.submit(VALID_CALL);
    const dm = await h.fake.waitForCall('chat.postMessage', (call) => call.args.channel === `D${ALICE}`);
    expect(String(dm.args.text)).toContain('Logged call with ACME01');
    expect(h.fake.responses).toHaveLength(0);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  });
});
