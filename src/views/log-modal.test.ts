import type {
  ContextBlock,
  ExternalSelect,
  InputBlock,
  KnownBlock,
  ModalView,
  NumberInput,
  PlainTextInput,
  StaticSelect,
  UsersSelect,
} from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { CaliqChannel } from '../caliq/types.js';
import { BLOCK, CALLBACK, ELEMENT } from '../ids.js';
import type { Draft, ModalMetadata } from '../interactions/draft.js';
import { listModalLimitViolations } from './limit-violations.js';
import { buildLogModal, DEFAULT_HINTS, type LogModalInput } from './log-modal.js';
import { decodeModalMetadata } from './modal-metadata.js';

const metadata: ModalMetadata = {
  uniqueId: '3f2b8c1e-7d4a-4b9e-9c1f-2a6d8e4b7c10',
  replyTo: { responseUrl: 'https://hooks.slack.com/commands/T1/2/abc', conversationId: 'C1' },
  source: 'command',
};
const channels: CaliqChannel[] = [
  { id: 11, description: 'Retail' },
  { id: 12, description: 'Wholesale' },
  { id: 13, description: '' },
];
const fullDraft: Draft = {
  accountNo: 'ACME01',
  kind: 'V',
  channelId: 12,
  contactFirstName: 'Jane',
  contactSurname: 'Smith',
  when: 'yesterday 3pm',
  notes: 'Discussed renewal',
  followUpWhen: 'next Friday',
  followUpBy: 'U0FOLLOW',
  followUpNotes: 'Send the quote',
};

function build(overrides: Partial<LogModalInput> = {}): ModalView {
  return buildLogModal({
    draft: {},
    accountField: { kind: 'search' },
    metadata,
    submitterId: 'U0ME',
    channels,
    ...overrides,
  });
}

const blocksOf = (view: ModalView) => view.blocks as KnownBlock[];

function input(view: ModalView, blockId: string): InputBlock {
  const block = blocksOf(view).find((b): b is InputBlock => b.type === 'input' && b.block_id === blockId);
  if (!block) throw new Error(`no input block ${blockId}`);
  return block;
}

const idsOf = (view: ModalView) =>
  blocksOf(view)
    .filter((b): b is InputBlock => b.type === 'input')
    .map((b) => [b.block_id, b.element.action_id]);

