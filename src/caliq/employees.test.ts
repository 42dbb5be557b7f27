// Unit tests of the defensive Employee parser against the shapes Caliq might plausibly send.
import { describe, expect, it } from 'vitest';
import { parseEmployees } from './employees.js';

describe('parseEmployees', () => {
  it('reads the simulator shape', () => {
    expect(
      parseEmployees({ EmployeeList: [{ ID: 'JSMITH', Name: 'Jane Smith', Email: 'jane.smith@example.com' }] }),
    ).toEqual([{ id: 'JSMITH', name: 'Jane Smith', email: 'jane.smith@example.com' }]);
  });

  it('finds the first array whose objects carry an ID-like field, skipping other arrays', () => {
    const answer = {
      Warnings: ['none'],
      Staff: [
        { EmployeeID: 42, FirstName: 'Raj', Surname: 'Patel', EmailAddress: 'raj@example.com' },
        { Code: 'MOB', FullName: 'Mary O’Brien' },
        { Name: 'No ID at all' },
        { Id: '  ', Name: 'Blank ID' },
        'not an object',
      ],
    };
    expect(parseEmployees(answer)).toEqual([
      { id: '42', name: 'Raj Patel', email: 'raj@example.com' },
      { id: 'MOB', name: 'Mary O’Brien' },
    ]);
  });

  it('reads a bare array and a list one level down', () => {
    expect(parseEmployees([{ Id: 'AKHAN' }])).toEqual([{ id: 'AKHAN' }]);
    expect(parseEmployees({ Data: { Employees: [{ ID: 'TW', Surname: 'Williams' }] } })).toEqual([
      { id: 'TW', name: 'Williams' },
    ]);
  });

  it('treats empty lists as no employees, and a shape without any list as unreadable', () => {
    expect(parseEmployees({ EmployeeList: [] })).toEqual([]);
    expect(parseEmployees({ EmployeeList: null })).toBeUndefined();
    expect(parseEmployees({ Message: 'error' })).toBeUndefined();
    expect(parseEmployees({ Things: [{ Name: 'No ID' }] })).toBeUndefined();
    expect(parseEmployees('text')).toBeUndefined();
    expect(parseEmployees(null)).toBeUndefined();
  });
});
