// The people directory over time: caching, single flight, Slack failures, time zones and warming up.
import { describe, expect, it } from 'vitest';
import { MINUTE, setup } from '../../test/support/people-fixtures.js';
import { createLogger } from '../logger.js';
import { createCachedUserPrefs } from '../store/index.js';
import { createPeopleDirectory } from './directory.js';
import { emptyEmployeeMap } from './employee-map.js';

describe('resolveEmployee: caching and failures', () => {
  it('keeps a negative answer for five minutes, then notices a fixed profile', async () => {
    const { directory, slack, clock } = setup();
    slack.state.users.U1 = { email: 'nobody@example.com' };
    expect(directory.lookupEmployee('U1')).toBeUndefined();
    expect(await directory.resolveEmployee('U1')).toMatchObject({ ok: false, reason: 'not_mapped' });
    slack.state.profiles.U1 = { Xf02: 'FIXED' };
    clock.now += 4 * MINUTE;
    expect(await directory.resolveEmployee('U1')).toMatchObject({ ok: false, reason: 'not_mapped' });
    expect(slack.state.calls.getUser).toBe(1);
    clock.now += 1 * MINUTE + 1;
    expect(directory.lookupEmployee('U1')).toMatchObject({ ok: false, reason: 'not_mapped' });
    expect(await directory.resolveEmployee('U1')).toEqual({ ok: true, employeeId: 'FIXED', source: 'profile' });
    expect(directory.lookupEmployee('U1')).toEqual({ ok: true, employeeId: 'FIXED', source: 'profile' });
  });

  it('keeps a found mapping for the TTL and still answers synchronously once it is stale', async () => {
    const { directory, slack, clock } = setup({ ttlMs: 60 * MINUTE });
    slack.state.users.U1 = { email: 'bob@example.com' };
    await directory.resolveEmployee('U1');
    clock.now += 59 * MINUTE;
    await directory.resolveEmployee('U1');
    expect(slack.state.calls.getUser).toBe(1);
    clock.now += 2 * MINUTE;
    expect(directory.lookupEmployee('U1')).toMatchObject({ ok: true, employeeId: 'E-BOB' });
    await directory.resolveEmployee('U1');
    expect(slack.state.calls.getUser).toBe(2);
  });

  it('sends one Slack request for concurrent resolves of the same user', async () => {
    const { directory, slack } = setup();
    let release = () => {};
    slack.state.hold = new Promise((resolve) => {
      release = resolve;
    });
    slack.state.users.U1 = { email: 'bob@example.com', timeZone: 'Asia/Tokyo' };
    const first = directory.resolveEmployee('U1');
    const second = directory.resolveEmployee('U1');
    const zone = directory.resolveTimeZone('U1');
    release();
    expect(await Promise.all([first, second, zone])).toEqual([
      { ok: true, employeeId: 'E-BOB', source: 'caliq' },
      { ok: true, employeeId: 'E-BOB', source: 'caliq' },
      'Asia/Tokyo',
    ]);
    expect(slack.state.calls).toEqual({ getUser: 1, getProfileFields: 1, getTeamProfileFields: 1 });
  });

  it('turns Slack errors into lookup_failed, retried soon, and keeps an earlier mapping through an outage', async () => {
    const { directory, slack, clock } = setup();
    slack.state.failure = Object.assign(new Error('An API error occurred: ratelimited'), {
      data: { ok: false, error: 'ratelimited' },
    });
    expect(await directory.resolveEmployee('U1')).toEqual({
      ok: false,
      reason: 'lookup_failed',
      detail: 'ratelimited',
    });
    slack.state.failure = undefined;
    slack.state.users.U1 = { email: 'bob@example.com' };
    clock.now += 31_000;
    expect(await directory.resolveEmployee('U1')).toMatchObject({ ok: true, employeeId: 'E-BOB' });

    clock.now += 61 * MINUTE;
    slack.state.failure = new Error('socket hang up');
    expect(await directory.resolveEmployee('U1')).toMatchObject({ ok: true, employeeId: 'E-BOB' });
    expect(directory.lookupEmployee('U1')).toMatchObject({ ok: true, employeeId: 'E-BOB' });
  });
});

