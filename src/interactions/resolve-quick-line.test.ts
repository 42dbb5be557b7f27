// What a quick line's parts become: the draft for the form's checks, and each missing or ambiguous part in words.
import { describe, expect, it } from 'vitest';
import type { QuickLine } from './quick-log.js';
import { type AccountCandidate, resolveQuickLine } from './resolve-quick-line.js';

const ACCOUNTS: AccountCandidate[] = [
  { accountNo: 'ACME01', name: 'Acme Engineering Ltd' },
  { accountNo: 'ACME02', name: 'Acme Foods' },
  { accountNo: 'BOLT22', name: 'Bolt & Nut Co' },
];
const search = (name: string) => ACCOUNTS.filter((account) => account.name?.toLowerCase().includes(name.toLowerCase()));
const CHANNELS = [
  { id: 61, description: 'Web' },
  { id: 63, description: 'Trade Show' },
  { id: 64, description: 'Sales Rep' },
];
const resolve = (
  line: QuickLine,
  extra: { linkedAccountNo?: string; loaded?: boolean; defaultChannelId?: number | null } = {},
) =>
  resolveQuickLine(line, {
    submitterId: 'U0ALICE01',
    linkedAccountNo: extra.linkedAccountNo,
    searchAccounts: (name) => (extra.loaded === false ? undefined : search(name)),
    channels: CHANNELS,
    defaultChannelId: extra.defaultChannelId === null ? undefined : (extra.defaultChannelId ?? 64),
  });
const COMPLETE: QuickLine = {
  kind: 'C',
  account: { accountNo: 'ACME01' },
  contact: { firstName: 'Jane', surname: 'Smith' },
};

describe('resolveQuickLine', () => {
  it('makes a complete line a draft with no problems', () => {
    expect(resolve({ ...COMPLETE, when: 'yesterday 3pm', notes: 'n' })).toEqual({
      draft: {
        kind: 'C',
        accountNo: 'ACME01',
        channelId: 64,
        contactFirstName: 'Jane',
        contactSurname: 'Smith',
        when: 'yesterday 3pm',
        notes: 'n',
      },
      problems: [],
    });
  });

  it('finds an account by a name only one customer has', () => {
    expect(resolve({ ...COMPLETE, account: { name: 'bolt' } }).draft.accountNo).toBe('BOLT22');
  });

  it('says a name matching two accounts is ambiguous, naming both', () => {
    const { draft, problems } = resolve({ ...COMPLETE, account: { name: 'Acme' } });
    expect(draft.accountNo).toBeUndefined();
    expect(problems).toEqual([
      '“Acme” matches more than one account (ACME01 (Acme Engineering Ltd), ACME02 (Acme Foods)); write the account number instead.',
    ]);
  });

  it('takes the one whose whole name it is among several matches', () => {
    expect(resolve({ ...COMPLETE, account: { name: 'acme foods' } }).draft.accountNo).toBe('ACME02');
  });

  it('says when no customer matches, and when the list is not loaded', () => {
    expect(resolve({ ...COMPLETE, account: { name: 'Zeta' } }).problems).toEqual([
      'No customer in Caliq matches “Zeta”.',
    ]);
    expect(resolve({ ...COMPLETE, account: { name: 'Acme' } }, { loaded: false }).problems[0]).toContain('hasn');
  });

  it('uses the linked channel’s account when the line names none', () => {
    const { account: _unused, ...line } = COMPLETE;
    expect(resolve(line, { linkedAccountNo: 'BOLT22' })).toMatchObject({
      draft: { accountNo: 'BOLT22' },
      problems: [],
    });
    expect(resolve(line).problems).toEqual(['Name the account: its number (ACME01) or `account Acme Engineering,`.']);
  });

  it('names each missing part: kind, contact, surname', () => {
    expect(resolve({ account: { accountNo: 'ACME01' } }).problems).toEqual([
      'Say whether it was a call, an email or a visit.',
      'Name the person you spoke to: `with Jane Smith`.',
    ]);
    expect(resolve({ ...COMPLETE, contact: { firstName: 'Jane' } }).problems).toEqual([
      "Give Jane's surname too: `with Jane Smith`.",
    ]);
  });

  it('follows up by the mentioned person, by the typist for "me", and asks for an @ for a bare name', () => {
    const at = (person: NonNullable<QuickLine['followUp']>['person']) =>
      resolve({ ...COMPLETE, followUp: { when: 'Friday 10am', person } });
    expect(at({ slackUserId: 'U0BOB0001' }).draft).toMatchObject({
      followUpWhen: 'Friday 10am',
      followUpBy: 'U0BOB0001',
    });
    expect(at({ me: true }).draft.followUpBy).toBe('U0ALICE01');
    expect(at({ name: 'Bob' }).problems[0]).toContain('@Bob');
    expect(resolve({ ...COMPLETE, followUp: { when: '', person: { me: true } } }).problems).toEqual([
      'Say when to follow up: `follow up Friday 10am`.',
    ]);
  });

  it('reads the channel by its name, else the default, and says which exist when neither', () => {
    expect(resolve({ ...COMPLETE, channel: 'trade' }).draft.channelId).toBe(63);
    expect(resolve({ ...COMPLETE, channel: 'sales rep' }).draft.channelId).toBe(64);
    expect(resolve({ ...COMPLETE, channel: 'fax' }).problems).toEqual([
      'No single Caliq channel is called “fax” (there are Web, Trade Show, Sales Rep).',
    ]);
    expect(resolve(COMPLETE, { defaultChannelId: null }).problems).toEqual([
      'Say which Caliq channel it came through: `via Sales Rep` (Web, Trade Show, Sales Rep).',
    ]);
  });

  it('completes a first name from the contacts logged before at that account, when only one fits', () => {
    const rememberedContacts = [
      { accountNo: 'ACME01', firstName: 'Jane', surname: 'Smith' },
      { accountNo: 'ACME01', firstName: 'jane', surname: 'smith' },
      { accountNo: 'BOLT22', firstName: 'Jane', surname: 'Brown' },
      { accountNo: 'BOLT22', firstName: 'Jane', surname: 'Green' },
    ];
    const line = (accountNo: string): QuickLine => ({
      ...COMPLETE,
      account: { accountNo },
      contact: { firstName: 'Jane' },
    });
    const context = (accountNo: string) =>
      resolveQuickLine(line(accountNo), {
        submitterId: 'U1',
        searchAccounts: () => [],
        channels: CHANNELS,
        defaultChannelId: 64,
        rememberedContacts,
      });
    expect(context('ACME01')).toMatchObject({ draft: { contactSurname: 'Smith' }, problems: [] });
    expect(context('BOLT22').problems).toEqual(['“Jane” could be Jane Brown or Jane Green; give the surname.']);
    expect(context('HULL04').problems).toEqual(["Give Jane's surname too: `with Jane Smith`."]);
  });
});
