// Interactive payloads in the shapes Slack sends (message shortcut, view_submission, block_actions) and modal state.
import { BLOCK, CALLBACK, ELEMENT } from '../../src/ids.js';
import { ATTACH_THREAD_VALUE } from '../../src/interactions/index.js';
import { FAKE_SLACK_IDS } from './fake-slack-answers.js';

type Json = Record<string, unknown>;

/** Who acts; defaults to Alice in the fake workspace. */
export type Actor = { userId?: string; userName?: string; teamId?: string };

const nowSeconds = (): string => (Date.now() / 1000).toFixed(6);

/** A trigger_id in Slack's format (`132456.7890123.abcdef…`); unique per call. */
export const createTriggerId = (): string =>
  `${Date.now()}.${Math.floor(Math.random() * 1e10)}.${Math.random().toString(16).slice(2).padEnd(12, '0')}`;

/** A response_url that refuses connections at once: tests that forget to pass one never reach the internet. */
export const UNREACHABLE_RESPONSE_URL = 'http://127.0.0.1:1/no-response-url-given';

const plainText = (text: string): Json => ({ type: 'plain_text', text, emoji: true });

const userOf = ({ userId = 'U0ALICE01', userName = 'alice', teamId = FAKE_SLACK_IDS.teamId }: Actor): Json => ({
  id: userId,
  username: userName,
  name: userName,
  team_id: teamId,
});

const teamOf = ({ teamId = FAKE_SLACK_IDS.teamId }: Actor): Json => ({ id: teamId, domain: FAKE_SLACK_IDS.teamDomain });

export type MessageShortcutInput = Actor & {
  channelId?: string;
  channelName?: string;
  messageTs?: string;
  messageText?: string;
  /** Author of the message the shortcut was used on. */
  messageUserId?: string;
  threadTs?: string;
  triggerId?: string;
  responseUrl?: string;
  callbackId?: string;
  /** Extra or replacement fields of `message` (e.g. `blocks`, `bot_id`). */
  message?: Json;
};

