// The log modal's contact: the people logged with the account before ("Jane Smith · last logged 3 Dec") and
// "Someone new", which shows the two name fields; without remembered people, just the two fields.
import type { InputBlock, PlainTextOption, StaticSelect } from '@slack/types';
import { CALIQ_LIMITS } from '../caliq/index.js';
import { BLOCK, ELEMENT } from '../ids.js';
import { type Draft, type RememberedContactOption, SOMEONE_NEW_VALUE } from '../interactions/index.js';
import { plainText } from './blocks.js';
import { truncate } from './escape.js';
import { inputBlock, textInput } from './inputs.js';
import { SLACK_LIMITS } from './limits.js';

/** Remembered people shown at most; the rest are typed as someone new. */
export const REMEMBERED_CONTACTS_SHOWN = 20;
const LAST_LOGGED = ' · last logged ';

const SOMEONE_NEW: PlainTextOption = { text: plainText('Someone new'), value: SOMEONE_NEW_VALUE };

/** The option's value carries the names (so submitting needs no lookup); people whose names don't fit are typed. */
function rememberedOption(contact: RememberedContactOption): PlainTextOption | undefined {
  const value = `${contact.firstName}\t${contact.surname}`;
  if (value.length > SLACK_LIMITS.optionValue) return undefined;
  const label = `${contact.firstName} ${contact.surname}${LAST_LOGGED}${contact.lastLogged}`;
  return { text: plainText(truncate(label, SLACK_LIMITS.optionText)), value };
}

const sameName = (draft: Draft, contact: RememberedContactOption) =>
  draft.contactFirstName?.toLowerCase() === contact.firstName.toLowerCase() &&
  draft.contactSurname?.toLowerCase() === contact.surname.toLowerCase();

function nameFields(draft: Draft): InputBlock[] {
  return [
    inputBlock(
      BLOCK.contactFirstName,
      'Contact first name',
      textInput(ELEMENT.contactFirstName, { maxLength: CALIQ_LIMITS.contactName, initial: draft.contactFirstName }),
    ),
    inputBlock(
      BLOCK.contactSurname,
      'Contact surname',
      textInput(ELEMENT.contactSurname, { maxLength: CALIQ_LIMITS.contactName, initial: draft.contactSurname }),
    ),
  ];
}

export function buildContactBlocks(draft: Draft): InputBlock[] {
  const options = (draft.rememberedContacts ?? [])
    .slice(0, REMEMBERED_CONTACTS_SHOWN)
    .flatMap((contact) => rememberedOption(contact) ?? []);
  if (options.length === 0) return nameFields(draft);
  const hasNames = Boolean(draft.contactFirstName || draft.contactSurname);
  const chosen =
    draft.contactChoice === 'new'
      ? undefined
      : (draft.rememberedContacts ?? []).find((contact) => sameName(draft, contact));
  const chosenOption = chosen ? options.find((option) => option.value === rememberedOption(chosen)?.value) : undefined;
  // Names that are nobody remembered (typed, or from Slack) are someone new, shown in the fields.
  const isNew = draft.contactChoice === 'new' || (hasNames && !chosenOption);
  const initial = chosenOption ?? (isNew ? SOMEONE_NEW : undefined);
  const element: StaticSelect = {
    type: 'static_select',
    action_id: ELEMENT.contactChoice,
    placeholder: plainText('Who did you talk to?'),
    options: [...options, SOMEONE_NEW],
    ...(initial ? { initial_option: initial } : {}),
  };
  const choice = inputBlock(BLOCK.contactChoice, 'Contact', element, {
    dispatchAction: true,
    hint: 'People logged with this account before. Choose Someone new to type a name.',
  });
  return isNew ? [choice, ...nameFields(draft)] : [choice];
}

/** The remembered people a view offers, read back from its contact choice (so updates keep offering them). */
export function readRememberedContacts(blocks: readonly unknown[] | undefined): RememberedContactOption[] {
  const block = (blocks ?? []).find(
    (candidate) => (candidate as { block_id?: unknown } | null)?.block_id === BLOCK.contactChoice,
  ) as { element?: { options?: { text?: { text?: string }; value?: string }[] } } | undefined;
  return (block?.element?.options ?? []).flatMap((option) => {
    const [firstName, surname] = (option.value ?? '').split('\t');
    const lastLogged = option.text?.text?.split(LAST_LOGGED)[1];
    return firstName && surname && lastLogged ? [{ firstName, surname, lastLogged }] : [];
  });
}
