// The fake Slack workspace: its identifiers, what it holds (users, channels, views, messages) and argument readers.
import type { FakeSlackMessage } from './fake-slack-threads.js';

/** Identifiers of the fake workspace, bot and app; tests can build payloads that agree with the fake's answers. */
export const FAKE_SLACK_IDS = {
  teamId: 'T0CALIQ01',
  teamDomain: 'caliq-test',
  enterpriseId: 'E0CALIQ01',
  appId: 'A0CALIQ01',
  botId: 'B0CALIQ01',
  botUserId: 'U0CALIQBOT',
} as const;

export type FakeSlackArgs = Record<string, unknown>;
export type FakeSlackAnswer = Record<string, unknown>;

/** A Slack user as the fake knows it; everything optional, sensible defaults fill the rest. */
export type FakeSlackUser = {
  /** IANA zone; default `Europe/London`. */
  tz?: string;
  email?: string;
  realName?: string;
  displayName?: string;
  /** Custom profile fields as users.profile.get returns them, keyed by field id (`Xf0123`). */
  fields?: Record<string, { value: string; alt?: string }>;
  isBot?: boolean;
  deleted?: boolean;
  /** The user's own team: another organisation's for an external (Slack Connect) user; default the fake's. */
  teamId?: string;
  /** Profile first and last name; default the real name split at its first space. */
  firstName?: string;
  lastName?: string;
};

/** One custom profile field definition as team.profile.get returns it. */
export type FakeTeamProfileField = {
  id: string;
  label: string;
  type?: string;
  hint?: string;
  ordering?: number;
  is_hidden?: boolean;
};

/** A conversation as conversations.info describes it; unknown IDs answer channel_not_found (as a private one would). */
export type FakeSlackChannel = {
  name?: string;
  isPrivate?: boolean;
  /** Whether the bot is a member; default true. */
  isMember?: boolean;
  isIm?: boolean;
  isMpim?: boolean;
  /** A Slack Connect channel shared with another organisation. */
  isExtShared?: boolean;
  /** The other organisations' team IDs in a shared channel (see setTeam for their names). */
  connectedTeamIds?: string[];
};

/** What the default answers read and write: users, channels, views, Home tabs, message counters. */
export type FakeSlackWorkspace = {
  users: Map<string, FakeSlackUser>;
  channels: Map<string, FakeSlackChannel>;
  /** The Home tab last published for each user. */
  homes: Map<string, FakeSlackAnswer>;
  teamProfileFields: FakeTeamProfileField[];
  /** Open views by id, with every hash the fake has issued for each (to detect a stale hash). */
  views: Map<string, { view: FakeSlackAnswer; hashes: Set<string> }>;
  counters: { view: number; hash: number; ts: number; scheduled: number };
  /** Messages by conversation ID, replies included (they carry thread_ts). */
  messages: Map<string, FakeSlackMessage[]>;
  /** Names of other organisations' teams, for team.info. */
  teams: Map<string, string>;
};

export type AnswerContext = { workspace: FakeSlackWorkspace; socketUrl: string };

export const createWorkspace = (): FakeSlackWorkspace => ({
  users: new Map(),
  channels: new Map(),
  homes: new Map(),
  teamProfileFields: [],
  views: new Map(),
  counters: { view: 0, hash: 0, ts: 0, scheduled: 0 },
  messages: new Map(),
  teams: new Map(),
});

/** Where the fake's message timestamps and view hashes start (late November 2024, like real ones). */
export const TS_BASE_SECONDS = 1_732_600_000;

export const stringArg = (args: FakeSlackArgs, key: string): string | undefined => {
  const value = args[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};

export const objectArg = (args: FakeSlackArgs, key: string): FakeSlackAnswer =>
  typeof args[key] === 'object' && args[key] !== null ? (args[key] as FakeSlackAnswer) : {};
