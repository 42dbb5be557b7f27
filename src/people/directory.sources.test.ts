// The people directory's resolution order: the map file, its email column, the profile field, then Caliq's list.
import { describe, expect, it } from 'vitest';
import { mapOf, setup } from '../../test/support/people-fixtures.js';

describe('resolveEmployee: order of sources', () => {
  it('answers from the map file first, at once and without Slack', async () => {
    const { directory, slack } = setup({ employeeMap: mapOf({ U111: 'MAPPED' }) });
    slack.state.profiles.U111 = { Xf02: 'PROFILE' };
    expect(directory.lookupEmployee('U111')).toEqual({ ok: true, employeeId: 'MAPPED', source: 'map' });
    expect(await directory.resolveEmployee('U111')).toEqual({ ok: true, employeeId: 'MAPPED', source: 'map' });
    expect(slack.state.calls).toEqual({ getUser: 0, getProfileFields: 0, getTeamProfileFields: 0 });
  });

  it("uses the map file's email column before the profile field", async () => {
    const { directory, slack } = setup({ employeeMap: mapOf({}, { 'ann.lee@example.com': 'BYMAIL' }) });
    slack.state.users.U222 = { email: 'Ann.Lee@Example.com' };
    slack.state.profiles.U222 = { Xf02: 'PROFILE' };
    expect(await directory.resolveEmployee('U222')).toEqual({ ok: true, employeeId: 'BYMAIL', source: 'map' });
  });

  it('prefers the profile field (found by label, value trimmed) over Caliq', async () => {
    const { directory, slack } = setup({ profileFieldLabel: '  EMPLOYEE ID ' });
    slack.state.users.U333 = { email: 'ann.lee@example.com' };
    slack.state.profiles.U333 = { Xf01: 'Sales', Xf02: '  P-42 ' };
    expect(await directory.resolveEmployee('U333')).toEqual({ ok: true, employeeId: 'P-42', source: 'profile' });
  });

  it('falls back to Caliq by email when the profile field is empty or too long', async () => {
    const { directory, slack } = setup();
    slack.state.users.U444 = { email: 'ANN.LEE@example.com', realName: 'Someone Else' };
    slack.state.profiles.U444 = { Xf02: '   ' };
    slack.state.users.U555 = { email: 'bob@example.com' };
    slack.state.profiles.U555 = { Xf02: 'ELEVENCHARS' };
    expect(await directory.resolveEmployee('U444')).toEqual({ ok: true, employeeId: 'E-ANN', source: 'caliq' });
    expect(await directory.resolveEmployee('U555')).toEqual({ ok: true, employeeId: 'E-BOB', source: 'caliq' });
    // The label lookup is cached: one team.profile.get for both users.
    expect(slack.state.calls.getTeamProfileFields).toBe(1);
  });

  it('skips the profile step when no label is configured or no field has the label', async () => {
    const unconfigured = setup({ profileFieldLabel: undefined });
    unconfigured.slack.state.users.U1 = { email: 'bob@example.com' };
    expect(await unconfigured.directory.resolveEmployee('U1')).toMatchObject({ ok: true, source: 'caliq' });
    expect(unconfigured.slack.state.calls.getTeamProfileFields + unconfigured.slack.state.calls.getProfileFields).toBe(
      0,
    );

    const unknownLabel = setup({ profileFieldLabel: 'Payroll number' });
    unknownLabel.slack.state.users.U1 = { email: 'bob@example.com' };
    expect(await unknownLabel.directory.resolveEmployee('U1')).toMatchObject({ ok: true, source: 'caliq' });
    expect(unknownLabel.slack.state.calls.getProfileFields).toBe(0);
    expect(unknownLabel.lines.join('')).toContain('no Slack custom profile field has the configured');
  });

  it('matches by name only when emails cannot be compared, and reports a shared name as ambiguous', async () => {
    const { directory, slack } = setup({}, [
      { id: 'E1', name: 'Ann Lee' },
      { id: 'E2', name: 'ann  lee' },
      { id: 'E3', name: 'Bob Stone' },
    ]);
    slack.state.users.U1 = { email: 'bob@example.com', realName: 'Bob Stone' };
    slack.state.users.U2 = { realName: 'Ann Lee' };
    expect(await directory.resolveEmployee('U1')).toEqual({ ok: true, employeeId: 'E3', source: 'caliq' });
    expect(await directory.resolveEmployee('U2')).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('does not fall back to the name when an email match was possible but found no one', async () => {
    const { directory, slack } = setup();
    slack.state.users.U1 = { email: 'other@example.com', realName: 'Ann Lee' };
    expect(await directory.resolveEmployee('U1')).toMatchObject({ ok: false, reason: 'not_mapped' });
  });

  it('reports a bot as not mapped and an unknown Caliq list as lookup_failed', async () => {
    const { directory, slack, setEmployees } = setup();
    slack.state.users.B1 = { isBot: true };
    expect(await directory.resolveEmployee('B1')).toMatchObject({ ok: false, reason: 'not_mapped' });
    setEmployees(undefined);
    slack.state.users.U1 = { email: 'bob@example.com' };
    expect(await directory.resolveEmployee('U1')).toMatchObject({ ok: false, reason: 'lookup_failed' });
  });
});
