// The "Log interaction" modal: every input with stable block/action IDs, so views.update keeps what the user typed.
import type {
  ContextBlock,
  ExternalSelect,
  InputBlock,
  KnownBlock,
  ModalView,
  NumberInput,
  PlainTextOption,
  StaticSelect,
} from '@slack/types';
import type { AccountRecord } from '../accounts/index.js';
import { CALIQ_LIMITS, type CaliqChannel, type InteractionKind } from '../caliq/index.js';
import { BLOCK, CALLBACK, ELEMENT } from '../ids.js';
import type { Draft, ModalMetadata } from '../interactions/index.js';
import { accountOption } from './account-options.js';
import { plainText } from './blocks.js';
import { buildContactBlocks } from './contact-blocks.js';
import { truncate } from './escape.js';
import { buildNoticeBlocks, buildThreadBlocks } from './form-extras.js';
import { inputBlock, textInput } from './inputs.js';
import { SLACK_LIMITS } from './limits.js';
import { encodeModalMetadata } from './modal-metadata.js';

/**
 * The account field: a search over Caliq's customers (`selected` is the draft's account as the index knows it), or a
 * text field when the customer list has not loaded (Caliq down at start-up), which the form then explains.
 */
export type AccountFieldInput = { kind: 'search'; selected?: AccountRecord } | { kind: 'text' };

export type LogModalInput = {
  draft: Draft;
  accountField: AccountFieldInput;
  /** The linked channel the account was taken from ("acme-team"), shown under the account field. */
  accountFromChannel?: string;
  metadata: ModalMetadata;
  submitterId: string;
  /** Caliq's channels; undefined or empty when Caliq could not be asked (then the user types the ID). */
  channels: readonly CaliqChannel[] | undefined;
  defaultChannelId?: number;
  /** How the date fields were understood ("Means Wed 25 Nov 2026, 15:00"), shown under the fields. */
  hints?: { when?: string; followUpWhen?: string; followUpBy?: string };
  /** Lines at the top of the form: where the contact came from, a shared channel, why the thread is missing. */
  notices?: readonly string[];
};

export const DEFAULT_HINTS = {
  when: "Type a date as you'd say it and press Enter to check it. Empty means now.",
  followUpWhen: 'A date without a time means 09:00 for the follow-up person. Leave empty for no follow-up.',
  followUpBy: 'They get a direct message from me when the follow-up is due.',
  channelUnavailable: "Caliq's channel list is unavailable right now; type the channel ID.",
  accountSearchUnavailable:
    "Caliq's customer list isn't loaded yet (Caliq didn't answer), so search is off: type the account number.",
} as const;

/** Shortest query Slack sends for: account numbers are short, so search from the first character. */
export const ACCOUNT_MIN_QUERY_LENGTH = 1;

const KIND_OPTIONS: Record<InteractionKind, PlainTextOption> = {
  C: { text: plainText('Call'), value: 'C' },
  E: { text: plainText('Email'), value: 'E' },
  V: { text: plainText('Visit'), value: 'V' },
};

function channelOption(channel: CaliqChannel): PlainTextOption {
  const label = channel.description.trim() || `Channel ${channel.id}`;
  return { text: plainText(truncate(label, SLACK_LIMITS.optionText)), value: String(channel.id) };
}

/**
 * Caliq's order, at most 100 (Slack's cap); the preselected channel is always kept so it can be shown as chosen.
 * More than 100 channels would need an external_select backed by an options listener.
 */
function pickChannels(channels: readonly CaliqChannel[], selectedId: number | undefined): CaliqChannel[] {
  const max = SLACK_LIMITS.staticSelectOptions;
  if (channels.length <= max) return [...channels];
  const shown = channels.slice(0, max);
  const selected = channels.find((channel) => channel.id === selectedId);
  if (selected && !shown.includes(selected)) shown[max - 1] = selected;
  return shown;
}

