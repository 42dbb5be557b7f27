// The fake Slack Web API's default answers, in Slack's shapes, computed from a small in-memory workspace.
import { DateTime } from 'luxon';
import { type FakeSlackMessage, refusingOverLimits, THREAD_ANSWERS } from './fake-slack-threads.js';

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

const DEFAULT_ZONE = 'Europe/London';
const TS_BASE_SECONDS = 1_732_600_000;

/** Unique, increasing message timestamps such as `1732600000.000100`, like Slack's. */
const nextTs = (workspace: FakeSlackWorkspace): string => {
  workspace.counters.ts += 100;
  const micros = workspace.counters.ts;
  return `${TS_BASE_SECONDS + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
};

const nextHash = (workspace: FakeSlackWorkspace): string => {
  workspace.counters.hash += 1;
  return `${TS_BASE_SECONDS + workspace.counters.hash}.${workspace.counters.hash.toString(16).padStart(8, 'a')}`;
};

const stringArg = (args: FakeSlackArgs, key: string): string | undefined => {
  const value = args[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};

const objectArg = (args: FakeSlackArgs, key: string): FakeSlackAnswer =>
  typeof args[key] === 'object' && args[key] !== null ? (args[key] as FakeSlackAnswer) : {};

/** A user ID passed as a channel means "the app's DM with that user"; Slack answers with the DM's `D…` id. */
const resolveChannel = (channel: string | undefined): string | undefined =>
  channel && /^[UW]/.test(channel) ? `D${channel}` : channel;

const describeUser = (id: string, user: FakeSlackUser | undefined): FakeSlackAnswer => {
  const tz = user?.tz ?? DEFAULT_ZONE;
  const now = DateTime.now().setZone(tz);
  const realName = user?.realName ?? `User ${id}`;
  const [firstName = realName, ...rest] = realName.split(' ');
  const teamId = user?.teamId ?? FAKE_SLACK_IDS.teamId;
  return {
    id,
    team_id: teamId,
    name: realName.toLowerCase().replace(/\s+/g, '.'),
    deleted: user?.deleted ?? false,
    real_name: realName,
    tz,
    tz_label: now.offsetNameLong ?? tz,
    tz_offset: now.offset * 60,
    is_bot: user?.isBot ?? false,
    is_app_user: false,
    updated: TS_BASE_SECONDS,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: user?.displayName ?? '',
      display_name_normalized: user?.displayName ?? '',
      first_name: user?.firstName ?? firstName,
      last_name: user?.lastName ?? rest.join(' '),
      email: user?.email ?? `${id.toLowerCase()}@example.com`,
      team: teamId,
    },
  };
};

type StateValues = Record<string, Record<string, unknown>>;

/** Slack keeps what the user entered in every input whose block_id and action_id the new view still has. */
const keptState = (previous: FakeSlackAnswer | undefined, next: FakeSlackAnswer): StateValues => {
  const before = ((previous?.state as { values?: StateValues } | undefined)?.values ?? {}) as StateValues;
  const kept: StateValues = {};
  for (const block of Array.isArray(next.blocks) ? (next.blocks as FakeSlackAnswer[]) : []) {
    const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
    const actionId = (block.element as { action_id?: unknown } | undefined)?.action_id;
    const value = blockId && typeof actionId === 'string' ? before[blockId]?.[actionId] : undefined;
    if (blockId && typeof actionId === 'string' && value !== undefined) kept[blockId] = { [actionId]: value };
  }
  return kept;
};

/** Stores the view under a new or existing id with a fresh hash, and returns it as Slack echoes it back. */
const storeView = (
  workspace: FakeSlackWorkspace,
  view: FakeSlackAnswer,
  ids: { id: string; rootViewId: string; previousViewId: string | null },
): FakeSlackAnswer => {
  const hash = nextHash(workspace);
  const stored: FakeSlackAnswer = {
    id: ids.id,
    team_id: FAKE_SLACK_IDS.teamId,
    type: 'modal',
    private_metadata: '',
    callback_id: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    submit_disabled: false,
    ...view,
    state: { values: keptState(workspace.views.get(ids.id)?.view, view) },
    hash,
    root_view_id: ids.rootViewId,
    previous_view_id: ids.previousViewId,
    app_id: FAKE_SLACK_IDS.appId,
    app_installed_team_id: FAKE_SLACK_IDS.teamId,
    bot_id: FAKE_SLACK_IDS.botId,
  };
  const hashes = workspace.views.get(ids.id)?.hashes ?? new Set<string>();
  hashes.add(hash);
  workspace.views.set(ids.id, { view: stored, hashes });
  return stored;
};

const openView = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  workspace.counters.view += 1;
  const id = `V0FAKE${String(workspace.counters.view).padStart(5, '0')}`;
  return {
    ok: true,
    view: storeView(workspace, objectArg(args, 'view'), { id, rootViewId: id, previousViewId: null }),
  };
};

const updateView = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  const externalId = stringArg(args, 'external_id');
  const byExternal = [...workspace.views.values()].find((entry) => externalId && entry.view.external_id === externalId);
  const id = stringArg(args, 'view_id') ?? (byExternal?.view.id as string | undefined);
  if (!id) return { ok: false, error: 'not_found' };
  const known = workspace.views.get(id);
  const hash = stringArg(args, 'hash');
  // Only a hash this fake issued earlier counts as stale: tests may invent hashes for views they never opened.
  if (known && hash && known.hashes.has(hash) && known.view.hash !== hash) return { ok: false, error: 'hash_conflict' };
  const ids = {
    id,
    rootViewId: (known?.view.root_view_id as string | undefined) ?? id,
    previousViewId: (known?.view.previous_view_id as string | null | undefined) ?? null,
  };
  return { ok: true, view: storeView(workspace, objectArg(args, 'view'), ids) };
};

/** views.publish: the user's Home tab, one per user, replaced on every publish. */
const publishView = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  const userId = stringArg(args, 'user_id');
  if (!userId) return { ok: false, error: 'invalid_arguments' };
  const view = objectArg(args, 'view');
  if (view.type !== 'home') return { ok: false, error: 'invalid_arguments' };
  if (Array.isArray(view.blocks) && view.blocks.length > 100) return { ok: false, error: 'invalid_arguments' };
  const stored = storeView(workspace, view, {
    id: `V0HOME${userId}`,
    rootViewId: `V0HOME${userId}`,
    previousViewId: null,
  });
  workspace.homes.set(userId, stored);
  return { ok: true, view: stored };
};

const describeChannel = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  const id = stringArg(args, 'channel');
  const channel = id ? workspace.channels.get(id) : undefined;
  if (!id || !channel) return { ok: false, error: 'channel_not_found' };
  const conversation = channel.isIm
    ? { id, created: TS_BASE_SECONDS, is_im: true, user: 'U0ALICE01', is_org_shared: false }
    : {
        id,
        name: channel.name ?? id.toLowerCase(),
        is_channel: !channel.isMpim,
        is_group: Boolean(channel.isPrivate) && !channel.isMpim,
        is_im: false,
        is_mpim: channel.isMpim ?? false,
        is_private: channel.isPrivate ?? channel.isMpim ?? false,
        created: TS_BASE_SECONDS,
        is_archived: false,
        is_general: false,
        is_shared: channel.isExtShared ?? false,
        is_ext_shared: channel.isExtShared ?? false,
        is_org_shared: false,
        is_member: channel.isMember ?? true,
        ...(channel.connectedTeamIds
          ? { connected_team_ids: [FAKE_SLACK_IDS.teamId, ...channel.connectedTeamIds] }
          : {}),
        context_team_id: FAKE_SLACK_IDS.teamId,
        topic: { value: '', creator: '', last_set: 0 },
        purpose: { value: '', creator: '', last_set: 0 },
      };
  return { ok: true, channel: conversation };
};

const postMessage = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  const channel = resolveChannel(stringArg(args, 'channel'));
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const ts = nextTs(workspace);
  const message = {
    type: 'message',
    text: stringArg(args, 'text') ?? '',
    blocks: args.blocks,
    user: FAKE_SLACK_IDS.botUserId,
    bot_id: FAKE_SLACK_IDS.botId,
    app_id: FAKE_SLACK_IDS.appId,
    team: FAKE_SLACK_IDS.teamId,
    thread_ts: stringArg(args, 'thread_ts'),
    ts,
  };
  return { ok: true, channel, ts, message };
};

const findUserByEmail = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  const email = stringArg(args, 'email')?.toLowerCase();
  const found = [...workspace.users.entries()].find(([, user]) => user.email?.toLowerCase() === email);
  return found ? { ok: true, user: describeUser(found[0], found[1]) } : { ok: false, error: 'users_not_found' };
};

type DefaultAnswer = (args: FakeSlackArgs, context: AnswerContext) => FakeSlackAnswer;

/** Every Web API method the fake knows; anything else is `unknown_method` unless a test overrides it. */
export const DEFAULT_ANSWERS: Record<string, DefaultAnswer> = {
  'auth.test': () => ({
    ok: true,
    url: `https://${FAKE_SLACK_IDS.teamDomain}.slack.com/`,
    team: 'Caliq Test',
    user: 'caliq-interactions',
    team_id: FAKE_SLACK_IDS.teamId,
    user_id: FAKE_SLACK_IDS.botUserId,
    bot_id: FAKE_SLACK_IDS.botId,
    app_id: FAKE_SLACK_IDS.appId,
    is_enterprise_install: false,
  }),
  'apps.connections.open': (_args, { socketUrl }) => ({ ok: true, url: socketUrl }),
  'views.open': refusingOverLimits(openView, 'view'),
  // The fake keeps no stack, so a pushed view is its own root; push_limit_reached is left to respondWith.
  'views.push': refusingOverLimits(openView, 'view'),
  'views.update': refusingOverLimits(updateView, 'view'),
  'views.publish': publishView,
  'conversations.info': describeChannel,
  'chat.postMessage': refusingOverLimits(postMessage, 'message'),
  'chat.postEphemeral': refusingOverLimits(
    (args, { workspace }) =>
      stringArg(args, 'channel')
        ? { ok: true, message_ts: nextTs(workspace) }
        : { ok: false, error: 'channel_not_found' },
    'message',
  ),
  'chat.update': (args) => ({
    ok: true,
    channel: stringArg(args, 'channel'),
    ts: stringArg(args, 'ts'),
    text: stringArg(args, 'text') ?? '',
    message: {
      type: 'message',
      text: stringArg(args, 'text') ?? '',
      blocks: args.blocks,
      bot_id: FAKE_SLACK_IDS.botId,
    },
  }),
  'chat.scheduleMessage': (args, { workspace }) => {
    workspace.counters.scheduled += 1;
    return {
      ok: true,
      channel: resolveChannel(stringArg(args, 'channel')),
      scheduled_message_id: `Q0FAKE${String(workspace.counters.scheduled).padStart(5, '0')}`,
      post_at: Number(stringArg(args, 'post_at')),
      message: { type: 'delayed_message', text: stringArg(args, 'text') ?? '', bot_id: FAKE_SLACK_IDS.botId },
    };
  },
  'chat.deleteScheduledMessage': () => ({ ok: true }),
  'chat.getPermalink': (args) => {
    const channel = stringArg(args, 'channel') ?? '';
    const ts = (stringArg(args, 'message_ts') ?? '').replace('.', '');
    return {
      ok: true,
      channel,
      permalink: `https://${FAKE_SLACK_IDS.teamDomain}.slack.com/archives/${channel}/p${ts}`,
    };
  },
  'conversations.open': (args) => {
    const user = stringArg(args, 'users')?.split(',')[0];
    return user
      ? { ok: true, no_op: true, already_open: true, channel: { id: `D${user}` } }
      : { ok: false, error: 'users_list_not_supplied' };
  },
  'users.info': (args, { workspace }) => {
    const id = stringArg(args, 'user');
    return id ? { ok: true, user: describeUser(id, workspace.users.get(id)) } : { ok: false, error: 'user_not_found' };
  },
  'users.lookupByEmail': findUserByEmail,
  'users.profile.get': (args, { workspace }) => {
    const id = stringArg(args, 'user') ?? FAKE_SLACK_IDS.botUserId;
    const user = workspace.users.get(id);
    const { profile } = describeUser(id, user) as { profile: FakeSlackAnswer };
    return { ok: true, profile: { ...profile, fields: user?.fields ?? {} } };
  },
  ...THREAD_ANSWERS,
  'team.profile.get': ({ visibility }, { workspace }) => ({
    ok: true,
    profile: {
      fields: workspace.teamProfileFields
        .map((field, index) => ({ ordering: index, type: 'text', hint: '', is_hidden: false, ...field }))
        .filter((field) =>
          visibility === 'hidden' ? field.is_hidden : visibility === 'visible' ? !field.is_hidden : true,
        ),
      sections: [],
    },
  }),
};
