// Linked channels end to end: link / unlink / refusals through the real Bolt app, then the account preselected there.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOCK } from '../../src/ids.js';
import { startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { FAKE_SLACK_IDS } from '../../tools/slack-stand-in/fake-slack.js';
import { ALICE, BOB, CALIQ_KEY, type Harness, startHarness } from '../support/bot-harness.js';

type Block = { block_id?: string; element?: { initial_value?: string; initial_option?: { value: string } } };

/** The account the form starts with, as a text field's value or (with account search) a select's initial option. */
const accountShown = (view: Record<string, unknown>): string | undefined => {
  const element = (view.blocks as Block[]).find((block) => block.block_id === BLOCK.account)?.element;
  return element?.initial_value ?? element?.initial_option?.value;
};

const ACME_CHANNEL = 'C0ACME0001';

describe('linking a channel to an account', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(async () => {
    h.fake.reset();
    h.sim.reset();
    for (const link of h.bot.deps.links.list()) await h.bot.deps.links.unlink(link.conversationId);
    h.fake.setChannel(ACME_CHANNEL, { name: 'acme-team' });
  });

  /** Runs the command in the channel and returns the ephemeral answer posted to its response_url. */
  const command = async (text: string, options: { channelId?: string; userId?: string } = {}) => {
    const responseUrl = h.fake.responseUrl();
    const reply = await h.command({
      text,
      channelId: options.channelId ?? ACME_CHANNEL,
      userId: options.userId,
      responseUrl,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    expect(reply.elapsedMs).toBeLessThan(1000);
    const response = await h.fake.waitForResponse(
      (r) => r.id === decodeURIComponent(responseUrl.split('/').pop() ?? ''),
    );
    return response.body as { text: string; response_type: string; blocks: unknown[] };
  };

  it('links the channel, names the account, the channel and who linked, and stores who and when', async () => {
    const before = Date.now();
    const answer = await command('link acme01');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toBe(`🔗 <@${ALICE}> linked #acme-team to Caliq account *ACME01*.`);
    expect(JSON.stringify(answer.blocks)).toContain('unlink');
    const info = h.fake.callsTo('conversations.info');
    expect(info.map((call) => call.args.channel)).toEqual([ACME_CHANNEL]);
    const stored = h.bot.deps.links.get(ACME_CHANNEL);
    expect(stored).toMatchObject({
      conversationId: ACME_CHANNEL,
      teamId: FAKE_SLACK_IDS.teamId,
      accountNo: 'ACME01',
      channelName: 'acme-team',
      linkedBySlackUserId: ALICE,
    });
    expect(stored?.linkedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('says so when a new link replaces an earlier one', async () => {
    await command('link ACME01');
    const answer = await command('link BRIG02', { userId: BOB });
    expect(answer.text).toContain(`<@${BOB}> linked #acme-team to Caliq account *BRIG02*`);
    expect(answer.text).toContain(`replaces its earlier link to *ACME01* (linked by <@${ALICE}>)`);
    expect(h.bot.deps.links.get(ACME_CHANNEL)).toMatchObject({ accountNo: 'BRIG02', linkedBySlackUserId: BOB });
  });

  it('unlinks, and says when there was nothing to unlink', async () => {
    await command('link ACME01');
    const answer = await command('unlink');
    expect(answer.text).toContain(`<@${ALICE}> unlinked #acme-team from Caliq account *ACME01*`);
    expect(h.bot.deps.links.get(ACME_CHANNEL)).toBeUndefined();
    expect((await command('unlink')).text).toContain('isn’t linked to a Caliq account');
  });

  it('refuses an account Caliq does not have, and links nothing', async () => {
    const answer = await command('link NOPE99');
    expect(answer.text).toContain('Caliq has no account *NOPE99*');
    expect(h.bot.deps.links.get(ACME_CHANNEL)).toBeUndefined();
  });

  it('asks which account when none is given', async () => {
    expect((await command('link')).text).toContain('Which account?');
    expect(h.fake.callsTo('conversations.info')).toHaveLength(0);
  });

  it('asks to be invited into a channel it cannot see (private) or is not in (public)', async () => {
    const hidden = await command('link ACME01', { channelId: 'C0HIDDEN01' });
    expect(hidden.text).toContain(`Invite me with /invite <@${FAKE_SLACK_IDS.botUserId}>`);
    h.fake.setChannel('C0PUBLIC01', { name: 'general-sales', isMember: false });
    const outside = await command('link ACME01', { channelId: 'C0PUBLIC01' });
    expect(outside.text).toContain('Invite me with /invite');
    expect(h.bot.deps.links.list()).toEqual([]);
  });

  it('links private and Slack Connect channels the bot is in; refuses DMs', async () => {
    h.fake.setChannel('G0PRIVATE1', { name: 'acme-private', isPrivate: true });
    h.fake.setChannel('C0SHARED01', { name: 'acme-shared', isExtShared: true });
    expect((await command('link ACME01', { channelId: 'G0PRIVATE1' })).text).toContain('linked #acme-private');
    expect((await command('link CHES03', { channelId: 'C0SHARED01' })).text).toContain('linked #acme-shared');
    expect((await command('link ACME01', { channelId: 'D0ALICEDM1' })).text).toContain('Only channels can be linked');
    expect(h.bot.deps.links.list().map((link) => `${link.channelName}:${link.accountNo}`)).toEqual([
      'acme-private:ACME01',
      'acme-shared:CHES03',
    ]);
  });

  it('says plainly when Slack fails to describe the channel', async () => {
    h.fake.respondWith('conversations.info', { ok: false, error: 'internal_error' }, { times: 1 });
    const answer = await command('link ACME01');
    expect(answer.text).toContain('Slack didn’t tell me about this channel (internal_error)');
  });
});

describe('linking while Caliq’s customer list cannot be loaded', () => {
  it('says so plainly and links nothing; once Caliq answers, the same command links', async () => {
    const sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
    sim.setFaults({ down: true });
    const h = await startHarness({ simulator: sim });
    try {
      h.fake.setChannel(ACME_CHANNEL, { name: 'acme-team' });
      const first = h.fake.responseUrl('first');
      await h.command({ text: 'link ACME01', channelId: ACME_CHANNEL, responseUrl: first });
      const refused = await h.fake.waitForResponse((r) => r.id === 'first', 10_000);
      expect((refused.body as { text: string }).text).toContain('Caliq’s customer list hasn’t loaded');
      expect(h.bot.deps.links.get(ACME_CHANNEL)).toBeUndefined();

      sim.setFaults({ down: false });
      await h.command({ text: 'link ACME01', channelId: ACME_CHANNEL, responseUrl: h.fake.responseUrl('second') });
      const linked = await h.fake.waitForResponse((r) => r.id === 'second', 10_000);
      expect((linked.body as { text: string }).text).toContain('linked #acme-team to Caliq account *ACME01*');
    } finally {
      await h.stop();
      await sim.close();
    }
  });
});

describe('the account preselected in a linked channel', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await h.bot.deps.links.link(
      {
        conversationId: ACME_CHANNEL,
        teamId: undefined,
        accountNo: 'ACME01',
        channelName: 'acme-team',
        linkedBySlackUserId: BOB,
      },
      new Date(),
    );
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.fake.reset();
  });

  it('the command opens the form with the account, calling nothing before views.open', async () => {
    await h.command({ text: 'call yesterday 3pm', channelId: ACME_CHANNEL });
    const view = await h.lastOpenedView();
    expect(h.fake.calls[0]?.method).toBe('views.open');
    expect(accountShown(view)).toBe('ACME01');
  });

  it('an account typed in the command wins over the link', async () => {
    await h.command({ text: 'call BRIG02', channelId: ACME_CHANNEL });
    expect(accountShown(await h.lastOpenedView())).toBe('BRIG02');
  });

  it('a channel without a link starts empty', async () => {
    await h.command({ text: 'call', channelId: 'C0OTHER001' });
    expect(accountShown(await h.lastOpenedView())).toBeUndefined();
  });

  it('the message shortcut in the channel preselects the account too', async () => {
    await h.shortcut({ channelId: ACME_CHANNEL, messageText: 'They want a quote' });
    const view = await h.lastOpenedView();
    expect(h.fake.calls[0]?.method).toBe('views.open');
    expect(accountShown(view)).toBe('ACME01');
  });

  it('a submission from the linked channel logs against the linked account', async () => {
    await h.command({ text: '', channelId: ACME_CHANNEL });
    const view = await h.lastOpenedView();
    const reply = await h.submit({
      account: accountShown(view) ?? null,
      kind: 'C',
      channel: 64,
      contactFirstName: 'Jane',
      contactSurname: 'Smith',
    });
    expect(reply.body).toBe('');
    await expect.poll(() => h.sim.interactions.at(-1)?.body.AccountNo).toBe('ACME01');
  });
});
