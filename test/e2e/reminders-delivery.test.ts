// Follow-up reminder DMs end to end: created on Caliq's acceptance, delivered once on time or late, in Bob's zone.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDefaultSeed, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { CALIQ_KEY } from '../support/bot-harness.js';
import {
  ALICE,
  BOB,
  BOB_DM,
  buttonsOf,
  createReminderWorld,
  logFollowUp,
  onlyReminderOf,
  postedDms,
  type ReminderWorld,
  textOf,
} from './reminders-support.js';

/** "next Friday" from Monday 2 March is Friday 13 March, 09:00 in New York: EDT by then, so 13:00 UTC. */
const NEXT_FRIDAY_9_NY = new Date('2026-03-13T13:00:00Z');

const at = (iso: string) => new Date(iso);

describe('follow-up reminders: delivery', () => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await createReminderWorld();
  });
  afterEach(async () => {
    await world.reset();
  });
  afterAll(async () => {
    await world.close();
  });

  it('delivers on time, in Bob’s zone across the US DST change, after telling Alice in hers', async () => {
    const h = await world.startBot();
    const { notice } = await logFollowUp(h);

    // Alice (London, still GMT) is told who will be reminded and when, in her own time.
    expect(notice).toContain(`<@${BOB}> will be reminded on Fri 13 Mar 2026, 13:00 (your time)`);
    const reminder = await onlyReminderOf(h);
    expect(reminder).toMatchObject({ state: 'open', recipientSlackUserId: BOB, loggedBySlackUserId: ALICE });
    expect(reminder.dueAt).toEqual(NEXT_FRIDAY_9_NY);

    world.now = new Date(NEXT_FRIDAY_9_NY.getTime() - 60_000);
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    expect(h.fake.callsTo('conversations.open')).toHaveLength(0);

    world.now = NEXT_FRIDAY_9_NY;
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    const open = h.fake.callsTo('conversations.open').at(-1);
    expect(open?.args.users).toBe(BOB);
    const dms = postedDms(h.fake);
    expect(dms).toHaveLength(1);
    const text = textOf(dms[0]?.args ?? {});
    expect(text).toContain('Time to follow up with ACME01');
    expect(text).toContain('Due Fri 13 Mar 2026, 09:00 (your time)');
    expect(text).toContain('Send the revised quote');
    expect(text).toContain('Talked about the renewal');
    expect(text).toContain(`<@${ALICE}> logged a call with ACME01 (Jane Smith)`);
    expect(text).not.toMatch(/late/i);
    expect(buttonsOf(dms[0]?.args.blocks)?.snooze).toHaveProperty('tomorrow');

    const sent = await h.bot.deps.reminders.get(reminder.id);
    expect(sent).toMatchObject({
      state: 'sent',
      sentConversationId: BOB_DM,
      sentLate: false,
      sentAt: NEXT_FRIDAY_9_NY,
    });
    expect(sent?.sentTs).toMatch(/^\d+\.\d{6}$/);

    world.now = at('2026-03-20T13:00:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    expect(postedDms(h.fake)).toHaveLength(1);
  });

  it('sends a reminder that fell due while the bot was down once, on start-up, saying it is late', async () => {
    const databasePath = world.databasePath('restart');
    const first = await world.startBot({ databasePath });
    await logFollowUp(first);
    await first.stop({ keepServers: true });
    world.started.splice(world.started.indexOf(first), 1);

    world.now = at('2026-03-14T08:00:00Z'); // 19 hours after it fell due
    const second = await world.startBot({ databasePath, startReminderLoop: true });
    const dm = await second.fake.waitForCall('chat.postMessage', (call) => call.args.channel === BOB_DM);
    const text = textOf(dm.args);
    expect(text).toContain('This reminder is late');
    expect(text).toContain('Fri 13 Mar 2026, 09:00, 19 hours ago');
    await vi.waitFor(async () => expect(await onlyReminderOf(second)).toMatchObject({ state: 'sent', sentLate: true }));

    expect(await second.bot.scheduler.runOnce()).toBe(0);
    expect(postedDms(second.fake)).toHaveLength(1);
  });

  it('sends one DM when two bots share the store and both run at once', async () => {
    const databasePath = world.databasePath('shared');
    const a = await world.startBot({ databasePath });
    const b = await world.startBot({ databasePath });
    await logFollowUp(a);

    world.now = NEXT_FRIDAY_9_NY;
    const sent = await Promise.all([a.bot.scheduler.runOnce(), b.bot.scheduler.runOnce()]);
    expect(sent.sort()).toEqual([0, 1]);
    await Promise.all([a.bot.scheduler.runOnce(), b.bot.scheduler.runOnce()]);
    expect(postedDms(a.fake)).toHaveLength(1);
    expect((await onlyReminderOf(b)).state).toBe('sent');
  });

  it('retries a reminder Slack surely refused a minute later (unknown outcomes: reminders-exactly-once)', async () => {
    const h = await world.startBot();
    await logFollowUp(h);
    world.now = NEXT_FRIDAY_9_NY;

    // Refused (ok:false): certainly not posted, so it is tried again a minute later, without looking in Slack first.
    h.fake.respondWith('chat.postMessage', { ok: false, error: 'ratelimited' }, { times: 1 });
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    expect(await onlyReminderOf(h)).toMatchObject({
      state: 'open',
      dueAt: new Date(NEXT_FRIDAY_9_NY.getTime() + 60_000),
    });
    world.now = new Date(NEXT_FRIDAY_9_NY.getTime() + 60_000);
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    expect(postedDms(h.fake)).toHaveLength(2);
    expect(h.fake.messagesIn(BOB_DM)).toHaveLength(1);
    expect(h.fake.callsTo('conversations.history')).toHaveLength(0);
  });

  it('delivers a follow-up more than 120 days ahead when the clock reaches it', async () => {
    const h = await world.startBot();
    const { notice } = await logFollowUp(h, { followUpWhen: '14 October 2026 4pm' });
    const due = at('2026-10-14T20:00:00Z'); // 16:00 EDT
    expect(notice).toContain('Wed 14 Oct 2026, 21:00 (your time)'); // Alice: BST
    expect((await onlyReminderOf(h)).dueAt).toEqual(due);

    world.now = at('2026-07-01T00:00:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    world.now = due;
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    expect(textOf(postedDms(h.fake)[0]?.args ?? {})).toContain('Due Wed 14 Oct 2026, 16:00 (your time)');
  });

  it('creates no reminder when Caliq rejects the interaction', async () => {
    // A Caliq that does not know RPATEL (Bob in the employee map) refuses the follow-up.
    const seed = readDefaultSeed();
    const strict = await startCaliqSimulator({
      apiKey: CALIQ_KEY,
      seed: { ...seed, employees: seed.employees.filter((employee) => employee.ID !== 'RPATEL') },
    });
    try {
      const h = await world.startBot({ simulator: strict });
      const { notice } = await logFollowUp(h);
      expect(notice).toContain("Caliq didn't accept your call with ACME01");
      expect(notice).not.toContain('will be reminded');
      expect(strict.received.some((r) => r.endpoint === 'InteractionCreate' && r.status === 200)).toBe(true);
      expect(strict.interactions).toHaveLength(0);
      expect(await h.bot.deps.reminders.listOpenFor(BOB, at('2100-01-01T00:00:00Z'))).toEqual([]);
      world.now = at('2026-04-01T00:00:00Z');
      expect(await h.bot.scheduler.runOnce()).toBe(0);
      expect(postedDms(h.fake)).toHaveLength(0);
    } finally {
      await world.reset();
      await strict.close();
    }
  });
});
