// Unit tests of the InteractionCreate body: Caliq's rules and limits, every field present, dates in Caliq's zone.
import { describe, expect, it } from 'vitest';
import { sampleInteraction } from '../../test/support/sample-interaction.js';
import { CaliqInputError } from './errors.js';
import { buildInteractionBody } from './interaction-body.js';
import type { InteractionInput } from './types.js';

const options = { apiKey: 'key-123456', timeZone: 'Europe/London', dateFormat: "yyyy-MM-dd'T'HH:mm:ss" };
const uniqueId = '0b6f1c9e-3f0a-4a7e-9d8e-2b8f3c1d4e5f';

const validInput = (overrides: Partial<InteractionInput> = {}): InteractionInput =>
  sampleInteraction(uniqueId, { onDateTime: '2026-01-15T15:00:00.000Z', notes: 'Spring order', ...overrides });

const problemsOf = (input: unknown): { field: string; message: string }[] => {
  try {
    buildInteractionBody(input as InteractionInput, options);
  } catch (error) {
    expect(error).toBeInstanceOf(CaliqInputError);
    return (error as CaliqInputError).problems;
  }
  throw new Error('expected a CaliqInputError');
};

describe('buildInteractionBody', () => {
  it('sends every documented field in order, apiKey first, empty strings where they do not apply', () => {
    const body = buildInteractionBody(validInput(), options);
    expect(Object.keys(body)).toEqual([
      'apiKey',
      'ChannelID',
      'CustomerID',
      'AccountNo',
      'ContactID',
      'UniqueID',
      'Kind',
      'ContactedBy',
      'ContactedFirstName',
      'ContactedSurname',
      'OnDateTime',
      'Notes',
      'FollowUpDateTime',
      'FollowUpBy',
      'FollowUpNotes',
    ]);
    expect(body).toEqual({
      apiKey: 'key-123456',
      ChannelID: 64,
      CustomerID: '',
      AccountNo: 'ACME01',
      ContactID: '',
      UniqueID: uniqueId,
      Kind: 'C',
      ContactedBy: 'JSMITH',
      ContactedFirstName: 'Alan',
      ContactedSurname: 'Jones',
      OnDateTime: '2026-01-15T15:00:00',
      Notes: 'Spring order',
      FollowUpDateTime: '',
      FollowUpBy: '',
      FollowUpNotes: '',
    });
  });

  it('uses CustomerID and ContactID instead of AccountNo and names when given', () => {
    const body = buildInteractionBody(
      validInput({
        customer: { customerId: 1001 },
        contact: { contactId: 77 },
        onDateTime: undefined,
        notes: undefined,
      }),
      options,
    );
    expect(body).toMatchObject({
      CustomerID: 1001,
      AccountNo: '',
      ContactID: 77,
      ContactedFirstName: '',
      ContactedSurname: '',
      OnDateTime: '',
      Notes: '',
    });
  });

  it('formats dates as wall-clock time in Caliq zone, across daylight saving time', () => {
    const winter = buildInteractionBody(validInput({ onDateTime: '2026-01-15T15:00:00Z' }), options);
    const summer = buildInteractionBody(
      validInput({
        onDateTime: '2026-07-15T15:00:00.000Z',
        followUp: { at: '2026-07-20T08:30:00.000Z', by: 'RPATEL', notes: 'Call back' },
      }),
      options,
    );
    expect(winter.OnDateTime).toBe('2026-01-15T15:00:00');
    expect(summer.OnDateTime).toBe('2026-07-15T16:00:00');
    expect(summer).toMatchObject({
      FollowUpDateTime: '2026-07-20T09:30:00',
      FollowUpBy: 'RPATEL',
      FollowUpNotes: 'Call back',
    });
    const custom = buildInteractionBody(validInput({ onDateTime: '2026-07-15T15:00:00Z' }), {
      ...options,
      timeZone: 'America/New_York',
      dateFormat: 'dd/MM/yyyy HH:mm',
    });
    expect(custom.OnDateTime).toBe('15/07/2026 11:00');
  });

  it('accepts the limits exactly', () => {
    const body = buildInteractionBody(
      validInput({
        customer: { accountNo: 'A'.repeat(10) },
        contactedBy: 'B'.repeat(10),
        contact: { firstName: 'F'.repeat(50), surname: 'S'.repeat(50) },
      }),
      options,
    );
    expect(body.AccountNo).toBe('AAAAAAAAAA');
  });

  it('names every broken limit at once', () => {
    const problems = problemsOf(
      validInput({
        customer: { accountNo: 'A'.repeat(11) },
        contactedBy: 'B'.repeat(11),
        contact: { firstName: 'F'.repeat(51), surname: 'S'.repeat(51) },
        followUp: { at: '2026-07-20T08:30:00Z', by: 'C'.repeat(11) },
      }),
    );
    expect(problems).toEqual([
      { field: 'AccountNo', message: 'must be at most 10 characters' },
      { field: 'ContactedBy', message: 'must be at most 10 characters' },
      { field: 'ContactedFirstName', message: 'must be at most 50 characters' },
      { field: 'ContactedSurname', message: 'must be at most 50 characters' },
      { field: 'FollowUpBy', message: 'must be at most 10 characters' },
    ]);
  });

  it('rejects a bad Kind, a missing customer, missing names and a missing employee', () => {
    const problems = problemsOf({
      uniqueId,
      channelId: 64,
      customer: {},
      kind: 'X',
      contactedBy: '  ',
      contact: { firstName: 'Alan' },
    });
    expect(problems.map((problem) => problem.field)).toEqual(['AccountNo', 'Kind', 'ContactedBy', 'ContactedSurname']);
    expect(problems[1]?.message).toBe('must be C (call), E (email) or V (visit)');
  });

  it('wants FollowUpBy and FollowUpDateTime together', () => {
    expect(problemsOf(validInput({ followUp: { at: '2026-07-20T08:30:00Z', by: '' } }))).toEqual([
      { field: 'FollowUpBy', message: 'is empty' },
    ]);
    expect(problemsOf(validInput({ followUp: { by: 'RPATEL' } as never })).map((p) => p.field)).toEqual([
      'FollowUpDateTime',
    ]);
  });

  it('rejects instants without an offset, unreadable dates, a non-GUID UniqueID and a bad channel', () => {
    const problems = problemsOf(
      validInput({ uniqueId: 'not-a-guid', channelId: 0, onDateTime: '2026-07-15T15:00:00' }),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['UniqueID', 'ChannelID', 'OnDateTime']);
    expect(problemsOf(validInput({ onDateTime: '2026-02-30T10:00:00Z' }))[0]?.message).toBe(
      'is not a valid date and time',
    );
  });

  it('gives a plain-words message', () => {
    try {
      buildInteractionBody(validInput({ kind: 'Q' as never }), options);
    } catch (error) {
      expect((error as Error).message).toBe(
        'The interaction cannot be sent to Caliq: Kind must be C (call), E (email) or V (visit).',
      );
      return;
    }
    throw new Error('expected a throw');
  });
});
