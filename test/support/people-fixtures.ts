// The people directory's test setup: a scripted Slack user source, in-memory prefs, a map, and a directory on them.
import type { CaliqEmployee } from '../../src/caliq/index.js';
import { createLogger } from '../../src/logger.js';
import { createPeopleDirectory, type PeopleDirectoryOptions } from '../../src/people/directory.js';
import { type EmployeeMap, emptyEmployeeMap } from '../../src/people/employee-map.js';
import type {
  SlackProfileFieldDefinition,
  SlackUserFacts,
  SlackUserSource,
} from '../../src/people/slack-user-source.js';
import { createCachedUserPrefs } from '../../src/store/cached-user-prefs.js';
import type { UserPrefsStore } from '../../src/store/index.js';

export const MINUTE = 60_000;

/** A Slack port answering from tables, counting calls; `hold` keeps answers back until released. */
export function createScriptedSlack() {
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

export function createMemoryPrefs() {
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

export const mapOf = (bySlackUser: Record<string, string>, byEmail: Record<string, string> = {}): EmployeeMap => ({
  ...emptyEmployeeMap('/tmp/map.csv', false),
  bySlackUser: new Map(Object.entries(bySlackUser)),
  byEmail: new Map(Object.entries(byEmail)),
});

export function setup(overrides: Partial<PeopleDirectoryOptions> = {}, employees?: CaliqEmployee[]) {
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
