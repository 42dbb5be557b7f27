// A new entry journaled already claimed for its first attempt, and a claim given back unused.
import { beforeEach, describe, expect, it } from 'vitest';
import type { JournalStore } from '../../src/store/types.js';
import { sampleNewEntry } from '../support/sample-interaction.js';
import type { ContractBackend } from './backend.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

export function firstClaimContract(backend: ContractBackend): void {
  let journal: JournalStore;
  let other: JournalStore;
  beforeEach(async () => {
    journal = (await backend.connect()).journal;
    other = (await backend.connect()).journal;
  });

  describe('insert with the first claim', () => {
    it('writes the entry claimed (one attempt, leased), returns it as read back, and no one else can claim it', async () => {
      const { inserted, entry } = await journal.insert(sampleNewEntry('a'), T0, { leaseUntil: at(30_000) });
      expect(inserted).toBe(true);
      expect(entry).toMatchObject({ state: 'pending', attempts: 1, leaseUntil: at(30_000) });
      expect(await other.get('a')).toEqual(entry);
      expect(await other.claim('a', at(1000), at(31_000))).toBeUndefined();
      expect(await other.listDue(at(1000), 10)).toEqual([]);
      expect(await other.nextDueAt()).toEqual(at(30_000));
      // Once the lease has run out, any worker may take it over, counting a second attempt.
      expect(await other.claim('a', at(30_000), at(60_000))).toMatchObject({ attempts: 2 });
    });

    it('leaves a repeat of the UniqueID as it is, unclaimed', async () => {
      await journal.insert(sampleNewEntry('a'), T0);
      const repeat = await journal.insert(sampleNewEntry('a'), at(1000), { leaseUntil: at(31_000) });
      expect(repeat).toMatchObject({ inserted: false, entry: { attempts: 0, leaseUntil: undefined } });
    });
  });

  describe('release', () => {
    it('gives back an unused claim: due at once, its attempt uncounted', async () => {
      await journal.insert(sampleNewEntry('a'), T0, { leaseUntil: at(30_000) });
      expect(await journal.release('a', 1, at(500))).toBe(true);
      expect(await other.get('a')).toMatchObject({ attempts: 0, leaseUntil: undefined, nextAttemptAt: at(500) });
      expect((await other.listDue(at(500), 10)).map((entry) => entry.uniqueId)).toEqual(['a']);
    });

    it('gives back nothing for a claim no longer held, a settled entry or an unknown one', async () => {
      await journal.insert(sampleNewEntry('a'), T0, { leaseUntil: at(30_000) });
      await other.claim('a', at(30_000), at(60_000));
      expect(await journal.release('a', 1, at(30_500))).toBe(false);
      expect(await other.get('a')).toMatchObject({ attempts: 2, leaseUntil: at(60_000) });
      await journal.insert(sampleNewEntry('l'), T0, { leaseUntil: at(30_000) });
      await journal.markLogged('l', at(100));
      expect(await journal.release('l', 1, at(200))).toBe(false);
      expect(await journal.release('nope', 1, at(200))).toBe(false);
    });
  });
}
