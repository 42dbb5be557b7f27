// Checks matching a Slack user against Caliq's employee list: only unambiguous matches count.
import { describe, expect, it } from 'vitest';
import { matchCaliqEmployee } from './match-employee.js';

describe('matchCaliqEmployee', () => {
  it('counts the same employee listed twice as one match, and two IDs sharing an email as ambiguous', () => {
    const twice = [
      { id: 'E1', email: 'a@example.com' },
      { id: 'E1', email: 'A@example.com' },
    ];
    expect(matchCaliqEmployee({ email: 'a@example.com' }, twice)).toEqual({
      ok: true,
      employeeId: 'E1',
      source: 'caliq',
    });
    const shared = [
      { id: 'E1', email: 'team@example.com' },
      { id: 'E2', email: 'team@example.com' },
    ];
    expect(matchCaliqEmployee({ email: 'team@example.com' }, shared)).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('compares names ignoring case and extra spaces when no employee has an email', () => {
    const employees = [
      { id: 'E1', name: '  Zoë   Brown ' },
      { id: 'E2', name: 'Zoe Brown' },
    ];
    expect(matchCaliqEmployee({ email: 'z@example.com', realName: 'zoë brown' }, employees)).toEqual({
      ok: true,
      employeeId: 'E1',
      source: 'caliq',
    });
    expect(matchCaliqEmployee({}, employees)).toMatchObject({ ok: false, reason: 'not_mapped' });
  });

  it('refuses a Caliq ID too long to send', () => {
    expect(matchCaliqEmployee({ realName: 'Al' }, [{ id: 'ELEVENCHARS', name: 'Al' }])).toMatchObject({
      ok: false,
      reason: 'not_mapped',
    });
  });
});
