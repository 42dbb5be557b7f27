// The workflow step's inputs as a draft: kinds in words or letters, a contact split into names, timestamps, follow-ups.
import { describe, expect, it } from 'vitest';
import { readStepInputs } from './step-inputs.js';

describe('readStepInputs', () => {
  it('reads every input into the draft the form would hold', () => {
    expect(
      readStepInputs({
        person: 'U0ALICE01',
        account: ' acme01 ',
        kind: 'Email',
        contact: 'Mary Ann Jones',
        when: 'yesterday 3pm',
        notes: 'Quote sent',
        channel: 'Web',
        follow_up_when: 'Friday 10am',
        follow_up_person: 'U0BOB0001',
      }),
    ).toEqual({
      person: 'U0ALICE01',
      draft: {
        accountNo: 'ACME01',
        kind: 'E',
        contactFirstName: 'Mary Ann',
        contactSurname: 'Jones',
        when: 'yesterday 3pm',
        notes: 'Quote sent',
        followUpWhen: 'Friday 10am',
        followUpBy: 'U0BOB0001',
      },
      whenAt: undefined,
      channelName: 'Web',
      problems: [],
    });
  });

  it.each([
    ['call', 'C'],
    ['V', 'V'],
    ['visited', 'V'],
  ])('reads the kind %j', (kind, expected) => {
    expect(readStepInputs({ person: 'U1', kind }).draft.kind).toBe(expected);
  });

  it('prefers a timestamp to the text, and lets the person who interacted follow up by default', () => {
    const read = readStepInputs({
      person: 'U1',
      kind: 'call',
      when: 'today',
      when_timestamp: 1_795_000_000,
      follow_up_when: 'Monday',
    });
    expect(read.whenAt).toEqual(new Date(1_795_000_000_000));
    expect(read.draft.when).toBeUndefined();
    expect(read.draft.followUpBy).toBe('U1');
  });

  it('names what cannot be read: no person, an unknown kind, a follow-up person without a time', () => {
    expect(readStepInputs({ kind: 'fax', follow_up_person: 'U2' }).problems).toEqual([
      'Choose the person who interacted with the customer.',
      '“fax” is not a kind: use call, email or visit.',
      'Give the follow-up time too, or leave the follow-up person empty.',
    ]);
  });

  it('leaves a single-word contact without a surname, for the form’s check to ask for it', () => {
    expect(readStepInputs({ person: 'U1', kind: 'call', contact: 'Jane' }).draft).toMatchObject({
      contactFirstName: 'Jane',
    });
    expect(readStepInputs({ person: 'U1', kind: 'call', contact: 'Jane' }).draft.contactSurname).toBeUndefined();
  });
});