function channelBlock(input: LogModalInput): InputBlock {
  const selectedId = input.draft.channelId ?? input.defaultChannelId;
  const channels = input.channels ?? [];
  if (channels.length === 0) {
    const element: NumberInput = {
      type: 'number_input',
      action_id: ELEMENT.channel,
      is_decimal_allowed: false,
      placeholder: plainText('e.g. 12'),
      ...(selectedId === undefined ? {} : { initial_value: String(selectedId) }),
    };
    return inputBlock(BLOCK.channel, 'Caliq channel', element, { hint: DEFAULT_HINTS.channelUnavailable });
  }
  const shown = pickChannels(channels, selectedId);
  const options = shown.map(channelOption);
  const initial = options.find((option) => option.value === String(selectedId));
  const element: StaticSelect = {
    type: 'static_select',
    action_id: ELEMENT.channel,
    placeholder: plainText('Choose a channel'),
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
  const hint =
    channels.length > shown.length
      ? `Showing ${shown.length} of Caliq's ${channels.length} channels. Yours missing? Tell your Slack admin.`
      : undefined;
  return inputBlock(BLOCK.channel, 'Caliq channel', element, hint ? { hint } : {});
}

function contextLine(text: string): ContextBlock {
  return { type: 'context', elements: [plainText(truncate(text, SLACK_LIMITS.sectionText))] };
}

/** The account input, then a line for each thing the user should know about it (where it came from, no search). */
function accountBlocks(input: LogModalInput): KnownBlock[] {
  const { draft, accountField } = input;
  const lines: ContextBlock[] = [];
  if (input.accountFromChannel) lines.push(contextLine(`Account from #${input.accountFromChannel} (linked channel)`));
  if (accountField.kind === 'text') {
    lines.push(contextLine(DEFAULT_HINTS.accountSearchUnavailable));
    const element = textInput(ELEMENT.account, {
      maxLength: CALIQ_LIMITS.accountNo,
      initial: draft.accountNo,
      placeholder: 'e.g. ACME01',
    });
    return [inputBlock(BLOCK.account, 'Customer account no.', element), ...lines];
  }
  // A draft account the index doesn't know is still shown as given; validation names it on submit.
  const given = draft.accountNo?.trim();
  const initial = accountField.selected ?? (given ? { accountNo: given } : undefined);
  const initialOption = initial ? accountOption(initial) : undefined;
  const element: ExternalSelect = {
    type: 'external_select',
    action_id: ELEMENT.account,
    placeholder: plainText('Type an account number or name'),
    min_query_length: ACCOUNT_MIN_QUERY_LENGTH,
    ...(initialOption ? { initial_option: initialOption } : {}),
  };
  // Choosing an account dispatches, so the form can offer the people logged with it before.
  return [inputBlock(BLOCK.account, 'Customer', element, { dispatchAction: true }), ...lines];
}

/** The log modal for a draft (empty for a fresh entry; filled for edit and resubmit). */
export function buildLogModal(input: LogModalInput): ModalView {
  const { draft, hints = {} } = input;
  const kind = draft.kind ? KIND_OPTIONS[draft.kind] : undefined;
  const blocks: KnownBlock[] = [
    ...buildNoticeBlocks(input.notices ?? []),
    ...accountBlocks(input),
    inputBlock(BLOCK.kind, 'Type', {
      type: 'radio_buttons',
      action_id: ELEMENT.kind,
      options: [KIND_OPTIONS.C, KIND_OPTIONS.E, KIND_OPTIONS.V],
      ...(kind ? { initial_option: kind } : {}),
    }),
    channelBlock(input),
    ...buildContactBlocks(draft),
    inputBlock(
      BLOCK.when,
      'When',
      textInput(ELEMENT.when, {
        maxLength: 200,
        initial: draft.when,
        placeholder: 'now, yesterday 3pm, 25/11 14:30',
        dispatchOnEnter: true,
      }),
      { optional: true, dispatchAction: true, hint: hints.when ?? DEFAULT_HINTS.when },
    ),
    inputBlock(
      BLOCK.notes,
      'Notes',
      textInput(ELEMENT.notes, {
        maxLength: SLACK_LIMITS.plainTextInputMaxLength,
        initial: draft.notes,
        multiline: true,
      }),
      { optional: true },
    ),
    ...buildThreadBlocks(draft),
    { type: 'divider' },
    { type: 'header', text: plainText('Follow-up (optional)') },
    inputBlock(
      BLOCK.followUpWhen,
      'Follow up on',
      textInput(ELEMENT.followUpWhen, {
        maxLength: 200,
        initial: draft.followUpWhen,
        placeholder: 'next Friday, in 2 weeks',
        dispatchOnEnter: true,
      }),
      { optional: true, dispatchAction: true, hint: hints.followUpWhen ?? DEFAULT_HINTS.followUpWhen },
    ),
    inputBlock(
      BLOCK.followUpBy,
      'Follow-up by',
      { type: 'users_select', action_id: ELEMENT.followUpBy, initial_user: draft.followUpBy ?? input.submitterId },
      { optional: true, dispatchAction: true, hint: hints.followUpBy ?? DEFAULT_HINTS.followUpBy },
    ),
    inputBlock(
      BLOCK.followUpNotes,
      'Follow-up notes',
      textInput(ELEMENT.followUpNotes, {
        maxLength: SLACK_LIMITS.plainTextInputMaxLength,
        initial: draft.followUpNotes,
        multiline: true,
        placeholder: 'What to do next',
      }),
      { optional: true },
    ),
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK.logModal,
    title: plainText('Log interaction'),
    submit: plainText('Log'),
    close: plainText('Cancel'),
    private_metadata: encodeModalMetadata(input.metadata),
    blocks,
  };
}
