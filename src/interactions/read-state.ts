// Reads the log modal's view.state.values into a Draft, tolerating any shape Slack (or a stale view) might send.
import type { InteractionKind } from '../caliq/index.js';
import { BLOCK, ELEMENT } from '../ids.js';
import type { Draft } from './draft.js';

type Field = keyof typeof BLOCK;
type StateValues = Record<string, Record<string, unknown>>;

/** The value of the contact choice's "Someone new" option; a remembered contact's is `first<TAB>surname`. */
export const SOMEONE_NEW_VALUE = 'new';

/** The value of the "Attach the thread" checkbox option. */
export const ATTACH_THREAD_VALUE = 'attach';

const KINDS: ReadonlySet<string> = new Set<InteractionKind>(['C', 'E', 'V']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cleanString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function elementOf(values: StateValues, field: Field): Record<string, unknown> | undefined {
  const block = isRecord(values) ? values[BLOCK[field]] : undefined;
  const element = isRecord(block) ? block[ELEMENT[field]] : undefined;
  return isRecord(element) ? element : undefined;
}

/** The text of a plain_text_input / number_input, or the value of a radio_buttons / static_select / external_select choice. */
function readString(values: StateValues, field: Field): string | undefined {
  const element = elementOf(values, field);
  if (!element) return undefined;
  if (isRecord(element.selected_option)) return cleanString(element.selected_option.value);
  return cleanString(element.value);
}

function readKind(values: StateValues): InteractionKind | undefined {
  const value = readString(values, 'kind')?.toUpperCase();
  return value !== undefined && KINDS.has(value) ? (value as InteractionKind) : undefined;
}

function readChannelId(values: StateValues): number | undefined {
  const value = readString(values, 'channel');
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

function readUser(values: StateValues): string | undefined {
  return cleanString(elementOf(values, 'followUpBy')?.selected_user);
}

/** The box's state when the form has one: ticked means attach; no box means nothing to say. */
function readAttachThread(values: StateValues): boolean | undefined {
  const element = elementOf(values, 'attachThread');
  if (!element) return undefined;
  const selected = Array.isArray(element.selected_options) ? element.selected_options : [];
  return selected.some((option) => isRecord(option) && option.value === ATTACH_THREAD_VALUE);
}

/** The contact choice: "Someone new", or a remembered person whose names travel in the option's value. */
function readContactChoice(values: StateValues): Pick<Draft, 'contactChoice' | 'contactFirstName' | 'contactSurname'> {
  const value = readString(values, 'contactChoice');
  if (value === undefined) return {};
  if (value === SOMEONE_NEW_VALUE) return { contactChoice: 'new' };
  const [firstName, surname] = value.split('\t');
  if (!firstName || !surname) return {};
  return { contactChoice: 'remembered', contactFirstName: firstName, contactSurname: surname };
}

/** Never throws: a missing block, an unknown element shape or a wrong type reads as "not given". */
export function readDraft(values: StateValues): Draft {
  const entries: Draft = {
    accountNo: readString(values, 'account'),
    kind: readKind(values),
    channelId: readChannelId(values),
    contactFirstName: readString(values, 'contactFirstName'),
    contactSurname: readString(values, 'contactSurname'),
    when: readString(values, 'when'),
    notes: readString(values, 'notes'),
    followUpWhen: readString(values, 'followUpWhen'),
    followUpBy: readUser(values),
    followUpNotes: readString(values, 'followUpNotes'),
    attachThread: readAttachThread(values),
    // A remembered contact's names win over the (hidden) name fields.
    ...readContactChoice(values),
  };
  // Drop undefined keys so the draft serializes (journal, private_metadata) without noise.
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Draft;
}
