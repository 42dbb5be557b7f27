// Checks what the text after /log-interaction prefills, and which words are subcommands.
import { describe, expect, it } from 'vitest';
import { parseCommandText } from './command-text.js';

const options = { timeZone: 'Europe/London', now: new Date('2026-11-25T11:00:00Z') };
const draftOf = (text: string) => {
  const result = parseCommandText(text, options);
  if (result.subcommand !== undefined) throw new Error(`unexpected subcommand ${result.subcommand}`);
  return result.draft;
};

describe('parseCommandText: subcommands', () => {
  it.each([
    ['help', 'help'],
    ['HELP', 'help'],
    [' Status ', 'status'],
    ['followups', 'followups'],
    ['unlink', 'unlink'],
    [' UNLINK ', 'unlink'],
  ])('%j is the %s subcommand', (text, subcommand) => {
    expect(parseCommandText(text, options)).toEqual({ subcommand });
  });

  it('a subcommand word among others is notes', () => {
    expect(draftOf('help with the order')).toEqual({ notes: 'help with the order' });
  });

  it.each([
    ['link ACME01', 'ACME01'],
    ['link acme01.', 'ACME01'],
    ['Link account: bolt22', 'BOLT22'],
    ['link', undefined],
  ])('%j links the channel to %s', (text, accountNo) => {
    expect(parseCommandText(text, options)).toEqual({ subcommand: 'link', accountNo });
  });

  it('"link" followed by more than an account is notes', () => {
    expect(draftOf('link up with ACME01')).toEqual({ accountNo: 'ACME01', notes: 'link up with' });
    expect(draftOf('unlink the old contract')).toEqual({ notes: 'unlink the old contract' });
  });

  it('empty text gives an empty draft', () => {
    expect(draftOf('  ')).toEqual({});
  });
});

describe('parseCommandText: prefill', () => {
  it('takes type word, account, date and notes', () => {
    expect(draftOf('called ACME01 yesterday 3pm about the  widget order')).toEqual({
      kind: 'C',
      accountNo: 'ACME01',
      when: 'yesterday 3pm',
      notes: 'about the widget order',
    });
  });

  it.each([
    ['phoned', 'C'],
    ['rang', 'C'],
    ['Phone', 'C'],
    ['emailed', 'E'],
    ['e-mail', 'E'],
    ['visited', 'V'],
    ['met', 'V'],
    ['meeting', 'V'],
  ])('reads %j as kind %s', (word, kind) => {
    expect(draftOf(`${word} BX-22 re pricing`)).toEqual({ kind, accountNo: 'BX-22', notes: 're pricing' });
  });

  it('finds the type word after the account and date', () => {
    expect(draftOf('ACME01 yesterday visited the site')).toEqual({
      kind: 'V',
      accountNo: 'ACME01',
      when: 'yesterday',
      notes: 'the site',
    });
  });

  it('leaves a type word in the middle of the notes alone', () => {
    expect(draftOf('discussed the meeting plan')).toEqual({ notes: 'discussed the meeting plan' });
  });

  it('takes an explicit account in any case and upper-cases it', () => {
    expect(draftOf('email account:acme-7 quote sent')).toEqual({ kind: 'E', accountNo: 'ACME-7', notes: 'quote sent' });
    expect(draftOf('acct: xy9, quote sent')).toEqual({ accountNo: 'XY9', notes: 'quote sent' });
  });

  it('ignores words that are not account-shaped', () => {
    // lower case, no digit, no letter, too long, a time
    expect(draftOf('acme01 ACME 2026 ABCDEFGHIJ1 3PM')).toMatchObject({ notes: 'acme01 ACME 2026 ABCDEFGHIJ1' });
    expect(draftOf('acme01 ACME 2026 ABCDEFGHIJ1').accountNo).toBeUndefined();
  });

  it('takes the first account-shaped token, dropping trailing punctuation', () => {
    expect(draftOf('Spoke to ACME01, then AB12.')).toMatchObject({
      accountNo: 'ACME01',
      notes: 'Spoke to, then AB12.',
    });
  });

  it('leaves a future date phrase in the notes', () => {
    expect(draftOf('call ACME01 quote due next Friday')).toEqual({
      kind: 'C',
      accountNo: 'ACME01',
      notes: 'quote due next Friday',
    });
  });

  it('reads dates in the user order and zone', () => {
    expect(draftOf('visit ZZ9 24/11 14:00 demo')).toEqual({
      kind: 'V',
      accountNo: 'ZZ9',
      when: '24/11 14:00',
      notes: 'demo',
    });
  });

  it('unescapes Slack markup in the notes', () => {
    expect(
      draftOf('called ACME01 with <@U123|jane>: see <https://x.example/q|quote> &amp; <mailto:a@b.com|a@b.com>'),
    ).toEqual({
      kind: 'C',
      accountNo: 'ACME01',
      notes: 'with @jane: see quote (https://x.example/q) & a@b.com',
    });
  });
});

describe('parseCommandText: dates are taken whole (issue 18)', () => {
  it('takes a month-name date with its time, not the time alone', () => {
    const options = { timeZone: 'Europe/London', now: new Date('2026-12-02T11:00:00Z') };
    const result = parseCommandText('ACME01 called Nov 30 9:00 about the invoice', options);
    expect(result).toEqual({
      subcommand: undefined,
      draft: { accountNo: 'ACME01', kind: 'C', when: 'Nov 30 9:00', notes: 'about the invoice' },
    });
  });

  it('takes an impossible time with the day it is stuck to, so the form refuses it rather than dropping it', () => {
    expect(draftOf('ACME01 called yesterday 25:00 about pricing')).toEqual({
      accountNo: 'ACME01',
      kind: 'C',
      when: 'yesterday 25:00',
      notes: 'about pricing',
    });
    expect(draftOf('ACME01 called yesterday 3:75pm')).toMatchObject({ when: 'yesterday 3:75pm' });
  });

  it('leaves a number that is not part of the date in the notes', () => {
    expect(draftOf('ACME01 called yesterday, 2 units short')).toEqual({
      accountNo: 'ACME01',
      kind: 'C',
      when: 'yesterday',
      notes: '2 units short',
    });
  });
});
