// The employee-map.example.csv shipped at the root is a file the bot accepts, so copying it is a working start.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmployeeMap } from '../src/people/index.js';

describe('employee-map.example.csv', () => {
  it('loads as an employee map with its two example people', () => {
    const map = loadEmployeeMap(path.resolve(import.meta.dirname, '..', 'employee-map.example.csv'));
    expect(map.missing).toBe(false);
    expect(map.size).toBe(2);
    expect(map.bySlackUser.get('U0123ABCDE')).toBe('JSMITH');
    expect(map.bySlackUser.get('U0456FGHIJ')).toBe('APATEL');
    expect(map.byEmail.get('jane.smith@example.com')).toBe('JSMITH');
  });
});
