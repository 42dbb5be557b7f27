// The fake Slack Web API's default answers, in Slack's shapes, computed from a small in-memory workspace.
import { DateTime } from 'luxon';
import { type FakeSlackMessage, refusingOverLimits, THREAD_ANSWERS } from './fake-slack-threads.js';
import { openView, publishView, updateView } from './fake-slack-views.js';
import {
  type AnswerContext,
  FAKE_SLACK_IDS,
  type FakeSlackAnswer,
  type FakeSlackArgs,
  type FakeSlackUser,
  type FakeSlackWorkspace,
  stringArg,
  TS_BASE_SECONDS,
} from './fake-slack-workspace.js';

export {
  type AnswerContext,
  createWorkspace,
  FAKE_SLACK_IDS,
  type FakeSlackAnswer,
  type FakeSlackArgs,
  type FakeSlackChannel,
  type FakeSlackUser,
  type FakeSlackWorkspace,
  type FakeTeamProfileField,
} from './fake-slack-workspace.js';

const DEFAULT_ZONE = 'Europe/London';

/** Unique, increasing message timestamps such as `1732600000.000100`, like Slack's. */
const nextTs = (workspace: FakeSlackWorkspace): string => {
  workspace.counters.ts += 100;
  const micros = workspace.counters.ts;
  return `${TS_BASE_SECONDS + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
};

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
  // The app's DMs are kept (with their metadata) so conversations.history can show them; channels keep only what
  // tests put there with addMessage.
  if (channel.startsWith('D')) {
    const metadata = typeof args.metadata === 'object' && args.metadata !== null ? args.metadata : undefined;
    const stored = { ts, text: message.text, user: message.user, bot_id: message.bot_id };
    workspace.messages.set(channel, [
      ...(workspace.messages.get(channel) ?? []),
      metadata ? { ...stored, metadata: metadata as NonNullable<FakeSlackMessage['metadata']> } : stored,
    ]);
  }
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
  // A custom step's end: Slack wants the execution ID, and outputs (success) or an error text (failure).
  'functions.completeSuccess': (args) =>
    stringArg(args, 'function_execution_id') && args.outputs !== undefined
      ? { ok: true }
      : { ok: false, error: 'invalid_arguments' },
  'functions.completeError': (args) =>
    stringArg(args, 'function_execution_id') && stringArg(args, 'error')
      ? { ok: true }
      : { ok: false, error: 'invalid_arguments' },
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
