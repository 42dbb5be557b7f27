// The contact: remembered people to choose from, "Someone new" with the name fields, and the choice read back.
import type { InputBlock, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { BLOCK } from '../ids.js';
import { readDraft } from '../interactions/index.js';
import { buildContactBlocks, readRememberedContacts } from './contact-blocks.js';

const remembered = [
  { firstName: 'Jane', surname: 'Smith', lastLogged: '3 Dec' },
  { firstName: 'Raj', surname: 'Patel', lastLogged: '28 Nov' },
];
const ids = (blocks: InputBlock[]) => blocks.map((block) => block.block_id);
const choiceOf = (blocks: InputBlock[]) => blocks[0]?.element as StaticSelect;

describe('buildContactBlocks', () => {
  it('shows the two name fields when nobody is remembered', () => {
    expect(ids(buildContactBlocks({}))).toEqual([BLOCK.contactFirstName, BLOCK.contactSurname]);
  });

  it('offers the remembered people, most recent first, then Someone new, and hides the fields until chosen', () => {
    const blocks = buildContactBlocks({ rememberedContacts: remembered });
    expect(ids(blocks)).toEqual([BLOCK.contactChoice]);
    expect(choiceOf(blocks).options?.map((option) => option.text.text)).toEqual([
      'Jane Smith · last logged 3 Dec',
      'Raj Patel · last logged 28 Nov',
      'Someone new',
    ]);
    expect(blocks[0]?.optional).toBeUndefined();
    expect(blocks[0]?.dispatch_action).toBe(true);
    expect(readRememberedContacts(blocks)).toEqual(remembered);
  });

  it('shows the fields for Someone new, and for names that are nobody remembered', () => {
    expect(ids(buildContactBlocks({ rememberedContacts: remembered, contactChoice: 'new' }))).toEqual([
      BLOCK.contactChoice,
      BLOCK.contactFirstName,
      BLOCK.contactSurname,
    ]);
    const fromSlack = buildContactBlocks({
      rememberedContacts: remembered,
      contactFirstName: 'Amy',
      contactSurname: 'Ng',
    });
    expect(choiceOf(fromSlack).initial_option?.text.text).toBe('Someone new');
    const known = buildContactBlocks({
      rememberedContacts: remembered,
      contactFirstName: 'jane',
      contactSurname: 'smith',
    });
    expect(ids(known)).toEqual([BLOCK.contactChoice]);
    expect(choiceOf(known).initial_option?.value).toBe('Jane\tSmith');
  });

  it('reads a remembered choice as the same names typing them would give', () => {
    const value = choiceOf(buildContactBlocks({ rememberedContacts: remembered })).options?.[1]?.value;
    const draft = readDraft({
      [BLOCK.contactChoice]: { contact_choice_selected: { type: 'static_select', selected_option: { value } } },
    });
    expect(draft).toMatchObject({ contactChoice: 'remembered', contactFirstName: 'Raj', contactSurname: 'Patel' });
    const typed = readDraft({
      [BLOCK.contactChoice]: { contact_choice_selected: { type: 'static_select', selected_option: { value: 'new' } } },
      [BLOCK.contactFirstName]: { contact_first_name: { type: 'plain_text_input', value: 'Raj' } },
      [BLOCK.contactSurname]: { contact_surname: { type: 'plain_text_input', value: 'Patel' } },
    });
    expect(typed).toMatchObject({ contactChoice: 'new', contactFirstName: 'Raj', contactSurname: 'Patel' });
  });
});
