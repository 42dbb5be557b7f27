// The reminders' contract: idempotent create, claims shared by connections, versioned snooze and done.
import { beforeEach, describe, expect, it } from 'vitest';
import type { InteractionInput } from '../../src/caliq/types.js';
import { RecordStateError } from '../../src/store/errors.js';
import type { NewReminder, ReminderStore } from '../../src/store/types.js';
import { sampleNewReminder, sampleReminderInteraction } from '../support/sample-interaction.js';
import type { ContractBackend } from './backend.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

function interaction(uniqueId: string): InteractionInput {
  return sampleReminderInteraction(uniqueId, {
    kind: 'V',
    followUp: { at: '2026-03-03T09:00:00.000Z', by: 'EMP2', notes: 'Send the quote' },
  });
}

function newReminder(uniqueId: string, dueAt: Date, recipient = 'U1'): NewReminder {
  return sampleNewReminder(uniqueId, dueAt, {
    recipientSlackUserId: recipient,
    loggedBySlackUserId: 'U9',
    interaction: interaction(uniqueId),
  });
}

export function reminderContract(backend: ContractBackend): void {
  let reminders: ReminderStore;
  beforeEach(async () => {
    reminders = (await backend.connect()).reminders;
  });

  describe('create and get', () => {
    it('creates an open reminder with a UUID and version 1', async () => {
      const created = await reminders.create(newReminder('g-1', at(60_000)), T0);
      expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(created).toMatchObject({
        uniqueId: 'g-1',
        recipientSlackUserId: 'U1',
        loggedBySlackUserId: 'U9',
        dueAt: at(60_000),
        state: 'open',
        interaction: interaction('g-1'),
        version: 1,
        claimedBy: undefined,
        sentAt: undefined,
        sentLate: false,
        doneAt: undefined,
        createdAt: T0,
      });
      expect(await reminders.get(created.id)).toEqual(created);
      expect(await reminders.get('nope')).toBeUndefined();
    });

    it('is idempotent per UniqueID, even from another connection', async () => {
      const first = await reminders.create(newReminder('g-1', at(60_000)), T0);
      const again = await (await backend.connect()).reminders.create(newReminder('g-1', at(999_000), 'U2'), at(5));
      expect(again).toEqual(first);
    });
  });

  describe('claimDue', () => {
    it('claims only open reminders that are due, soonest first, up to the limit', async () => {
      const later = await reminders.create(newReminder('later', at(2000)), T0);
      const soon = await reminders.create(newReminder('soon', at(1000)), T0);
      await reminders.create(newReminder('future', at(10_000)), T0);
      expect(await reminders.claimDue(at(999), 'bot-a', 10)).toEqual([]);
      const claimed = await reminders.claimDue(at(5000), 'bot-a', 1);
      expect(claimed.map((r) => r.id)).toEqual([soon.id]);
      expect(claimed[0]).toMatchObject({ state: 'sending', claimedBy: 'bot-a', claimedAt: at(5000), version: 2 });
      expect((await reminders.claimDue(at(5000), 'bot-a', 10)).map((r) => r.id)).toEqual([later.id]);
      expect(await reminders.claimDue(at(5000), 'bot-a', 10)).toEqual([]);
    });

    it('claims each of many reminders exactly once across two connections taking turns', async () => {
      const other = (await backend.connect()).reminders;
      const ids = new Set<string>();
      for (let i = 0; i < 120; i += 1)
        ids.add((await reminders.create(newReminder(`g-${i}`, at((i % 17) * 1000)), T0)).id);
      const byOwner: Record<string, string[]> = { a: [], b: [] };
      for (let round = 0; round < 40; round += 1) {
        const now = at(round * 500);
        for (const [owner, store] of [
          ['a', reminders],
          ['b', other],
        ] as const) {
          for (const r of await store.claimDue(now, owner, 1 + (round % 3))) {
            expect(r.claimedBy).toBe(owner);
            byOwner[owner]?.push(r.id);
          }
        }
      }
      const all = [...(byOwner.a ?? []), ...(byOwner.b ?? [])];
      expect(all.length).toBe(ids.size);
      expect(new Set(all)).toEqual(ids);
      expect(byOwner.a?.length).toBeGreaterThan(0);
      expect(byOwner.b?.length).toBeGreaterThan(0);
    });
  });

  describe('markSent and releaseClaim', () => {
    it('records the Slack message and whether it was late', async () => {
      const r = await reminders.create(newReminder('g-1', T0), T0);
      const [claimed] = await reminders.claimDue(T0, 'bot-a', 10);
      const sent = await reminders.markSent(
        r.id,
        { conversationId: 'D1', ts: '1700000000.000100', late: true },
        at(400_000),
      );
      // The DM's buttons were built from the claimed version, so recording the send must not make them stale.
      expect(sent).toMatchObject({
        state: 'sent',
        sentAt: at(400_000),
        sentConversationId: 'D1',
        sentTs: '1700000000.000100',
        sentLate: true,
        version: claimed?.version,
      });
    });

    it('refuses to record a send for a reminder that was not claimed', async () => {
      const r = await reminders.create(newReminder('g-1', T0), T0);
      await expect(reminders.markSent(r.id, { conversationId: 'D1', ts: '1', late: false }, T0)).rejects.toThrow(
        RecordStateError,
      );
    });

    it('gives a claim back so it is due again at the retry time', async () => {
      const r = await reminders.create(newReminder('g-1', T0), T0);
      await reminders.claimDue(T0, 'bot-a', 10);
      await reminders.releaseClaim(r.id, at(60_000));
      expect(await reminders.get(r.id)).toMatchObject({
        state: 'open',
        dueAt: at(60_000),
        claimedBy: undefined,
        version: 3,
      });
      expect(await reminders.nextDueAt()).toEqual(at(60_000));
      expect(await reminders.claimDue(at(59_999), 'bot-b', 10)).toEqual([]);
      expect((await reminders.claimDue(at(60_000), 'bot-b', 10)).map((x) => x.id)).toEqual([r.id]);
    });
  });

  describe('reclaimStuck', () => {
    it('takes over only sends claimed before the cutoff, once, keeping the version', async () => {
      const old = await reminders.create(newReminder('g-1', T0), T0);
      const fresh = await reminders.create(newReminder('g-2', at(60_000)), T0);
      await reminders.create(newReminder('g-3', at(3_600_000)), T0);
      const [first] = await reminders.claimDue(T0, 'bot-a', 10);
      await reminders.claimDue(at(60_000), 'bot-a', 10);
      const cutoff = at(30_000);
      const taken = await reminders.reclaimStuck(cutoff, 'bot-b', at(200_000), 10);
      expect(taken.map((r) => r.id)).toEqual([old.id]);
      expect(taken[0]).toMatchObject({ state: 'sending', claimedBy: 'bot-b', claimedAt: at(200_000) });
      expect(taken[0]?.version).toBe(first?.version);
      expect(await reminders.reclaimStuck(cutoff, 'bot-c', at(200_001), 10)).toEqual([]);
      expect((await reminders.get(fresh.id))?.claimedBy).toBe('bot-a');
      await reminders.markSent(old.id, { conversationId: 'D1', ts: '1', late: false }, at(200_002));
      expect(await reminders.reclaimStuck(at(999_999), 'bot-c', at(999_999), 10)).toHaveLength(1);
    });
  });

  describe('snooze and markDone', () => {
    async function sentReminder(uniqueId: string) {
      const r = await reminders.create(newReminder(uniqueId, T0), T0);
      await reminders.claimDue(T0, 'bot-a', 10);
      return await reminders.markSent(r.id, { conversationId: 'D1', ts: '1.1', late: false }, T0);
    }

    it('snoozes a sent reminder at its current version, making it open and due later', async () => {
      const sent = await sentReminder('g-1');
      const snoozed = await reminders.snooze(sent.id, at(3_600_000), sent.version, at(1000));
      expect(snoozed).toMatchObject({
        state: 'open',
        dueAt: at(3_600_000),
        version: sent.version + 1,
        sentAt: undefined,
        sentTs: undefined,
        claimedBy: undefined,
      });
      expect(await reminders.snooze(sent.id, at(7_200_000), sent.version, at(2000))).toBeUndefined();
      expect(await reminders.markDone(sent.id, 'U1', sent.version, at(2000))).toBeUndefined();
      expect((await reminders.get(sent.id))?.dueAt).toEqual(at(3_600_000));
      expect((await reminders.claimDue(at(3_600_000), 'bot-a', 10)).map((r) => r.id)).toEqual([sent.id]);
    });

    it('snoozes an open reminder but not one being sent', async () => {
      const open = await reminders.create(newReminder('open', at(10_000)), T0);
      expect((await reminders.snooze(open.id, at(20_000), 1, T0))?.dueAt).toEqual(at(20_000));
      const sending = await reminders.create(newReminder('sending', T0), T0);
      const [claimed] = await reminders.claimDue(T0, 'bot-a', 10);
      expect(claimed?.id).toBe(sending.id);
      expect(await reminders.snooze(sending.id, at(20_000), claimed?.version ?? 0, T0)).toBeUndefined();
      expect(await reminders.markDone(sending.id, 'U1', claimed?.version ?? 0, T0)).toBeUndefined();
    });

    it('marks a sent reminder done once; then it is neither claimable nor listed', async () => {
      const sent = await sentReminder('g-1');
      const done = await reminders.markDone(sent.id, 'U1', sent.version, at(1000));
      expect(done).toMatchObject({
        state: 'done',
        doneBySlackUserId: 'U1',
        doneAt: at(1000),
        version: sent.version + 1,
      });
      expect(await reminders.markDone(sent.id, 'U1', done?.version ?? 0, at(2000))).toBeUndefined();
      expect(await reminders.snooze(sent.id, at(9000), done?.version ?? 0, at(2000))).toBeUndefined();
      expect(await reminders.claimDue(at(999_999_999), 'bot-a', 10)).toEqual([]);
      expect(await reminders.listOpenFor('U1', at(999_999_999))).toEqual([]);
    });

    it('lets only one of two connections act on the same version', async () => {
      const sent = await sentReminder('g-1');
      const other = (await backend.connect()).reminders;
      expect((await other.markDone(sent.id, 'U1', sent.version, at(1000)))?.state).toBe('done');
      expect(await reminders.snooze(sent.id, at(5000), sent.version, at(1000))).toBeUndefined();
    });
  });

  describe('listOpenFor and nextDueAt', () => {
    it("lists the recipient's open, sending and sent reminders due before a time, soonest first", async () => {
      const sent = await reminders.create(newReminder('sent', at(1000)), T0);
      const sending = await reminders.create(newReminder('sending', at(2000)), T0);
      await reminders.claimDue(at(1000), 'bot-a', 10);
      await reminders.markSent(sent.id, { conversationId: 'D1', ts: '1.1', late: false }, at(1000));
      await reminders.claimDue(at(2000), 'bot-a', 10);
      const open = await reminders.create(newReminder('open', at(500)), T0);
      const done = await reminders.create(newReminder('done', at(100)), T0);
      await reminders.markDone(done.id, 'U1', 1, T0);
      await reminders.create(newReminder('too-late', at(5000)), T0);
      await reminders.create(newReminder('someone-else', at(100), 'U2'), T0);

      expect((await reminders.listOpenFor('U1', at(5000))).map((r) => r.id)).toEqual([open.id, sent.id, sending.id]);
      expect((await reminders.listOpenFor('U1', at(1000))).map((r) => r.id)).toEqual([open.id]);
    });

    it('reports the earliest open due time, ignoring reminders being sent or done', async () => {
      expect(await reminders.nextDueAt()).toBeUndefined();
      await reminders.create(newReminder('a', at(1000)), T0);
      const far = await reminders.create(newReminder('far', at(200 * 24 * 3_600_000)), T0);
      expect(await reminders.nextDueAt()).toEqual(at(1000));
      await reminders.claimDue(at(1000), 'bot-a', 10);
      expect(await reminders.nextDueAt()).toEqual(far.dueAt);
      await reminders.markDone(far.id, 'U1', 1, T0);
      expect(await reminders.nextDueAt()).toBeUndefined();
    });
  });

  describe('claimDue by concurrent instances', () => {
    it('claims each reminder exactly once when three instances claim at the same time', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 90; i += 1) ids.add((await reminders.create(newReminder(`r-${i}`, at(i * 10)), T0)).id);
      const instances = [reminders, (await backend.connect()).reminders, (await backend.connect()).reminders];
      const byInstance = await Promise.all(
        instances.map(async (store, index) => {
          const mine: string[] = [];
          for (;;) {
            const claimed = await store.claimDue(at(10_000), `bot-${index}`, 1 + (mine.length % 3));
            if (claimed.length === 0) return mine;
            mine.push(...claimed.map((r) => r.id));
          }
        }),
      );
      const all = byInstance.flat();
      expect(all).toHaveLength(ids.size);
      expect(new Set(all)).toEqual(ids);
      const owners = (await reminders.listOpenFor('U1', at(10_000))).map((r) => r.claimedBy);
      byInstance.forEach((mine, index) => {
        expect(owners.filter((owner) => owner === `bot-${index}`)).toHaveLength(mine.length);
      });
    });
  });
}