describe('time zones', () => {
  it('resolves from Slack, persists once, and answers synchronously from memory, then from the loaded store', async () => {
    const { directory, slack, memory, clock } = setup();
    slack.state.users.U1 = { timeZone: 'America/New_York' };
    expect(directory.timeZoneOf('U1')).toBeUndefined();
    expect(await directory.resolveTimeZone('U1')).toBe('America/New_York');
    expect(directory.timeZoneOf('U1')).toBe('America/New_York');
    expect(await directory.resolveTimeZone('U1')).toBe('America/New_York');
    expect(slack.state.calls.getUser).toBe(1);
    clock.now += 61 * MINUTE;
    expect(await directory.resolveTimeZone('U1')).toBe('America/New_York');
    expect(slack.state.calls.getUser).toBe(2);
    expect(memory.writes).toEqual(['U1=America/New_York']);

    const restartedPrefs = createCachedUserPrefs(memory.store);
    const restarted = createPeopleDirectory({
      employeeMap: emptyEmployeeMap('/tmp/none.csv'),
      profileFieldLabel: undefined,
      slack: slack.port,
      employees: () => [],
      prefs: restartedPrefs,
      logger: createLogger({ level: 'silent' }),
      fallbackTimeZone: 'UTC',
    });
    // Nothing before views.open waits on the store: the stored zone is known once the prefs are loaded.
    expect(restarted.timeZoneOf('U1')).toBeUndefined();
    await restartedPrefs.get('U1');
    expect(restarted.timeZoneOf('U1')).toBe('America/New_York');
  });

  it('uses the fallback for a bot without a zone, and the stored zone when Slack has none or fails', async () => {
    const { directory, slack, memory } = setup();
    slack.state.users.B1 = { isBot: true };
    expect(await directory.resolveTimeZone('B1')).toBe('Europe/London');
    expect(directory.timeZoneOf('B1')).toBe('Europe/London');
    expect(memory.writes).toEqual([]);

    memory.zones.set('U2', 'Asia/Kolkata');
    slack.state.users.U2 = { deleted: true, timeZone: 'Not/AZone' };
    expect(await directory.resolveTimeZone('U2')).toBe('Asia/Kolkata');

    memory.zones.set('U3', 'Australia/Sydney');
    slack.state.failure = new Error('fetch failed');
    expect(await directory.resolveTimeZone('U3')).toBe('Australia/Sydney');
    expect(await directory.resolveTimeZone('U4')).toBe('Europe/London');
  });
});

describe('warm', () => {
  it('resolves both in the background with one users.info call and never rejects, even when everything fails', async () => {
    const { directory, slack } = setup();
    slack.state.users.U1 = { email: 'ann.lee@example.com', timeZone: 'Europe/Paris' };
    directory.warm('U1');
    expect(await directory.resolveEmployee('U1')).toMatchObject({ ok: true, employeeId: 'E-ANN' });
    expect(await directory.resolveTimeZone('U1')).toBe('Europe/Paris');
    expect(slack.state.calls.getUser).toBe(1);
    expect(directory.lookupEmployee('U1')).toMatchObject({ ok: true, employeeId: 'E-ANN' });
    expect(directory.timeZoneOf('U1')).toBe('Europe/Paris');

    const broken = setup({
      prefs: createCachedUserPrefs({
        get: async () => {
          throw new Error('database is locked');
        },
        setTimeZone: async () => {
          throw new Error('database is locked');
        },
        setLastChannel: async () => {},
      }),
    });
    broken.slack.state.failure = new Error('network down');
    broken.directory.warm('U9');
    expect(await broken.directory.resolveEmployee('U9')).toMatchObject({ ok: false, reason: 'lookup_failed' });
    expect(await broken.directory.resolveTimeZone('U9')).toBe('Europe/London');
  });
});
