// The journal's contract: idempotent insert, leases shared by connections, due lists, outcomes, resubmit.
import { beforeEach, describe, expect, it } from 'vitest';
import type { InteractionInput } from '../../src/caliq/types.js';
import { RecordNotFoundError } from '../../src/store/errors.js';
import type { JournalStore, NewJournalEntry } from '../../src/store/types.js';
import { sampleInteraction, sampleNewEntry } from '../support/sample-interaction.js';
import type { ContractBackend } from './backend.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

function interaction(uniqueId: string, notes = 'Called about the renewal'): InteractionInput {
  return sampleInteraction(uniqueId, {
    channelId: 3,
    contactedBy: 'EMP1',
    contact: { firstName: 'Ada', surname: 'Lovelace' },
    notes,
  });
}

function newEntry(uniqueId: string, slackUserId = 'U1'): NewJournalEntry {
  return sampleNewEntry(uniqueId, {
    slackUserId,
    interaction: interaction(uniqueId),
    draft: { accountNo: 'ACME01', kind: 'C', notes: 'Called about the renewal' },
    replyTo: { responseUrl: 'https://hooks.slack.test/r/1', conversationId: 'C1' },
  });
}

export function journalContract(backend: ContractBackend): void {
  let journal: JournalStore;
  beforeEach(async () => {
    journal = (await backend.connect()).journal;
  });

  describe('insert and get', () => {
    it('stores a pending entry with its JSON parts and instants intact', async () => {
      const result = await journal.insert(newEntry('g-1'), T0);
      expect(result.inserted).toBe(true);
      const stored = await journal.get('g-1');
      expect(stored).toEqual(result.entry);
      expect(stored).toMatchObject({
        uniqueId: 'g-1',
        slackUserId: 'U1',
        slackTeamId: 'T1',
        state: 'pending',
        interaction: interaction('g-1'),
        draft: { accountNo: 'ACME01', kind: 'C', notes: 'Called about the renewal' },
        replyTo: { responseUrl: 'https://hooks.slack.test/r/1', conversationId: 'C1' },
        followUpSlackUserId: undefined,
        source: 'form',
        attempts: 0,
        lastError: undefined,
        issues: [],
        createdAt: T0,
        updatedAt: T0,
        nextAttemptAt: T0,
        leaseUntil: undefined,
        loggedAt: undefined,
      });
      expect(await journal.get('missing')).toBeUndefined();
    });

    it('keeps where each entry came from (the form unless said), as written and as read back', async () => {
      const quick = await journal.insert({ ...newEntry('g-quick'), source: 'quick_log' }, T0);
      await journal.insert({ ...newEntry('g-step'), source: 'workflow' }, T0);
      await journal.insert(newEntry('g-form'), T0);
      expect(quick.entry.source).toBe('quick_log');
      expect((await journal.get('g-quick'))?.source).toBe('quick_log');
      expect((await journal.get('g-step'))?.source).toBe('workflow');
      expect((await journal.get('g-form'))?.source).toBe('form');
    });

    it('refuses a second entry with the same UniqueID and returns the first unchanged', async () => {
      await journal.insert(newEntry('g-1'), T0);
      const second = await journal.insert(
        { ...newEntry('g-1', 'U2'), interaction: interaction('g-1', 'other') },
        at(1000),
      );
      expect(second.inserted).toBe(false);
      expect(second.entry.slackUserId).toBe('U1');
      expect(second.entry.interaction.notes).toBe('Called about the renewal');
      expect(second.entry.createdAt).toEqual(T0);
    });

    it('is visible through a second connection to the same database', async () => {
      await journal.insert(newEntry('g-1'), T0);
      const other = (await backend.connect()).journal;
      expect((await other.get('g-1'))?.state).toBe('pending');
      expect((await other.insert(newEntry('g-1'), T0)).inserted).toBe(false);
    });
  });

  describe('claim', () => {
    it('lets exactly one of two connections claim the same entry', async () => {
      await journal.insert(newEntry('g-1'), T0);
      const other = (await backend.connect()).journal;
      const first = await journal.claim('g-1', T0, at(30_000));
      const second = await other.claim('g-1', T0, at(30_000));
      expect(first?.attempts).toBe(1);
      expect(first?.leaseUntil).toEqual(at(30_000));
      expect(second).toBeUndefined();
    });

    it('lets another connection claim once the lease has expired, counting the attempt', async () => {
      await journal.insert(newEntry('g-1'), T0);
      const other = (await backend.connect()).journal;
      await journal.claim('g-1', T0, at(30_000));
      expect(await other.claim('g-1', at(29_999), at(60_000))).toBeUndefined();
      const taken = await other.claim('g-1', at(30_000), at(60_000));
      expect(taken?.attempts).toBe(2);
      expect(taken?.updatedAt).toEqual(at(30_000));
    });

    it('renews a lease only for the claim that still holds it, also after it ran out', async () => {
      await journal.insert(newEntry('g-1'), T0);
      const other = (await backend.connect()).journal;
      const mine = await journal.claim('g-1', T0, at(30_000));
      expect(await journal.renewLease('g-1', mine?.attempts ?? -1, at(60_000), at(20_000))).toBe(true);
      expect(await other.get('g-1')).toMatchObject({ leaseUntil: at(60_000), attempts: 1, updatedAt: at(20_000) });
      expect(await other.claim('g-1', at(45_000), at(90_000))).toBeUndefined();
      // Ran out, but nobody took it: still this claim's to renew.
      expect(await journal.renewLease('g-1', 1, at(100_000), at(70_000))).toBe(true);
      expect(await other.claim('g-1', at(99_999), at(130_000))).toBeUndefined();
      const taken = await other.claim('g-1', at(100_000), at(130_000));
      expect(taken?.attempts).toBe(2);
      // Claimed again: the first claim can no longer move the lease.
      expect(await journal.renewLease('g-1', 1, at(200_000), at(100_001))).toBe(false);
      expect((await journal.get('g-1'))?.leaseUntil).toEqual(at(130_000));
    });

    it('does not renew the lease of a settled or unknown entry', async () => {
      await journal.insert(newEntry('g-1'), T0);
      const claimed = await journal.claim('g-1', T0, at(30_000));
      await journal.markLogged('g-1', at(1000));
      expect(await journal.renewLease('g-1', claimed?.attempts ?? -1, at(60_000), at(2000))).toBe(false);
      expect(await journal.get('g-1')).toMatchObject({ state: 'logged', leaseUntil: undefined, updatedAt: at(1000) });
      expect(await journal.renewLease('nope', 1, at(60_000), at(2000))).toBe(false);
    });

    it('does not claim settled or unknown entries', async () => {
      await journal.insert(newEntry('g-1'), T0);
      await journal.markLogged('g-1', T0);
      expect(await journal.claim('g-1', at(1), at(30_000))).toBeUndefined();
      expect(await journal.claim('nope', at(1), at(30_000))).toBeUndefined();
    });
  });

  describe('listDue and nextDueAt', () => {
    it('lists pending entries whose attempt time has come and whose lease is free, oldest first', async () => {
      await journal.insert(newEntry('old'), T0);
      await journal.insert(newEntry('newer'), at(1000));
      await journal.insert(newEntry('leased'), at(500));
      await journal.insert(newEntry('later'), at(200));
      await journal.insert(newEntry('logged'), at(100));
      await journal.claim('leased', at(2000), at(60_000));
      await journal.markRetry('later', 'Caliq unavailable', at(10_000), at(2000));
      await journal.markLogged('logged', at(2000));

      expect((await journal.listDue(at(5000), 10)).map((e) => e.uniqueId)).toEqual(['old', 'newer']);
      expect((await journal.listDue(at(5000), 1)).map((e) => e.uniqueId)).toEqual(['old']);
      expect((await journal.listDue(at(10_000), 10)).map((e) => e.uniqueId)).toEqual(['old', 'later', 'newer']);
      expect((await journal.listDue(at(60_000), 10)).map((e) => e.uniqueId)).toEqual([
        'old',
        'later',
        'leased',
        'newer',
      ]);
    });

    it('treats a NULL next attempt as due', async () => {
      await journal.insert(newEntry('g-1'), T0);
      await backend.exec('UPDATE journal SET next_attempt_at = NULL');
      expect((await journal.listDue(T0, 10)).map((e) => e.uniqueId)).toEqual(['g-1']);
    });

    it('reports when the earliest pending entry becomes due, counting its lease', async () => {
      expect(await journal.nextDueAt()).toBeUndefined();
      await journal.insert(newEntry('a'), T0);
      await journal.claim('a', T0, at(30_000));
      expect(await journal.nextDueAt()).toEqual(at(30_000));
      await journal.insert(newEntry('b'), at(1000));
      await journal.markRetry('b', 'timeout', at(20_000), at(1000));
      expect(await journal.nextDueAt()).toEqual(at(20_000));
      await journal.markLogged('b', at(2000));
      await journal.markLogged('a', at(2000));
      expect(await journal.nextDueAt()).toBeUndefined();
    });
  });

  describe('outcomes', () => {
    it('records logged, rejected and failed, freeing the lease and bumping updatedAt', async () => {
      for (const id of ['a', 'b', 'c']) {
        await journal.insert(newEntry(id), T0);
        await journal.claim(id, T0, at(30_000));
      }
      const logged = await journal.markLogged('a', at(1000));
      expect(logged).toMatchObject({ state: 'logged', loggedAt: at(1000), updatedAt: at(1000), leaseUntil: undefined });
      const issues = [{ id: 12, message: 'Unknown contact', extraData: 'Ada' }];
      const rejected = await journal.markRejected('b', issues, at(2000));
      expect(rejected).toMatchObject({ state: 'rejected', issues, updatedAt: at(2000), leaseUntil: undefined });
      const failed = await journal.markFailed('c', 'Caliq refused the API key', at(3000));
      expect(failed).toMatchObject({ state: 'failed', lastError: 'Caliq refused the API key', updatedAt: at(3000) });
      expect(await journal.countByState()).toEqual({ pending: 0, logged: 1, rejected: 1, failed: 1 });
    });

    it('keeps a retry pending with the error and the next attempt time', async () => {
      await journal.insert(newEntry('a'), T0);
      await journal.claim('a', T0, at(30_000));
      const retried = await journal.markRetry('a', 'Caliq did not answer in time', at(60_000), at(1000));
      expect(retried).toMatchObject({
        state: 'pending',
        lastError: 'Caliq did not answer in time',
        nextAttemptAt: at(60_000),
        leaseUntil: undefined,
        attempts: 1,
        updatedAt: at(1000),
      });
      expect((await journal.claim('a', at(1001), at(30_000)))?.attempts).toBe(2);
    });

    it('does not let a late worker overturn a settled entry', async () => {
      await journal.insert(newEntry('a'), T0);
      await journal.markLogged('a', at(1000));
      expect(await journal.markRetry('a', 'late timeout', at(9000), at(2000))).toMatchObject({
        state: 'logged',
        lastError: undefined,
      });
      expect((await journal.markFailed('a', 'late failure', at(2000))).state).toBe('logged');
      expect((await journal.get('a'))?.updatedAt).toEqual(at(1000));
    });

    it('throws a typed error for an unknown entry', async () => {
      await expect(journal.markLogged('nope', T0)).rejects.toThrow(RecordNotFoundError);
    });

    it('notes the delay and give-up notices', async () => {
      await journal.insert(newEntry('a'), T0);
      await journal.noteDelayNotice('a', at(1000));
      await journal.noteGiveUpNotice('a', at(2000));
      expect(await journal.get('a')).toMatchObject({ delayNoticeAt: at(1000), giveUpNoticeAt: at(2000) });
    });
  });

  describe('resubmit', () => {
    const change = {
      interaction: interaction('a', 'Edited notes'),
      draft: { notes: 'Edited notes' },
      replyTo: { conversationId: 'C9' },
    };

    it('reopens a rejected entry with the edited content, cleared issues and due now', async () => {
      await journal.insert(newEntry('a'), T0);
      await journal.claim('a', T0, at(30_000));
      await journal.markRejected('a', [{ id: 1, message: 'bad', extraData: '' }], at(1000));
      await journal.noteDelayNotice('a', at(1000));
      const again = await journal.resubmit('a', change, at(5000));
      expect(again).toMatchObject({
        state: 'pending',
        interaction: change.interaction,
        draft: change.draft,
        replyTo: change.replyTo,
        issues: [],
        lastError: undefined,
        attempts: 0,
        nextAttemptAt: at(5000),
        delayNoticeAt: undefined,
        updatedAt: at(5000),
        createdAt: T0,
      });
      expect((await journal.listDue(at(5000), 10)).map((e) => e.uniqueId)).toEqual(['a']);
    });

    it('reopens a failed entry and clears its error', async () => {
      await journal.insert(newEntry('a'), T0);
      await journal.markFailed('a', 'gave up', at(1000));
      expect(await journal.resubmit('a', change, at(2000))).toMatchObject({ state: 'pending', lastError: undefined });
    });

    it('refuses pending, logged and unknown entries', async () => {
      await journal.insert(newEntry('p'), T0);
      await journal.insert(newEntry('l'), T0);
      await journal.markLogged('l', T0);
      expect(await journal.resubmit('p', change, at(1000))).toBeUndefined();
      expect(await journal.resubmit('l', change, at(1000))).toBeUndefined();
      expect(await journal.resubmit('nope', change, at(1000))).toBeUndefined();
      expect((await journal.get('l'))?.interaction.notes).toBe('Called about the renewal');
    });
  });

  describe('listForUser', () => {
    it("lists the user's entries since a date in the given states, newest first", async () => {
      await journal.insert(newEntry('too-old', 'U1'), at(-1));
      await journal.insert(newEntry('first', 'U1'), T0);
      await journal.insert(newEntry('second', 'U1'), at(1000));
      await journal.insert(newEntry('third', 'U1'), at(2000));
      await journal.insert(newEntry('someone-else', 'U2'), at(1500));
      await journal.markRejected('second', [], at(3000));
      await journal.markLogged('third', at(3000));

      expect((await journal.listForUser('U1', T0, ['pending', 'rejected'])).map((e) => e.uniqueId)).toEqual([
        'second',
        'first',
      ]);
      expect(
        (await journal.listForUser('U1', T0, ['logged', 'rejected', 'pending', 'failed'])).map((e) => e.uniqueId),
      ).toEqual(['third', 'second', 'first']);
      expect((await journal.listForUser('U1', at(-1), ['pending'])).map((e) => e.uniqueId)).toEqual([
        'first',
        'too-old',
      ]);
      expect(await journal.listForUser('U1', T0, [])).toEqual([]);
      expect(await journal.listForUser('U3', T0, ['pending'])).toEqual([]);
    });
  });

  describe('claims by concurrent instances', () => {
    it('never gives one entry to two claimers, and every entry to someone', async () => {
      const ids = Array.from({ length: 60 }, (_, i) => `c-${String(i).padStart(2, '0')}`);
      for (const id of ids) await journal.insert(newEntry(id), T0);
      const instances = [journal, (await backend.connect()).journal, (await backend.connect()).journal];
      const claimedBy = new Map<string, number[]>();
      await Promise.all(
        instances.map(async (store, index) => {
          for (;;) {
            const due = await store.listDue(at(1000), 8);
            if (due.length === 0) return;
            await Promise.all(
              due.map(async (entry) => {
                if (await store.claim(entry.uniqueId, at(1000), at(60_000))) {
                  claimedBy.set(entry.uniqueId, [...(claimedBy.get(entry.uniqueId) ?? []), index]);
                }
              }),
            );
          }
        }),
      );
      expect([...claimedBy.keys()].sort()).toEqual(ids);
      for (const [id, claimers] of claimedBy) expect(claimers, id).toHaveLength(1);
      expect((await journal.listDue(at(1000), 100)).length).toBe(0);
      for (const id of ids) expect((await journal.get(id))?.attempts).toBe(1);
    });

    it('lets only one of many simultaneous claims of one entry succeed', async () => {
      await journal.insert(newEntry('one'), T0);
      const instances = [journal, (await backend.connect()).journal, (await backend.connect()).journal];
      const results = await Promise.all(
        instances.flatMap((store) => [1, 2, 3].map(() => store.claim('one', at(1000), at(30_000)))),
      );
      expect(results.filter((entry) => entry !== undefined)).toHaveLength(1);
      expect((await journal.get('one'))?.attempts).toBe(1);
    });

    it('hands an entry whose lease expired (its instance died) to another instance', async () => {
      await journal.insert(newEntry('orphan'), T0);
      expect(await journal.claim('orphan', T0, at(30_000))).toBeDefined();
      const survivor = (await backend.connect()).journal;
      expect(await survivor.listDue(at(29_999), 10)).toEqual([]);
      expect(await survivor.nextDueAt()).toEqual(at(30_000));
      expect((await survivor.listDue(at(30_000), 10)).map((e) => e.uniqueId)).toEqual(['orphan']);
      expect(await survivor.claim('orphan', at(30_000), at(60_000))).toMatchObject({ attempts: 2 });
      expect(await journal.claim('orphan', at(30_001), at(90_000))).toBeUndefined();
      expect((await survivor.markLogged('orphan', at(31_000))).state).toBe('logged');
      // The dead instance's late outcome, had it come, would not overturn the settled entry.
      expect((await journal.markRetry('orphan', 'late', at(99_000), at(32_000))).state).toBe('logged');
    });
  });

  describe('list and oldestPendingAt (operators and metrics)', () => {
    const ids = (entries: { uniqueId: string }[]) => entries.map((entry) => entry.uniqueId);

    it('lists newest first and combines the state, user, since and limit filters', async () => {
      await journal.insert(newEntry('old', 'U1'), at(-1000));
      await journal.insert(newEntry('a', 'U1'), T0);
      await journal.insert(newEntry('b', 'U2'), at(1000));
      await journal.insert(newEntry('c', 'U3'), at(2000));
      await journal.markLogged('a', at(3000));
      await journal.markFailed('b', 'gave up', at(3000));

      expect(ids(await journal.list({}))).toEqual(['c', 'b', 'a', 'old']);
      expect(ids(await journal.list({ states: [], slackUserIds: [] }))).toEqual(['c', 'b', 'a', 'old']);
      expect(ids(await journal.list({ states: ['pending'] }))).toEqual(['c', 'old']);
      expect(ids(await journal.list({ states: ['logged', 'failed'] }))).toEqual(['b', 'a']);
      expect(ids(await journal.list({ slackUserIds: ['U1', 'U3'] }))).toEqual(['c', 'a', 'old']);
      expect(ids(await journal.list({ since: T0 }))).toEqual(['c', 'b', 'a']);
      expect(ids(await journal.list({ slackUserIds: ['U1'], states: ['pending'], since: at(-1000) }))).toEqual(['old']);
      expect(ids(await journal.list({ limit: 2 }))).toEqual(['c', 'b']);
      expect(await journal.list({ slackUserIds: ['U9'] })).toEqual([]);
    });

    it('gives the creation time of the oldest pending entry, or undefined', async () => {
      expect(await journal.oldestPendingAt()).toBeUndefined();
      await journal.insert(newEntry('first'), T0);
      await journal.insert(newEntry('second'), at(1000));
      expect(await journal.oldestPendingAt()).toEqual(T0);
      await journal.markLogged('first', at(2000));
      expect(await journal.oldestPendingAt()).toEqual(at(1000));
    });
  });
}
