// Reminder DMs exactly once in practice: a send whose outcome was lost is looked for in the DM (by its metadata)
// before it is sent again, so a DM that reached Slack is recorded, and one that did not is sent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/store/types.js';
import {
  BOB_DM,
  createReminderWorld,
  logFollowUp,
  onlyReminderOf,
  postedDms,
  type ReminderWorld,
} from './reminders-support.js';

const DUE = new Date('2026-03-13T13:00:00Z');
/** Just past the scheduler's 2-minute lease on a send that never completed. */
const AFTER_LEASE = new Date(DUE.getTime() + 2 * 60_000 + 1);

describe('follow-up reminders: exactly once when a send is interrupted', () => {
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

  async function loggedAndDue() {
    const h = await world.startBot();
    await logFollowUp(h);
    world.now = DUE;
    return h;
  }

  it('carries the reminder id and version in the DM metadata', async () => {
    const h = await loggedAndDue();
    const claimedVersion = (await onlyReminderOf(h)).version + 1;
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    const reminder = await onlyReminderOf(h);
    expect(postedDms(h.fake)[0]?.args.metadata).toEqual({
      event_type: 'caliq_reminder',
      event_payload: { reminder_id: reminder.id, version: claimedVersion },
    });
    // A first send does not read the DM: the look costs a call and is only needed after an interruption.
    expect(h.fake.callsTo('conversations.history')).toHaveLength(0);
  });

  it('records a DM that reached Slack but whose answer was lost, without sending it again', async () => {
    const h = await loggedAndDue();
    h.fake.respondWith('chat.postMessage', { ok: false, error: 'lost' }, { times: 1, status: 500, afterDefault: true });

    expect(await h.bot.scheduler.runOnce()).toBe(1);
    const [inSlack] = h.fake.messagesIn(BOB_DM);
    expect(h.fake.messagesIn(BOB_DM)).toHaveLength(1);
    expect(await onlyReminderOf(h)).toMatchObject({ state: 'sent', sentConversationId: BOB_DM, sentTs: inSlack?.ts });
    const look = h.fake.callsTo('conversations.history')[0];
    expect(look?.args).toMatchObject({ channel: BOB_DM, include_all_metadata: 'true' }); // form-encoded by the SDK

    world.now = new Date('2026-03-20T13:00:00Z');
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    expect(postedDms(h.fake)).toHaveLength(1);
  });

  it('when the sender could not look either (it died), another bot finds the DM after the lease and records it', async () => {
    const h = await loggedAndDue();
    h.fake.respondWith('chat.postMessage', { ok: false, error: 'lost' }, { times: 1, status: 500, afterDefault: true });
    h.fake.respondWith('conversations.history', { ok: false, error: 'internal_error' }, { times: 1 });
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    expect((await onlyReminderOf(h)).state).toBe('sending');
    const [inSlack] = h.fake.messagesIn(BOB_DM);
    // Bob got 150 other DMs meanwhile: the reminder is found beyond the first page of history.
    for (let i = 0; i < 150; i++) h.fake.addMessage(BOB_DM, { ts: `${1_900_000_000 + i}.000100`, text: `news ${i}` });

    const other = await world.startBot({ databasePath: h.databasePath });
    world.now = new Date(AFTER_LEASE.getTime() - 2);
    expect(await other.bot.scheduler.runOnce()).toBe(0);
    world.now = AFTER_LEASE;
    expect(await other.bot.scheduler.runOnce()).toBe(1);

    expect(h.fake.messagesIn(BOB_DM).filter((m) => m.metadata)).toHaveLength(1);
    expect(h.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(3);
    expect(postedDms(h.fake)).toHaveLength(1);
    expect(await onlyReminderOf(other)).toMatchObject({ state: 'sent', sentTs: inSlack?.ts });
  });

  it('sends on the retry a DM that never reached Slack, once', async () => {
    const h = await loggedAndDue();
    h.fake.respondWith('chat.postMessage', { ok: false, error: 'internal_error' }, { times: 1, status: 500 });
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    expect(h.fake.messagesIn(BOB_DM)).toHaveLength(0);
    expect((await onlyReminderOf(h)).state).toBe('sending');

    const other = await world.startBot({ databasePath: h.databasePath });
    world.now = AFTER_LEASE;
    const sent = await Promise.all([h.bot.scheduler.runOnce(), other.bot.scheduler.runOnce()]);
    expect(sent.sort()).toEqual([0, 1]);
    expect(h.fake.messagesIn(BOB_DM)).toHaveLength(1);
    expect(h.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(2);
    expect((await onlyReminderOf(h)).sentTs).toBe(h.fake.messagesIn(BOB_DM)[0]?.ts);
  });

  it("does not take a snoozed reminder's earlier DM for the interrupted send of its next delivery", async () => {
    const h = await loggedAndDue();
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    const sent = (await onlyReminderOf(h)) as Reminder;
    const until = new Date(DUE.getTime() + 3_600_000);
    expect(await h.bot.deps.reminders.snooze(sent.id, until, sent.version, DUE)).toBeDefined();

    world.now = until;
    h.fake.respondWith('chat.postMessage', { ok: false, error: 'internal_error' }, { times: 1, status: 500 });
    expect(await h.bot.scheduler.runOnce()).toBe(0);
    world.now = new Date(until.getTime() + 2 * 60_000 + 1);
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    const dms = h.fake.messagesIn(BOB_DM);
    expect(dms).toHaveLength(2);
    expect(await onlyReminderOf(h)).toMatchObject({ state: 'sent', sentTs: dms[1]?.ts });
    expect(dms[1]?.metadata?.event_payload).toEqual({ reminder_id: sent.id, version: sent.version + 2 });
  });
});
