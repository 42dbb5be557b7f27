// Checks every validation rule of a draft, all errors at once, and the InteractionInput built on success.
import { describe, expect, it } from 'vitest';
import { sampleInteraction } from '../../test/support/sample-interaction.js';
import { sampleValidationContext } from '../../test/support/validation-fixtures.js';
import { BLOCK } from '../ids.js';
import type { Draft } from './draft.js';
import { type ValidationContext, type ValidationResult, validateDraft } from './validate.js';

const NOW = new Date('2026-11-25T11:00:00Z'); // Wed, 11:00 in London, 06:00 in New York

function context(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return sampleValidationContext(NOW, {
    knownAccountNos: new Set(['ACME01', 'BX-22']),
    channels: [
      { id: 64, description: 'Sales Rep' },
      { id: 7, description: 'Web' },
    ],
    ...overrides,
  });
}

const GOOD: Draft = {
  accountNo: ' acme01 ',
  kind: 'C',
  channelId: 64,
  contactFirstName: ' Jane ',
  contactSurname: 'Doe',
  when: 'yesterday 3pm',
  notes: ' Discussed prices. ',
};

function errorsOf(result: ValidationResult): Partial<Record<string, string>> {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

function okOf(result: ValidationResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result;
}

describe('validateDraft: success', () => {
  it('builds the InteractionInput', () => {
    const result = okOf(validateDraft(GOOD, context()));
    expect(result.interaction).toEqual(
      sampleInteraction('0b6c5a7e-3f7e-4a55-9d7a-2a5b7e0c1d2f', {
        contact: { firstName: 'Jane', surname: 'Doe' },
        onDateTime: '2026-11-24T15:00:00.000Z',
        notes: 'Discussed prices.',
      }),
    );
    expect(result.when.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    expect(result.followUpAt).toBeUndefined();
    expect(result.followUpTimeGiven).toBe(false);
  });

  it('takes an empty when as now and leaves empty notes out', () => {
    const result = okOf(validateDraft({ ...GOOD, when: '  ', notes: '' }, context()));
    expect(result.interaction.onDateTime).toBe(NOW.toISOString());
    expect(result.interaction).not.toHaveProperty('notes');
  });

  it('uses the default channel when none is chosen', () => {
    const result = okOf(validateDraft({ ...GOOD, channelId: undefined }, context({ defaultChannelId: 7 })));
    expect(result.interaction.channelId).toBe(7);
  });

  it('skips the account and channel checks when the lists are unknown', () => {
    const draft = { ...GOOD, accountNo: 'NEW99', channelId: 999 };
    const result = okOf(validateDraft(draft, context({ knownAccountNos: undefined, channels: undefined })));
    expect(result.interaction.customer).toEqual({ accountNo: 'NEW99' });
  });

  it('accepts a when up to five minutes ahead', () => {
    okOf(validateDraft({ ...GOOD, when: '11:05' }, context()));
  });

  it('adds a follow-up: a bare day is 09:00 in the follow-up person zone', () => {
    const draft = { ...GOOD, followUpWhen: 'next Friday', followUpBy: 'U2', followUpNotes: ' Send the quote ' };
    const ctx = context({ followUpTimeZone: 'America/New_York', followUpEmployee: { ok: true, employeeId: 'BJONES' } });
    const result = okOf(validateDraft(draft, ctx));
    expect(result.interaction.followUp).toEqual({
      at: '2026-12-04T14:00:00.000Z',
      by: 'BJONES',
      notes: 'Send the quote',
    });
    expect(result.followUpAt?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
    expect(result.followUpTimeGiven).toBe(false);
  });

  it('keeps a follow-up time of day and reports it was given', () => {
    const draft = { ...GOOD, followUpWhen: 'tomorrow 14:30', followUpBy: 'U2' };
    const result = okOf(validateDraft(draft, context({ followUpEmployee: { ok: true, employeeId: 'BJONES' } })));
    expect(result.interaction.followUp).toEqual({ at: '2026-11-26T14:30:00.000Z', by: 'BJONES' });
    expect(result.followUpTimeGiven).toBe(true);
  });

  it('a person without a follow-up date is no follow-up and no error', () => {
    const ctx = context({ followUpEmployee: { ok: false, message: 'not mapped' } });
    const result = okOf(validateDraft({ ...GOOD, followUpBy: 'U2' }, ctx));
    expect(result.interaction).not.toHaveProperty('followUp');
  });
});

describe('validateDraft: one error each', () => {
  const cases: [string, Draft, Partial<ValidationContext>, string, string][] = [
    ['missing account', { ...GOOD, accountNo: ' ' }, {}, BLOCK.account, "Enter the customer's account number."],
    [
      'long account',
      { ...GOOD, accountNo: 'acmeholdings1' },
      {},
      BLOCK.account,
      'Account numbers are at most 10 characters; "ACMEHOLDINGS1" has 13.',
    ],
    [
      'account with a space',
      { ...GOOD, accountNo: 'ACME 01' },
      {},
      BLOCK.account,
      'Account numbers have no spaces; remove them from "ACME 01".',
    ],
    [
      'unknown account',
      { ...GOOD, accountNo: 'acme99' },
      {},
      BLOCK.account,
      'No customer with account number ACME99 in Caliq.',
    ],
    ['missing kind', { ...GOOD, kind: undefined }, {}, BLOCK.kind, 'Choose Call, Email or Visit.'],
    ['bad kind', { ...GOOD, kind: 'X' as Draft['kind'] }, {}, BLOCK.kind, 'Choose Call, Email or Visit.'],
    ['missing channel', { ...GOOD, channelId: undefined }, {}, BLOCK.channel, 'Choose the Caliq channel.'],
    [
      'unknown channel',
      { ...GOOD, channelId: 5 },
      {},
      BLOCK.channel,
      "Channel 5 is not one of Caliq's channels; choose one from the list.",
    ],
    [
      'missing first name',
      { ...GOOD, contactFirstName: undefined },
      {},
      BLOCK.contactFirstName,
      "Enter the contact's first name.",
    ],
    [
      'long surname',
      { ...GOOD, contactSurname: 's'.repeat(51) },
      {},
      BLOCK.contactSurname,
      'A surname is at most 50 characters; this one has 51.',
    ],
    [
      'unreadable when',
      { ...GOOD, when: 'blah' },
      {},
      BLOCK.when,
      'I couldn\'t read "blah" as a date. Try "yesterday 3pm", "25/11 14:30", "24 Dec 10:00" or "next Friday 10:00".',
    ],
    [
      'future when',
      { ...GOOD, when: 'tomorrow 18:00' },
      {},
      BLOCK.when,
      "That's in the future (Thu 26 Nov 2026, 18:00 your time). An interaction you log must already have happened.",
    ],
    [
      'long notes',
      { ...GOOD, notes: 'n'.repeat(3001) },
      {},
      BLOCK.notes,
      'Notes are at most 3000 characters; these have 3001. Shorten them.',
    ],
    [
      'past follow-up in your zone',
      { ...GOOD, followUpWhen: 'yesterday', followUpBy: 'U2' },
      { followUpEmployee: { ok: true, employeeId: 'BJONES' } },
      BLOCK.followUpWhen,
      "That's in the past (Tue 24 Nov 2026, 09:00 your time). A follow-up must be in the future.",
    ],
    [
      'past follow-up in their zone',
      { ...GOOD, followUpWhen: 'today', followUpBy: 'U2' },
      { followUpEmployee: { ok: true, employeeId: 'BJONES' }, followUpTimeZone: 'Asia/Tokyo' },
      BLOCK.followUpWhen,
      "That's in the past (Wed 25 Nov 2026, 09:00 in their time (Tokyo) = 00:00 yours). A follow-up must be in the future.",
    ],
    [
      'unreadable follow-up',
      { ...GOOD, followUpWhen: 'soonish', followUpBy: 'U2' },
      { followUpEmployee: { ok: true, employeeId: 'BJONES' } },
      BLOCK.followUpWhen,
      'I couldn\'t read "soonish" as a date. Try "yesterday 3pm", "25/11 14:30", "24 Dec 10:00" or "next Friday 10:00".',
    ],
    [
      'follow-up date without a person',
      { ...GOOD, followUpWhen: 'tomorrow' },
      {},
      BLOCK.followUpBy,
      'Choose who should follow up.',
    ],
    [
      'follow-up person not in Caliq',
      { ...GOOD, followUpWhen: 'tomorrow', followUpBy: 'U2' },
      { followUpEmployee: { ok: false, message: 'Bob has no Caliq employee ID yet.' } },
      BLOCK.followUpBy,
      'Bob has no Caliq employee ID yet.',
    ],
    [
      'follow-up person not checked',
      { ...GOOD, followUpWhen: 'tomorrow', followUpBy: 'U2' },
      {},
      BLOCK.followUpBy,
      "I couldn't check that person in Caliq; choose them again.",
    ],
    [
      'follow-up notes without a date',
      { ...GOOD, followUpNotes: 'send quote', followUpBy: 'U2' },
      { followUpEmployee: { ok: true, employeeId: 'BJONES' } },
      BLOCK.followUpWhen,
      'Say when to follow up, or clear the follow-up notes.',
    ],
    [
      'long follow-up notes',
      { ...GOOD, followUpWhen: 'tomorrow', followUpBy: 'U2', followUpNotes: 'f'.repeat(3001) },
      { followUpEmployee: { ok: true, employeeId: 'BJONES' } },
      BLOCK.followUpNotes,
      'Notes are at most 3000 characters; these have 3001. Shorten them.',
    ],
  ];

  it.each(cases)('%s', (_name, draft, overrides, block, message) => {
    expect(errorsOf(validateDraft(draft, context(overrides)))).toEqual({ [block]: message });
  });
});

describe('validateDraft: all errors at once', () => {
  it('names every bad field in one go', () => {
    const draft: Draft = {
      accountNo: 'ACMEHOLDINGS1',
      contactSurname: 'x'.repeat(60),
      when: 'next Friday',
      followUpWhen: 'last Monday',
      followUpNotes: 'ring back',
    };
    const errors = errorsOf(validateDraft(draft, context()));
    expect(Object.keys(errors).sort()).toEqual(
      [
        BLOCK.account,
        BLOCK.kind,
        BLOCK.channel,
        BLOCK.contactFirstName,
        BLOCK.contactSurname,
        BLOCK.when,
        BLOCK.followUpWhen,
        BLOCK.followUpBy,
      ].sort(),
    );
  });

  it('an empty draft needs account, kind, channel and both names, nothing else', () => {
    const errors = errorsOf(validateDraft({}, context()));
    expect(Object.keys(errors).sort()).toEqual(
      [BLOCK.account, BLOCK.kind, BLOCK.channel, BLOCK.contactFirstName, BLOCK.contactSurname].sort(),
    );
  });
});
