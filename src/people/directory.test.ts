// Checks the people directory: resolution order, caching, single flight and failures, against a scripted Slack port.
import { describe, expect, it } from 'vitest';
import type { CaliqEmployee } from '../caliq/types.js';
import { createLogger } from '../logger.js';
import { createCachedUserPrefs } from '../store/cached-user-prefs.js';
import type { UserPrefsStore } from '../store/types.js';
import { createPeopleDirectory, type PeopleDirectoryOptions } from './directory.js';
import { type EmployeeMap, emptyEmployeeMap } from './employee-map.js';
import type { SlackProfileFieldDefinition, SlackUserFacts, SlackUserSource } from './slack-user-source.js';

const MINUTE = 60_000;

/** A Slack port answering from tables, counting calls; `hold` keeps answers back until released. */
function createScriptedSlack() {
  const state = {
    users: {} as Record<string, SlackUserFacts>,
    profiles: {} as Record<string, Record<string, string>>,
    fields: [
      { id: 'Xf01', label: 'Title' },
      { id: 'Xf02', label: 'Employee ID' },
    ] as SlackProfileFieldDefinition[],
    failure: undefined as Error | undefined,
    calls: { getUser: 0, getProfileFields: 0, getTeamProfileFields: 0 },
    hold: undefined as Promise<void> | undefined,
  };
  const answer = async <T>(value: () => T): Promise<T> => {
    if (state.hold) await state.hold;
    if (state.failure) throw state.failure;
    return value();
  };
  const port: SlackUserSource = {
    getUser(userId) {
      state.calls.getUser += 1;
      return answer(() => state.users[userId] ?? {});
    },
    getProfileFields(userId) {
      state.calls.getProfileFields += 1;
      return answer(() => state.profiles[userId] ?? {});
    },
    getTeamProfileFields() {
      state.calls.getTeamProfileFields += 1;
      return answer(() => state.fields);
    },
  };
  return { state, port };
}

function createMemoryPrefs() {
  const zones = new Map<string, string>();
  const writes: string[] = [];
  const store: UserPrefsStore = {
    get: async (id) => ({ timeZone: zones.get(id), lastChannelId: undefined }),
    setTimeZone: async (id, zone) => {
      writes.push(`${id}=${zone}`);
      zones.set(id, zone);
    },
    setLastChannel: async () => {},
  };
  return { prefs: createCachedUserPrefs(store), store, zones, writes };
}

const mapOf = (bySlackUser: Record<string, string>, byEmail: Record<string, string> = {}): EmployeeMap => ({
  ...emptyEmployeeMap('/tmp/map.csv', false),
  bySlackUser: new Map(Object.entries(bySlackUser)),
  byEmail: new Map(Object.entries(byEmail)),
});

function setup(overrides: Partial<PeopleDirectoryOptions> = {}, employees?: CaliqEmployee[]) {
  const slack = createScriptedSlack();
  const memory = createMemoryPrefs();
  const clock = { now: 1_000_000 };
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } });
  let list: CaliqEmployee[] | undefined = employees ?? [
    { id: 'E-ANN', name: 'Ann Lee', email: 'Ann.Lee@example.com' },
    { id: 'E-BOB', name: 'Bob Stone', email: 'bob@example.com' },
  ];
  const directory = createPeopleDirectory({
    employeeMap: emptyEmployeeMap('/tmp/none.csv'),
    profileFieldLabel: 'employee id',
    slack: slack.port,
    employees: () => list,
    prefs: memory.prefs,
    logger,
    now: () => clock.now,
    fallbackTimeZone: 'Europe/London',
    ...overrides,
  });
  const setEmployees = (next: CaliqEmployee[] | undefined) => {
    list = next;
  };
  return { directory, slack, memory, clock, lines, setEmployees };
}

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