describe('buildLogModal', () => {
  it('has the callback, title, buttons and every input with its block_id and action_id, in order', () => {
    const view = build();
    expect(view.callback_id).toBe(CALLBACK.logModal);
    expect(view.title.text).toBe('Log interaction');
    expect(view.submit?.text).toBe('Log');
    expect(view.close?.text).toBe('Cancel');
    // Every input but the thread's checkbox, which only a form with a thread has.
    const keys = (Object.keys(BLOCK) as (keyof typeof BLOCK)[]).filter(
      (key) => key !== 'attachThread' && key !== 'contactChoice',
    );
    expect(idsOf(view)).toEqual(keys.map((key) => [BLOCK[key], ELEMENT[key]]));
    expect(listModalLimitViolations(view)).toEqual([]);
  });

  it('keeps identical block and action IDs whatever the draft or hints, so views.update keeps input', () => {
    const empty = build();
    const full = build({ draft: fullDraft, hints: { when: 'Means Tue 24 Nov 2026, 15:00' } });
    const noChannels = build({ draft: fullDraft, channels: undefined });
    const noSearch = build({ draft: fullDraft, accountField: { kind: 'text' }, accountFromChannel: 'acme-team' });
    expect(idsOf(full)).toEqual(idsOf(empty));
    expect(idsOf(noChannels)).toEqual(idsOf(empty));
    expect(idsOf(noSearch)).toEqual(idsOf(empty));
  });

  it('carries the metadata', () => {
    expect(decodeModalMetadata(build().private_metadata)).toEqual(metadata);
  });

  it("respects Caliq's and Slack's field lengths", () => {
    const view = build({ accountField: { kind: 'text' } });
    const maxLength = (blockId: string) => (input(view, blockId).element as PlainTextInput).max_length;
    expect(maxLength(BLOCK.account)).toBe(10);
    expect(maxLength(BLOCK.contactFirstName)).toBe(50);
    expect(maxLength(BLOCK.contactSurname)).toBe(50);
    expect(maxLength(BLOCK.notes)).toBe(3000);
    expect(maxLength(BLOCK.followUpNotes)).toBe(3000);
  });

  it('fills every field from the draft', () => {
    const view = build({ draft: fullDraft });
    const value = (blockId: string) => (input(view, blockId).element as PlainTextInput).initial_value;
    expect((input(view, BLOCK.account).element as ExternalSelect).initial_option?.value).toBe('ACME01');
    expect(value(BLOCK.contactFirstName)).toBe('Jane');
    expect(value(BLOCK.contactSurname)).toBe('Smith');
    expect(value(BLOCK.when)).toBe('yesterday 3pm');
    expect(value(BLOCK.notes)).toBe('Discussed renewal');
    expect(value(BLOCK.followUpWhen)).toBe('next Friday');
    expect(value(BLOCK.followUpNotes)).toBe('Send the quote');
    const kind = input(view, BLOCK.kind).element;
    expect(kind.type === 'radio_buttons' && kind.initial_option?.value).toBe('V');
    expect((input(view, BLOCK.channel).element as StaticSelect).initial_option).toEqual({
      text: { type: 'plain_text', text: 'Wholesale', emoji: true },
      value: '12',
    });
    expect((input(view, BLOCK.followUpBy).element as UsersSelect).initial_user).toBe('U0FOLLOW');
  });

  it('leaves an empty draft empty, with the submitter as follow-up person', () => {
    const view = build();
    expect((input(view, BLOCK.account).element as ExternalSelect).initial_option).toBeUndefined();
    expect((input(view, BLOCK.channel).element as StaticSelect).initial_option).toBeUndefined();
    expect((input(view, BLOCK.followUpBy).element as UsersSelect).initial_user).toBe('U0ME');
    expect((input(view, BLOCK.channel).element as StaticSelect).options?.map((o) => o.text.text)).toEqual([
      'Retail',
      'Wholesale',
      'Channel 13',
    ]);
  });

  it('preselects the default channel only when Caliq lists it', () => {
    const selected = (view: ModalView) => (input(view, BLOCK.channel).element as StaticSelect).initial_option?.value;
    expect(selected(build({ defaultChannelId: 11 }))).toBe('11');
    expect(selected(build({ defaultChannelId: 99 }))).toBeUndefined();
    expect(selected(build({ defaultChannelId: 11, draft: { channelId: 13 } }))).toBe('13');
  });

  it('marks the optional fields and makes the account, date and person fields dispatch', () => {
    const view = build();
    const optional = blocksOf(view).filter((b): b is InputBlock => b.type === 'input' && b.optional === true);
    expect(optional.map((b) => b.block_id)).toEqual([
      BLOCK.when,
      BLOCK.notes,
      BLOCK.followUpWhen,
      BLOCK.followUpBy,
      BLOCK.followUpNotes,
    ]);
    const dispatching = blocksOf(view).filter((b): b is InputBlock => b.type === 'input' && b.dispatch_action === true);
    expect(dispatching.map((b) => b.block_id)).toEqual([
      BLOCK.account,
      BLOCK.when,
      BLOCK.followUpWhen,
      BLOCK.followUpBy,
    ]);
    for (const blockId of [BLOCK.when, BLOCK.followUpWhen]) {
      expect((input(view, blockId).element as PlainTextInput).dispatch_action_config).toEqual({
        trigger_actions_on: ['on_enter_pressed'],
      });
    }
    expect(blocksOf(view).some((b) => b.type === 'header' && b.text.text === 'Follow-up (optional)')).toBe(true);
  });

  it('shows default hints, or the given ones', () => {
    const hint = (view: ModalView, blockId: string) => input(view, blockId).hint?.text;
    const plain = build();
    expect(hint(plain, BLOCK.when)).toBe(DEFAULT_HINTS.when);
    expect(hint(plain, BLOCK.followUpWhen)).toBe(DEFAULT_HINTS.followUpWhen);
    expect(hint(plain, BLOCK.followUpBy)).toBe(DEFAULT_HINTS.followUpBy);
    const hinted = build({
      hints: { when: 'Means Tue', followUpWhen: 'Means Fri 09:00', followUpBy: 'Not linked to Caliq' },
    });
    expect(hint(hinted, BLOCK.when)).toBe('Means Tue');
    expect(hint(hinted, BLOCK.followUpWhen)).toBe('Means Fri 09:00');
    expect(hint(hinted, BLOCK.followUpBy)).toBe('Not linked to Caliq');
  });

  it('caps 150 channels at 100 options of at most 75 characters, keeping the chosen one', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      id: i + 1,
      description: `Channel ${i + 1} ${'x'.repeat(100)}`,
    }));
    const view = build({ channels: many, draft: { channelId: 140 } });
    const select = input(view, BLOCK.channel).element as StaticSelect;
    expect(select.options).toHaveLength(100);
    for (const option of select.options ?? []) expect(option.text.text.length).toBeLessThanOrEqual(75);
    expect(select.initial_option?.value).toBe('140');
    expect(select.options?.some((o) => o.value === '140')).toBe(true);
    expect(input(view, BLOCK.channel).hint?.text).toContain('100 of');
    expect(listModalLimitViolations(view)).toEqual([]);
  });

  it.each([undefined, []])('falls back to a number input when the channel list is %j', (list) => {
    const view = build({ channels: list, defaultChannelId: 7 });
    const block = input(view, BLOCK.channel);
    const element = block.element as NumberInput;
    expect(element.type).toBe('number_input');
    expect(element.action_id).toBe(ELEMENT.channel);
    expect(element.is_decimal_allowed).toBe(false);
    expect(element.initial_value).toBe('7');
    expect(block.hint?.text).toBe("Caliq's channel list is unavailable right now; type the channel ID.");
    expect(listModalLimitViolations(view)).toEqual([]);
  });

  it('cuts draft values that are longer than their field allows', () => {
    const view = build({
      draft: { accountNo: 'ACME-TOO-LONG-01', notes: 'n'.repeat(5000) },
      accountField: { kind: 'text' },
    });
    expect((input(view, BLOCK.account).element as PlainTextInput).initial_value?.length).toBeLessThanOrEqual(10);
    expect(listModalLimitViolations(view)).toEqual([]);
  });
});

