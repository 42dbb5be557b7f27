// Contact names from a Slack profile or a pasted email's From: line, within Caliq's 50 characters each.
import { describe, expect, it } from 'vitest';
import { contactFromEmailText, contactFromProfile, splitFullName } from './contact-names.js';

describe('contact names', () => {
  it.each([
    ['Jane Smith', { firstName: 'Jane', surname: 'Smith' }],
    ['Anna van der Berg', { firstName: 'Anna', surname: 'van der Berg' }],
    ['Smith, Jane', { firstName: 'Jane', surname: 'Smith' }],
    ['"Jane Smith" (Acme)', { firstName: 'Jane', surname: 'Smith' }],
    ['Cher', undefined],
  ])('splits %j', (name, expected) => {
    expect(splitFullName(name)).toEqual(expected);
  });

  it('prefers the profile’s first and last name, else splits the real name, and keeps 50 characters', () => {
    expect(contactFromProfile({ firstName: 'Jane', lastName: 'Smith-Jones', realName: 'J S' })).toEqual({
      firstName: 'Jane',
      surname: 'Smith-Jones',
    });
    expect(contactFromProfile({ realName: 'Jane Smith' })).toEqual({ firstName: 'Jane', surname: 'Smith' });
    const long = contactFromProfile({ firstName: 'J'.repeat(80), lastName: 'S'.repeat(80) });
    expect(long?.firstName).toHaveLength(50);
    expect(long?.surname).toHaveLength(50);
  });

  it('reads the From: line’s name, not its address', () => {
    expect(contactFromEmailText('From: Jane Smith <jane@acme.example>\nSubject: Renewal')).toEqual({
      firstName: 'Jane',
      surname: 'Smith',
    });
    expect(contactFromEmailText('From: jane@acme.example\nSubject: x')).toBeUndefined();
    expect(contactFromEmailText('Spoke to the customer')).toBeUndefined();
  });
});
