// The journal's "outcome told" mark: noted after a final notice, and settled entries nobody told taken by one sweep only.
import { beforeEach, describe, expect, it } from 'vitest';
import type { JournalStore } from '../../src/store/types.js';
import { sampleNewEntry } from '../support/sample-interaction.js';
import type { ContractBackend } from './backend.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const ids = (entries: { uniqueId: string }[]) => entries.map((entry) => entry.uniqueId);

export function toldContract(backend: ContractBackend): void {
  let journal: JournalStore;
  beforeEach(async () => {
    journal = (await backend.connect()).journal;
  });

  /** One entry per final state, settled at 1 s, 2 s and 3 s, and one left pending. */
  async function settleOneOfEach(): Promise<void> {
    for (const id of ['l', 'r', 'f', 'p']) await journal.insert(sampleNewEntry(id), T0);
    await journal.markLogged('l', at(1000));
    await journal.markRejected('r', [{ id: 12, message: 'Unknown contact', extraData: '' }], at(2000));
    await journal.markFailed('f', 'Caliq could not read the request (400)', at(3000));
  }

  describe('outcome told', () => {
    it('starts untold and keeps the instant it was noted', async () => {
      const { entry } = await journal.insert(sampleNewEntry('a'), T0);
      expect(entry.outcomeToldAt).toBeUndefined();
      expect((await journal.get('a'))?.outcomeToldAt).toBeUndefined();
      await journal.markLogged('a', at(1000));
      await journal.noteOutcomesTold(['a'], at(1500));
      expect((await journal.get('a'))?.outcomeToldAt).toEqual(at(1500));
    });

    it('notes several entries told in one call, ignoring unknown ones and an empty list', async () => {
      await settleOneOfEach();
      await journal.noteOutcomesTold([], at(1500));
      await journal.noteOutcomesTold(['l', 'f', 'no-such-entry'], at(4000));
      expect((await journal.get('l'))?.outcomeToldAt).toEqual(at(4000));
      expect((await journal.get('f'))?.outcomeToldAt).toEqual(at(4000));
      expect((await journal.get('r'))?.outcomeToldAt).toBeUndefined();
      expect(ids(await journal.claimUntold(at(60_000), at(61_000), 10))).toEqual(['r']);
    });

    it('claims settled untold entries settled before the cut-off, oldest first, marking them told', async () => {
      await settleOneOfEach();
      expect(ids(await journal.claimUntold(at(2500), at(10_000), 10))).toEqual(['l', 'r']);
      expect((await journal.get('l'))?.outcomeToldAt).toEqual(at(10_000));
      expect((await journal.get('f'))?.outcomeToldAt).toBeUndefined();
      const [failed, ...rest] = await journal.claimUntold(at(60_000), at(11_000), 10);
      expect(rest).toEqual([]);
      expect(failed).toMatchObject({
        uniqueId: 'f',
        state: 'failed',
        lastError: 'Caliq could not read the request (400)',
      });
      expect(await journal.claimUntold(at(60_000), at(12_000), 10)).toEqual([]);
      expect((await journal.get('p'))?.outcomeToldAt).toBeUndefined();
    });

    it('does not claim entries already told, and respects the limit', async () => {
      await settleOneOfEach();
      await journal.noteOutcomesTold(['r'], at(2100));
      expect(ids(await journal.claimUntold(at(60_000), at(10_000), 1))).toEqual(['l']);
      expect(ids(await journal.claimUntold(at(60_000), at(10_000), 5))).toEqual(['f']);
    });

    it('gives each untold entry to one of several concurrent sweeps', async () => {
      const all = Array.from({ length: 40 }, (_, i) => `u-${String(i).padStart(2, '0')}`);
      for (const id of all) {
        await journal.insert(sampleNewEntry(id), T0);
        await journal.markLogged(id, at(1000));
      }
      const instances = [journal, (await backend.connect()).journal, (await backend.connect()).journal];
      const taken: string[] = [];
      await Promise.all(
        instances.flatMap((store) =>
          [1, 2].map(async () => {
            for (;;) {
              const claimed = await store.claimUntold(at(60_000), at(61_000), 3);
              if (claimed.length === 0) return;
              taken.push(...ids(claimed));
            }
          }),
        ),
      );
      expect(taken.sort()).toEqual(all);
    });

    it('forgets the mark when a rejected entry is resubmitted, so its next outcome is told too', async () => {
      await journal.insert(sampleNewEntry('a'), T0);
      await journal.markRejected('a', [], at(1000));
      await journal.noteOutcomesTold(['a'], at(1500));
      const pending = await journal.resubmit('a', (await journal.get('a')) ?? sampleNewEntry('a'), at(2000));
      expect(pending?.outcomeToldAt).toBeUndefined();
      await journal.markLogged('a', at(3000));
      expect(ids(await journal.claimUntold(at(60_000), at(61_000), 10))).toEqual(['a']);
    });
  });
}