describe('the account field', () => {
  const contextAfterAccount = (view: ModalView): string[] => {
    const blocks = blocksOf(view);
    const at = blocks.findIndex((b) => b.type === 'input' && b.block_id === BLOCK.account);
    const lines: string[] = [];
    for (const block of blocks.slice(at + 1)) {
      if (block.type !== 'context') break;
      lines.push(...(block as ContextBlock).elements.map((element) => ('text' in element ? element.text : '')));
    }
    return lines;
  };

  it('is a search fed by the bot from the first character, showing the chosen number and name', () => {
    const view = build({
      draft: { accountNo: 'acme01' },
      accountField: { kind: 'search', selected: { accountNo: 'ACME01', name: 'Acme Engineering Ltd' } },
    });
    const element = input(view, BLOCK.account).element as ExternalSelect;
    expect(element.type).toBe('external_select');
    expect(element.action_id).toBe(ELEMENT.account);
    expect(element.min_query_length).toBe(1);
    expect(element.initial_option).toEqual({
      text: { type: 'plain_text', text: 'ACME01 · Acme Engineering Ltd', emoji: true },
      value: 'ACME01',
    });
    expect(contextAfterAccount(view)).toEqual([]);
  });

  it('shows an account the list does not have as typed, number only, for validation to name on submit', () => {
    const view = build({ draft: { accountNo: 'NOPE99' }, accountField: { kind: 'search' } });
    expect((input(view, BLOCK.account).element as ExternalSelect).initial_option).toEqual({
      text: { type: 'plain_text', text: 'NOPE99', emoji: true },
      value: 'NOPE99',
    });
  });

  it('cuts a long name to fit the option, never the number', () => {
    const name = 'The Very Long Name of a Customer That Goes On and On Trading Limited Company';
    const view = build({ draft: {}, accountField: { kind: 'search', selected: { accountNo: 'LONG01', name } } });
    const option = (input(view, BLOCK.account).element as ExternalSelect).initial_option;
    expect(option?.text.text).toHaveLength(75);
    expect(option?.text.text.startsWith('LONG01 · The Very')).toBe(true);
    expect(option?.value).toBe('LONG01');
  });

  it("falls back to today's text field, saying why, when the customer list isn't loaded", () => {
    const view = build({ draft: { accountNo: 'ACME01' }, accountField: { kind: 'text' } });
    const element = input(view, BLOCK.account).element as PlainTextInput;
    expect(element.type).toBe('plain_text_input');
    expect(element.initial_value).toBe('ACME01');
    expect(element.max_length).toBe(10);
    expect(contextAfterAccount(view)).toEqual([DEFAULT_HINTS.accountSearchUnavailable]);
    expect(listModalLimitViolations(view)).toEqual([]);
  });

  it('says which linked channel the account came from, under the field, in either form', () => {
    const line = 'Account from #acme-team (linked channel)';
    const search = build({
      draft: { accountNo: 'ACME01' },
      accountField: { kind: 'search', selected: { accountNo: 'ACME01' } },
      accountFromChannel: 'acme-team',
    });
    expect(contextAfterAccount(search)).toEqual([line]);
    const text = build({
      draft: { accountNo: 'ACME01' },
      accountField: { kind: 'text' },
      accountFromChannel: 'acme-team',
    });
    expect(contextAfterAccount(text)).toEqual([line, DEFAULT_HINTS.accountSearchUnavailable]);
  });
});
