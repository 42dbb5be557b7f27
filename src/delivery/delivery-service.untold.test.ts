// Outcomes an instance recorded but never told (it died with the notice queued) are told by another instance's pass.
import { describe, expect, it } from 'vitest';
import {
  connectJournal,
  connectReminders,
  linesAbout,
  newEntry,
  setNow,
  setUpDeliveryTests,
  startWorld,
  T0,
} from '../../test/support/delivery-fixtures.js';
import type { JournalEntry } from '../store/types.js';

setUpDeliveryTests();

const GRACE_MS = 60_000;

/** What a killed instance leaves behind: Caliq's answer recorded in the journal, the user's notice never sent. */
async function settledUntold(settle: (uniqueId: string) => Promise<JournalEntry>): Promise<string> {
  const journal = connectJournal();
  const entry = { ...newEntry(), followUpSlackUserId: 'U0FOLLOW' };
  await journal.insert(entry, new Date(T0));
  await journal.claim(entry.uniqueId, new Date(T0), new Date(T0 + 30_000));
  await settle(entry.uniqueId);
  return entry.uniqueId;
}

/** A surviving instance whose after-logging step creates the follow-up reminder, as the bot's does. */
function survivor() {
  const reminders = connectReminders();
  const world = startWorld({
    untoldGraceMs: GRACE_MS,
    onLogged: async (entry) => {
      await reminders.create(
        {
          uniqueId: entry.uniqueId,
          recipientSlackUserId: entry.followUpSlackUserId ?? entry.slackUserId,
          loggedBySlackUserId: entry.slackUserId,
          dueAt: new Date(T0 + 86_400_000),
          interaction: entry.interaction,
        },
        new Date(T0),
      );
    },
  });
  return { ...world, reminders };
}

describe('outcomes left untold by an instance that died', () => {
  it('tells a logged outcome once after the grace and creates the lost reminder', async () => {
    const uniqueId = await settledUntold((id) => connectJournal().markLogged(id, new Date(T0 + 1000)));
    const { service, told, reminders } = survivor();
    setNow(T0 + 1000 + GRACE_MS + 1);
    expect(await service.runOnce()).toBe(0);
    expect(await service.runOnce()).toBe(0);
    await service.stop();
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    const reminder = (await reminders.listOpenFor('U0FOLLOW', new Date(T0 + 2 * 86_400_000)))[0];
    expect(reminder).toMatchObject({ uniqueId, state: 'open' });
    expect(linesAbout(uniqueId, /telling an outcome another instance did not/)).toHaveLength(1);
    expect((await connectJournal().get(uniqueId))?.outcomeToldAt).toEqual(new Date(T0 + 1000 + GRACE_MS + 1));
  });

  it('leaves an outcome within the grace to the instance that recorded it', async () => {
    const uniqueId = await settledUntold((id) => connectJournal().markLogged(id, new Date(T0 + 1000)));
    const { service, told } = survivor();
    setNow(T0 + 1000 + GRACE_MS - 1);
    await service.runOnce();
    await service.stop();
    expect(told).toEqual([]);
    expect((await connectJournal().get(uniqueId))?.outcomeToldAt).toBeUndefined();
  });

  it('does not tell again an outcome its instance told', async () => {
    const first = startWorld({ untoldGraceMs: GRACE_MS });
    const accepted = await first.service.accept(newEntry());
    expect(await first.service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'logged' });
    await first.service.stop();
    expect((await connectJournal().get(accepted.stored.uniqueId))?.outcomeToldAt).toEqual(new Date(T0));
    const { service, told } = survivor();
    setNow(T0 + 10 * GRACE_MS);
    await service.runOnce();
    await service.stop();
    expect(first.told).toHaveLength(1);
    expect(told).toEqual([]);
  });

  it('tells the outcome again, rather than never, when noting it as told fails', async () => {
    const first = startWorld({ untoldGraceMs: GRACE_MS });
    first.journal.failNext('noteOutcomesTold', 1);
    const accepted = await first.service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    await first.service.send(accepted);
    await first.service.stop();
    expect(first.told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    expect(linesAbout(uniqueId, /could not note the outcome as told/)).toHaveLength(1);
    const { service, told } = survivor();
    setNow(T0 + 2 * GRACE_MS);
    await service.runOnce();
    await service.stop();
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });

  it('tells it once when two instances sweep at the same time', async () => {
    const uniqueId = await settledUntold((id) => connectJournal().markLogged(id, new Date(T0 + 1000)));
    const one = survivor();
    const two = survivor();
    setNow(T0 + 2 * GRACE_MS);
    await Promise.all([one.service.runOnce(), two.service.runOnce(), one.service.runOnce(), two.service.runOnce()]);
    await Promise.all([one.service.stop(), two.service.stop()]);
    expect([...one.told, ...two.told]).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });

  it('tells a rejection, a failure with its reason, and a give-up as such', async () => {
    const rejected = await settledUntold((id) => connectJournal().markRejected(id, [], new Date(T0 + 1000)));
    const failed = await settledUntold((id) =>
      connectJournal().markFailed(id, 'Caliq could not read the request (400)', new Date(T0 + 2000)),
    );
    const gaveUp = await settledUntold((id) =>
      connectJournal().markFailed(id, 'Caliq unavailable (503); gave up after 9 attempts', new Date(T0 + 3000)),
    );
    const { service, told } = survivor();
    setNow(T0 + 2 * GRACE_MS);
    await service.runOnce();
    await service.stop();
    expect(told).toEqual([
      { notice: 'rejected', uniqueId: rejected },
      { notice: 'failed', uniqueId: failed, reason: 'Caliq could not read the request (400)' },
      { notice: 'gaveUp', uniqueId: gaveUp },
    ]);
  });
});
