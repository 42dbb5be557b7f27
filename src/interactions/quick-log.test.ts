// The quick log grammar on many lines: parts in any order and case, follow-ups, notes, and lines left to the form.
import { describe, expect, it } from 'vitest';
import { parseQuickLog } from './quick-log.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const read = (text: string) => parseQuickLog(text, { timeZone: 'Europe/London', now: NOW });

describe('parseQuickLog', () => {
  it.each([
    [
      'call ACME01 with Jane Smith yesterday 3pm discussed renewal',
      {
        kind: 'C',
        account: { accountNo: 'ACME01' },
        contact: { firstName: 'Jane', surname: 'Smith' },
        when: 'yesterday 3pm',
        notes: 'discussed renewal',
      },
    ],
    [
      'With jane smith ACME01 EMAILED today 10:00',
      {
        kind: 'E',
        account: { accountNo: 'ACME01' },
        contact: { firstName: 'Jane', surname: 'Smith' },
        when: 'today 10:00',
      },
    ],
    [
      'yesterday 3pm VISIT with Jane Smith acct: acme01 notes: brought samples',
      {
        kind: 'V',
        account: { accountNo: 'ACME01' },
        contact: { firstName: 'Jane', surname: 'Smith' },
        when: 'yesterday 3pm',
        notes: 'brought samples',
      },
    ],
    [
      'met account Acme Engineering, with Jane Smith',
      { kind: 'V', account: { name: 'Acme Engineering' }, contact: { firstName: 'Jane', surname: 'Smith' } },
    ],
    [
      'phoned BOLT22 spoke to Mary-Ann O’Neil about prices',
      {
        kind: 'C',
        account: { accountNo: 'BOLT22' },
        contact: { firstName: 'Mary-Ann', surname: 'O’Neil' },
        notes: 'about prices',
      },
    ],
    [
      'call ACME01 with Jane about prices',
      { kind: 'C', account: { accountNo: 'ACME01' }, contact: { firstName: 'Jane' }, notes: 'about prices' },
    ],
    ['call with Jane Smith', { kind: 'C', contact: { firstName: 'Jane', surname: 'Smith' } }],
  ])('reads %j', (line, expected) => {
    expect(read(line)).toEqual(expected);
  });

  it('keeps a name that looks like a month as the contact', () => {
    expect(read('visited with maria today 9:00')).toEqual({
      kind: 'V',
      contact: { firstName: 'Maria' },
      when: 'today 9:00',
    });
    expect(read('met with May Jones yesterday 3pm')).toMatchObject({
      contact: { firstName: 'May', surname: 'Jones' },
      when: 'yesterday 3pm',
    });
  });

  it('reads the channel after via', () => {
    expect(read('call ACME01 via Trade Show, with Jane Smith')).toMatchObject({
      channel: 'Trade Show',
      account: { accountNo: 'ACME01' },
      contact: { firstName: 'Jane', surname: 'Smith' },
    });
  });

  it('takes a follow-up with a mentioned person, wherever it stands', () => {
    expect(read('call ACME01 follow up Friday 10am with <@U0BOB0001|bob>; with Jane Smith')).toEqual({
      kind: 'C',
      account: { accountNo: 'ACME01' },
      contact: { firstName: 'Jane', surname: 'Smith' },
      followUp: { when: 'Friday 10am', person: { slackUserId: 'U0BOB0001' } },
    });
  });

  it.each([
    ['call ACME01 with Jane Smith, follow up Friday 10am', { me: true }],
    ['call ACME01 with Jane Smith FOLLOW-UP on Friday 10am with me', { me: true }],
    ['call ACME01 with Jane Smith follow up Friday 10am with Bob', { name: 'Bob' }],
  ])('reads who follows up in %j', (line, person) => {
    expect(read(line)?.followUp).toEqual({ when: 'Friday 10am', person });
  });

  it('keeps a date it cannot read whole as typed, for the checks to refuse in words', () => {
    expect(read('call ACME01 with Jane Smith yesterday 25:00')?.when).toBe('yesterday 25:00');
  });

  it('keeps an empty follow-up phrase so the card can ask for one', () => {
    expect(read('call ACME01 with Jane Smith follow up with me')?.followUp).toEqual({ when: '', person: { me: true } });
  });

  it.each(['call ACME01 yesterday 3pm discussed renewal', 'ACME01', '', 'visit BOLT22 today 10:00'])(
    'leaves %j to the form (no contact, no follow-up)',
    (line) => {
      expect(read(line)).toBeUndefined();
    },
  );
});
