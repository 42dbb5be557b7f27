// Remembered contacts: the people a team logged with an account, from the journal, newest first, one per name.
import { beforeEach, describe, expect, it } from 'vitest';
import type { JournalStore, NewJournalEntry } from '../../src/store/types.js';
import type { ContractBackend } from './backend.js';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const day = (n: number): Date => new Date(T0.getTime() + n * 86_400_000);

function entry(uniqueId: string, contact: [string, string], over: { account?: string; team?: string } = {}) {
  const accountNo = over.account ?? 'ACME01';
  const value: NewJournalEntry = {
    uniqueId,
    slackUserId: 'U1',
    slackTeamId: over.team ?? 'T1',
    interaction: {
      uniqueId,
      channelId: 3,
      customer: { accountNo },
      kind: 'C',
      contactedBy: 'EMP1',
      contact: { firstName: contact[0], surname: contact[1] },
    },
    draft: { accountNo },
    replyTo: {},
    followUpSlackUserId: undefined,
  };
  return value;
}

export function contactsContract(backend: ContractBackend): void {
  let journal: JournalStore;
  beforeEach(async () => {
    journal = (await backend.connect()).journal;
  });

  describe('listContactsForAccount', () => {
    it('lists each person once, most recently logged first, for the account in any letter case', async () => {
      await journal.insert(entry('c-1', ['Jane', 'Smith']), day(0));
      await journal.insert(entry('c-2', ['Raj', 'Patel']), day(1));
      await journal.insert(entry('c-3', ['jane', 'SMITH']), day(2));
      await journal.insert(entry('c-4', ['Ole', 'Berg'], { account: 'OTHER1' }), day(3));
      await journal.insert(entry('c-5', ['Amy', 'Ng'], { account: 'acme01' }), day(4));
      const contacts = await journal.listContactsForAccount('Acme01', 'T1', 10);
      expect(contacts).toEqual([
        { firstName: 'Amy', surname: 'Ng', lastLoggedAt: day(4) },
        { firstName: 'jane', surname: 'SMITH', lastLoggedAt: day(2) },
        { firstName: 'Raj', surname: 'Patel', lastLoggedAt: day(1) },
      ]);
      expect(await journal.listContactsForAccount('ACME01', 'T1', 1)).toHaveLength(1);
    });

    it('leaves out other teams, rejected and failed entries; reads what another connection wrote', async () => {
      await journal.insert(entry('c-1', ['Jane', 'Smith']), day(0));
      await journal.insert(entry('c-2', ['Other', 'Team'], { team: 'T2' }), day(1));
      await journal.insert(entry('c-3', ['Was', 'Rejected']), day(2));
      await journal.markRejected('c-3', [], day(2));
      await journal.insert(entry('c-4', ['Has', 'Failed']), day(3));
      await journal.markFailed('c-4', 'boom', day(3));
      await journal.insert(entry('c-5', ['Was', 'Logged']), day(4));
      await journal.markLogged('c-5', day(4));
      const other = (await backend.connect()).journal;
      const names = (await other.listContactsForAccount('ACME01', 'T1', 10)).map((c) => `${c.firstName} ${c.surname}`);
      expect(names).toEqual(['Was Logged', 'Jane Smith']);
      expect(await other.listContactsForAccount('ACME01', undefined, 10)).toHaveLength(3);
      expect(await other.listContactsForAccount('NOBODY', 'T1', 10)).toEqual([]);
    });
  });
}
