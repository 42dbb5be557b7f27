// Checks reading the log modal's view.state.values into a Draft, including odd and broken shapes.
import { describe, expect, it } from 'vitest';
import { BLOCK, ELEMENT } from '../ids.js';
import { readDraft } from './read-state.js';

const option = (value: string, text: string) => ({ text: { type: 'plain_text', text, emoji: true }, value });

/** Shaped like view.state.values of a real view_submission (see docs: view-interactions-payload). */
function realisticValues(): Record<string, Record<string, unknown>> {
  return {
    [BLOCK.account]: { [ELEMENT.account]: { type: 'plain_text_input', value: ' acme01 ' } },
    [BLOCK.kind]: { [ELEMENT.kind]: { type: 'radio_buttons', selected_option: option('E', 'Email') } },
    [BLOCK.channel]: { [ELEMENT.channel]: { type: 'static_select', selected_option: option('64', 'Sales Rep') } },
    [BLOCK.contactFirstName]: { [ELEMENT.contactFirstName]: { type: 'plain_text_input', value: 'Jane' } },
    [BLOCK.contactSurname]: { [ELEMENT.contactSurname]: { type: 'plain_text_input', value: 'Smith ' } },
    [BLOCK.when]: { [ELEMENT.when]: { type: 'plain_text_input', value: 'yesterday 3pm' } },
    [BLOCK.notes]: { [ELEMENT.notes]: { type: 'plain_text_input', value: 'Line one\nLine two\n' } },
    [BLOCK.followUpWhen]: { [ELEMENT.followUpWhen]: { type: 'plain_text_input', value: 'next Friday' } },
    [BLOCK.followUpBy]: { [ELEMENT.followUpBy]: { type: 'users_select', selected_user: 'U0123ABCD' } },
    [BLOCK.followUpNotes]: { [ELEMENT.followUpNotes]: { type: 'plain_text_input', value: null } },
    // Since 2020 state holds every stateful element, not only our inputs.
    some_other_block: { some_action: { type: 'checkboxes', selected_options: [] } },
  };
}

describe('readDraft', () => {
  it('reads the account from the search (external_select), or nothing when none is chosen', () => {
    const values = realisticValues();
    values[BLOCK.account] = {
      [ELEMENT.account]: {
        type: 'external_select',
        selected_option: option('ACME01', 'ACME01 · Acme Engineering Ltd'),
      },
    };
    expect(readDraft(values).accountNo).toBe('ACME01');
    values[BLOCK.account] = { [ELEMENT.account]: { type: 'external_select', selected_option: null } };
    expect(readDraft(values).accountNo).toBeUndefined();
  });

  it('reads every field of a realistic submission', () => {
    expect(readDraft(realisticValues())).toEqual({
      accountNo: 'acme01',
      kind: 'E',
      channelId: 64,
      contactFirstName: 'Jane',
      contactSurname: 'Smith',
      when: 'yesterday 3pm',
      notes: 'Line one\nLine two',
      followUpWhen: 'next Friday',
      followUpBy: 'U0123ABCD',
    });
  });

  it('reads the channel from a number_input', () => {
    const values = realisticValues();
    values[BLOCK.channel] = { [ELEMENT.channel]: { type: 'number_input', value: '7' } };
    expect(readDraft(values).channelId).toBe(7);
  });

  it('reads the kind from a static_select too', () => {
    const values = realisticValues();
    values[BLOCK.kind] = { [ELEMENT.kind]: { type: 'static_select', selected_option: option('V', 'Visit') } };
    expect(readDraft(values).kind).toBe('V');
  });

  it('treats empty, blank and null values as not given', () => {
    const values = realisticValues();
    values[BLOCK.account] = { [ELEMENT.account]: { type: 'plain_text_input', value: '   ' } };
    values[BLOCK.kind] = { [ELEMENT.kind]: { type: 'radio_buttons', selected_option: null } };
    values[BLOCK.followUpBy] = { [ELEMENT.followUpBy]: { type: 'users_select', selected_user: null } };
    const draft = readDraft(values);
    expect(draft).not.toHaveProperty('accountNo');
    expect(draft).not.toHaveProperty('kind');
    expect(draft).not.toHaveProperty('followUpBy');
  });

  it('ignores values of the wrong kind instead of throwing', () => {
    const values: Record<string, Record<string, unknown>> = {
      [BLOCK.account]: { [ELEMENT.account]: { type: 'plain_text_input', value: 42 } },
      [BLOCK.kind]: { [ELEMENT.kind]: { type: 'radio_buttons', selected_option: option('X', 'Fax') } },
      [BLOCK.channel]: { [ELEMENT.channel]: { type: 'number_input', value: '7.5' } },
      [BLOCK.contactFirstName]: { [ELEMENT.contactFirstName]: 'Jane' },
      [BLOCK.contactSurname]: { wrong_action: { type: 'plain_text_input', value: 'Smith' } },
      [BLOCK.when]: null as unknown as Record<string, unknown>,
      [BLOCK.followUpBy]: { [ELEMENT.followUpBy]: { type: 'users_select', selected_user: ['U1'] } },
    };
    expect(readDraft(values)).toEqual({});
  });

  it('reads an empty state as an empty draft', () => {
    expect(readDraft({})).toEqual({});
    expect(readDraft(undefined as unknown as Record<string, Record<string, unknown>>)).toEqual({});
  });
});