/** A message shortcut (`message_action`) on a message in a channel. */
export const messageShortcutPayload = (input: MessageShortcutInput = {}): Json => {
  const messageTs = input.messageTs ?? '1732500000.000200';
  return {
    type: 'message_action',
    token: 'deprecated-verification-token',
    action_ts: nowSeconds(),
    team: teamOf(input),
    user: userOf(input),
    channel: { id: input.channelId ?? 'C0SALES01', name: input.channelName ?? 'sales' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId ?? CALLBACK.logFromMessageShortcut,
    trigger_id: input.triggerId ?? createTriggerId(),
    response_url: input.responseUrl ?? UNREACHABLE_RESPONSE_URL,
    message_ts: messageTs,
    message: {
      type: 'message',
      user: input.messageUserId ?? 'U0BOB0001',
      ts: messageTs,
      text: input.messageText ?? 'Spoke to the customer about renewal',
      team: input.teamId ?? FAKE_SLACK_IDS.teamId,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      ...input.message,
    },
  };
};

export type GlobalShortcutInput = Actor & { callbackId?: string; triggerId?: string };

/** A global shortcut (⚡ menu): no channel, no message, no response_url. */
export const globalShortcutPayload = (input: GlobalShortcutInput = {}): Json => ({
  type: 'shortcut',
  token: 'deprecated-verification-token',
  action_ts: nowSeconds(),
  team: teamOf(input),
  user: userOf(input),
  is_enterprise_install: false,
  enterprise: null,
  callback_id: input.callbackId ?? CALLBACK.logGlobalShortcut,
  trigger_id: input.triggerId ?? createTriggerId(),
});

let eventCounter = 0;

/** An Events API `event_callback` envelope around one event (JSON body, unlike interactive payloads). */
export const eventCallbackPayload = (event: Json, input: { teamId?: string; eventId?: string } = {}): Json => {
  eventCounter += 1;
  const teamId = input.teamId ?? FAKE_SLACK_IDS.teamId;
  return {
    token: 'deprecated-verification-token',
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: FAKE_SLACK_IDS.appId,
    event: { event_ts: nowSeconds(), ...event },
    type: 'event_callback',
    event_id: input.eventId ?? `Ev0FAKE${String(eventCounter).padStart(6, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: FAKE_SLACK_IDS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
};

/** `app_home_opened` for the Home (or Messages) tab, as Slack sends it each time the user opens the tab. */
export const appHomeOpenedEvent = (input: { userId?: string; tab?: 'home' | 'messages'; view?: Json } = {}): Json => ({
  type: 'app_home_opened',
  user: input.userId ?? 'U0ALICE01',
  channel: `D${input.userId ?? 'U0ALICE01'}`,
  tab: input.tab ?? 'home',
  ...(input.view ? { view: input.view } : {}),
});

export type ViewInput = {
  callback_id?: string;
  private_metadata?: string;
  state?: { values: Json };
  id?: string;
  hash?: string;
  external_id?: string;
  blocks?: unknown[];
  title?: string;
  [extra: string]: unknown;
};

/** A modal view as Slack includes it in payloads: every field Slack fills in, plus the given ones. */
export const modalView = (view: ViewInput = {}): Json => {
  const { title = 'Log interaction', ...rest } = view;
  const id = view.id ?? 'V0SUBMIT01';
  return {
    id,
    team_id: FAKE_SLACK_IDS.teamId,
    type: 'modal',
    blocks: [],
    private_metadata: '',
    callback_id: CALLBACK.logModal,
    state: { values: {} },
    hash: '1732600000.abcdef12',
    title: plainText(title),
    submit: plainText('Log'),
    close: plainText('Cancel'),
    clear_on_close: false,
    notify_on_close: false,
    external_id: '',
    root_view_id: id,
    previous_view_id: null,
    app_id: FAKE_SLACK_IDS.appId,
    app_installed_team_id: FAKE_SLACK_IDS.teamId,
    bot_id: FAKE_SLACK_IDS.botId,
    ...rest,
  };
};

export type ViewSubmissionInput = Actor & {
  view: ViewInput;
  triggerId?: string;
  /** Only present when the view has a conversations_select with response_url_enabled. */
  responseUrls?: Array<{ block_id: string; action_id: string; channel_id: string; response_url: string }>;
};

export const viewSubmissionPayload = (input: ViewSubmissionInput): Json => ({
  type: 'view_submission',
  team: teamOf(input),
  user: userOf(input),
  api_app_id: FAKE_SLACK_IDS.appId,
  token: 'deprecated-verification-token',
  trigger_id: input.triggerId ?? createTriggerId(),
  view: modalView(input.view),
  response_urls: input.responseUrls ?? [],
  is_enterprise_install: false,
  enterprise: null,
});

/** An action as the user produced it; `type` and the value field (`value`, `selected_option`…) are up to the test. */
export type ActionInput = { action_id: string; block_id?: string; type?: string; [field: string]: unknown };

export type BlockActionsInput = Actor & {
  actions: ActionInput[];
  triggerId?: string;
  /** The action happened in this modal (container type `view`); no response_url then, as in Slack. */
  view?: ViewInput;
  /** The action happened on the user's App Home tab (container type `view`, view type `home`, no response_url). */
  homeView?: Json;
  /** The action happened on this message (container type `message`). */
  message?: {
    ts: string;
    text?: string;
    blocks?: unknown[];
    channelId?: string;
    isEphemeral?: boolean;
    [extra: string]: unknown;
  };
  responseUrl?: string;
};

export const blockActionsPayload = (input: BlockActionsInput): Json => {
  const actions = input.actions.map((action) => ({
    type: 'button',
    block_id: 'actions_block',
    action_ts: nowSeconds(),
    ...action,
  }));
  const base: Json = {
    type: 'block_actions',
    user: userOf(input),
    api_app_id: FAKE_SLACK_IDS.appId,
    token: 'deprecated-verification-token',
    trigger_id: input.triggerId ?? createTriggerId(),
    team: teamOf(input),
    enterprise: null,
    is_enterprise_install: false,
    actions,
  };
  if (input.homeView) {
    const view: Json = { ...input.homeView, type: 'home' };
    return { ...base, container: { type: 'view', view_id: view.id }, view, state: { values: {} } };
  }
  if (input.view) {
    const view = modalView(input.view);
    return {
      ...base,
      container: { type: 'view', view_id: view.id },
      view,
      state: view.state,
      ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    };
  }
  const {
    ts,
    text = '',
    blocks = [],
    channelId = 'D0ALICEBOT',
    isEphemeral = false,
    ...extra
  } = input.message ?? {
    ts: '1732600000.000100',
  };
  return {
    ...base,
    container: { type: 'message', message_ts: ts, channel_id: channelId, is_ephemeral: isEphemeral },
    channel: { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'sales' },
    message: {
      type: 'message',
      user: FAKE_SLACK_IDS.botUserId,
      bot_id: FAKE_SLACK_IDS.botId,
      ts,
      text,
      blocks,
      team: input.teamId ?? FAKE_SLACK_IDS.teamId,
      ...extra,
    },
    state: { values: {} },
    response_url: input.responseUrl ?? UNREACHABLE_RESPONSE_URL,
  };
};

export type BlockSuggestionInput = Actor & {
  /** What the user has typed in the menu so far. */
  value: string;
  actionId?: string;
  blockId?: string;
  /** The modal the menu is in; default the log modal. */
  view?: ViewInput;
};

/** What Slack posts to the options load URL while a user types in an external_select inside a modal. */
export const blockSuggestionPayload = (input: BlockSuggestionInput): Json => {
  const view = modalView(input.view);
  return {
    type: 'block_suggestion',
    user: userOf(input),
    container: { type: 'view', view_id: view.id },
    api_app_id: FAKE_SLACK_IDS.appId,
    token: 'deprecated-verification-token',
    action_id: input.actionId ?? ELEMENT.account,
    block_id: input.blockId ?? BLOCK.account,
    value: input.value,
    team: teamOf(input),
    enterprise: null,
    is_enterprise_install: false,
    view,
  };
};

type Option = { value: string; text: string };

/** What a user left in the log modal, keyed like BLOCK; `null` means touched nothing (Slack sends null). */
export type LogModalInput = {
  /** Typed into the text field (a string), or picked in the search (an option: external_select state). */
  account?: string | Option | null;
  kind?: 'C' | 'E' | 'V' | Option | null;
  /** A Caliq channel id (`64`) or an option with its label. */
  channel?: number | string | Option | null;
  contactFirstName?: string | null;
  contactSurname?: string | null;
  when?: string | null;
  notes?: string | null;
  followUpWhen?: string | null;
  /** Slack user ID picked in the users_select. */
  followUpBy?: string | null;
  followUpNotes?: string | null;
  /** The "Attach the thread" box: ticked or not. Left out, the state has no such block (as a form without a thread). */
  attachThread?: boolean;
  /** The contact choice: a remembered person's option value (`first<TAB>surname`) or `new`. Left out like attachThread. */
  contactChoice?: string;
};

const KIND_LABELS: Record<string, string> = { C: 'Call', E: 'Email', V: 'Visit' };

const selectedOption = (option: Option | null): Json | null =>
  option ? { text: plainText(option.text), value: option.value } : null;

const elementState = (key: keyof typeof BLOCK, value: LogModalInput[keyof LogModalInput] | undefined): Json => {
  const given = value ?? null;
  switch (key) {
    case 'kind': {
      const option =
        typeof given === 'string' ? { value: given, text: KIND_LABELS[given] ?? given } : (given as Option | null);
      return { type: 'radio_buttons', selected_option: selectedOption(option) };
    }
    case 'channel': {
      const option =
        typeof given === 'string' || typeof given === 'number'
          ? { value: String(given), text: `Channel ${given}` }
          : (given as Option | null);
      return { type: 'static_select', selected_option: selectedOption(option) };
    }
    case 'followUpBy':
      return { type: 'users_select', selected_user: given as string | null };
    case 'contactChoice':
      return {
        type: 'static_select',
        selected_option: given ? { text: plainText(String(given)), value: given } : null,
      };
    case 'attachThread':
      return {
        type: 'checkboxes',
        selected_options: given === true ? [{ text: plainText('Attach the thread'), value: ATTACH_THREAD_VALUE }] : [],
      };
    case 'account':
      return typeof given === 'object' && given !== null
        ? { type: 'external_select', selected_option: selectedOption(given as Option) }
        : { type: 'plain_text_input', value: given as string | null };
    default:
      return { type: 'plain_text_input', value: given as string | null };
  }
};

/**
 * `view.state.values` for the log modal. Like Slack since 2020, every block is present (untouched ones as null)
 * unless `onlyGiven` is set, for a modal that does not show every block.
 */
export const stateValues = (input: LogModalInput, options: { onlyGiven?: boolean } = {}): Json => {
  const values: Json = {};
  for (const key of Object.keys(BLOCK) as Array<keyof typeof BLOCK>) {
    if ((options.onlyGiven || key === 'attachThread' || key === 'contactChoice') && !(key in input)) continue;
    values[BLOCK[key]] = { [ELEMENT[key]]: elementState(key, input[key]) };
  }
  return values;
};
