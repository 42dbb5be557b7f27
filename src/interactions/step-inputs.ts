// Reads the Workflow Builder step's inputs into a draft, as the form would hold it; what cannot be read is said in words.
import type { InteractionKind } from '../caliq/index.js';
import type { Draft } from './draft.js';
import { KIND_WORDS } from './line-parts.js';

/** The inputs declared in manifest.yml under functions.log_interaction_to_caliq.input_parameters. */
export type StepInputs = {
  person?: unknown;
  account?: unknown;
  kind?: unknown;
  contact?: unknown;
  when?: unknown;
  when_timestamp?: unknown;
  notes?: unknown;
  channel?: unknown;
  follow_up_when?: unknown;
  follow_up_person?: unknown;
};

export type ReadStepInputs = {
  /** The Slack user who interacted: the entry is theirs, their employee ID is ContactedBy, dates read in their zone. */
  person: string | undefined;
  draft: Draft;
  /** A `when` given as a Slack timestamp (seconds), to be written in the person's zone once it is known. */
  whenAt: Date | undefined;
  /** A Caliq channel named by its description; resolved against Caliq's list later. */
  channelName: string | undefined;
  problems: string[];
};

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const KIND_LETTERS: Readonly<Record<string, InteractionKind>> = { c: 'C', e: 'E', v: 'V' };

function readKind(raw: string | undefined): InteractionKind | undefined {
  if (!raw) return undefined;
  const word = raw.toLowerCase();
  return KIND_WORDS[word] ?? KIND_LETTERS[word];
}

/** Seconds since the epoch, as Slack's timestamp type sends them (a number or a numeric string). */
function readTimestamp(raw: unknown): Date | undefined {
  const seconds =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

/** "Jane Smith" → Jane / Smith; "Mary Ann Jones" → Mary Ann / Jones (Caliq keeps a first name and a surname). */
function splitName(full: string): { firstName: string; surname?: string } {
  const words = full.split(/\s+/);
  if (words.length === 1) return { firstName: full };
  return { firstName: words.slice(0, -1).join(' '), surname: words.at(-1) as string };
}

export function readStepInputs(inputs: StepInputs): ReadStepInputs {
  const problems: string[] = [];
  const draft: Draft = {};
  const person = text(inputs.person);
  if (!person) problems.push('Choose the person who interacted with the customer.');

  const accountNo = text(inputs.account);
  if (accountNo) draft.accountNo = accountNo.toUpperCase();

  const kindText = text(inputs.kind);
  const kind = readKind(kindText);
  if (kind) draft.kind = kind;
  else
    problems.push(kindText ? `“${kindText}” is not a kind: use call, email or visit.` : 'Choose call, email or visit.');

  const contact = text(inputs.contact);
  if (contact) {
    const { firstName, surname } = splitName(contact);
    draft.contactFirstName = firstName;
    if (surname) draft.contactSurname = surname;
  }

  const whenAt = readTimestamp(inputs.when_timestamp);
  const when = text(inputs.when);
  if (when && !whenAt) draft.when = when;

  const notes = text(inputs.notes);
  if (notes) draft.notes = notes;
  const followUpWhen = text(inputs.follow_up_when);
  const followUpBy = text(inputs.follow_up_person);
  if (followUpWhen) {
    draft.followUpWhen = followUpWhen;
    // Without a follow-up person, the person who interacted follows up (as "follow up Friday" does in a quick log).
    draft.followUpBy = followUpBy ?? person;
  } else if (followUpBy) problems.push('Give the follow-up time too, or leave the follow-up person empty.');

  return { person, draft, whenAt, channelName: text(inputs.channel), problems };
}
