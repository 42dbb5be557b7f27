// Checks a draft against Caliq's rules and the clock, naming every bad field at once, and builds the InteractionInput.
import { CALIQ_LIMITS, type CaliqChannel, type InteractionInput, type InteractionKind } from '../caliq/index.js';
import { formatForTwoZones, formatInZone, PAST_TOLERANCE_MS, parseWhen } from '../dates/index.js';
import { BLOCK, type BlockId } from '../ids.js';
import type { Draft } from './draft.js';
import { NOTES_MAX_LENGTH } from './limits.js';
import { composeNotes } from './thread-transcript.js';

export type FollowUpEmployee = { ok: true; employeeId: string } | { ok: false; message: string };

export type ValidationContext = {
  /** The interaction's UniqueID, fixed when the modal opened. */
  uniqueId: string;
  now: Date;
  /** IANA zone of the submitter: "when" is read in it. */
  userTimeZone: string;
  /** IANA zone of the follow-up person: the follow-up date is read in it (a bare day is 09:00 there). */
  followUpTimeZone: string;
  /** The follow-up person's name, for "in Carol's time (Tokyo)" in messages; without it they say "their time". */
  followUpName?: string;
  /** Caliq employee ID of the submitter, already resolved. */
  contactedBy: string;
  /** Resolution of draft.followUpBy; undefined when nobody is picked. */
  followUpEmployee: FollowUpEmployee | undefined;
  /** Upper-case account numbers; undefined when the list is unknown, and then the check is skipped. */
  knownAccountNos: ReadonlySet<string> | undefined;
  /** Caliq's channels; undefined when unknown, and then any channel ID is accepted. */
  channels: readonly CaliqChannel[] | undefined;
  defaultChannelId?: number;
  /** CALIQ_NOTES_MAX_LENGTH: the user's notes plus an attached thread transcript stay within it. */
  notesMaxLength?: number;
};

export type ValidationResult =
  | { ok: true; interaction: InteractionInput; when: Date; followUpAt: Date | undefined; followUpTimeGiven: boolean }
  | { ok: false; errors: Partial<Record<BlockId, string>> };

type Errors = Partial<Record<BlockId, string>>;

const KINDS: readonly InteractionKind[] = ['C', 'E', 'V'];

const clean = (value: string | undefined): string => value?.trim() ?? '';

function checkAccountNo(raw: string | undefined, ctx: ValidationContext, errors: Errors): string | undefined {
  const accountNo = clean(raw).toUpperCase();
  const max = CALIQ_LIMITS.accountNo;
  if (accountNo === '') errors[BLOCK.account] = "Enter the customer's account number.";
  else if (/\s/.test(accountNo))
    errors[BLOCK.account] = `Account numbers have no spaces; remove them from "${accountNo}".`;
  else if (accountNo.length > max) {
    errors[BLOCK.account] = `Account numbers are at most ${max} characters; "${accountNo}" has ${accountNo.length}.`;
  } else if (ctx.knownAccountNos && !ctx.knownAccountNos.has(accountNo)) {
    errors[BLOCK.account] = `No customer with account number ${accountNo} in Caliq.`;
  } else return accountNo;
  return undefined;
}

function checkChannel(draftChannel: number | undefined, ctx: ValidationContext, errors: Errors): number | undefined {
  const channelId = draftChannel ?? ctx.defaultChannelId;
  if (channelId === undefined) errors[BLOCK.channel] = 'Choose the Caliq channel.';
  else if (ctx.channels && !ctx.channels.some((channel) => channel.id === channelId)) {
    errors[BLOCK.channel] = `Channel ${channelId} is not one of Caliq's channels; choose one from the list.`;
  } else return channelId;
  return undefined;
}

function checkName(raw: string | undefined, block: BlockId, label: string, errors: Errors): string | undefined {
  const name = clean(raw);
  const max = CALIQ_LIMITS.contactName;
  if (name === '') errors[block] = `Enter the contact's ${label}.`;
  else if (name.length > max) errors[block] = `A ${label} is at most ${max} characters; this one has ${name.length}.`;
  else return name;
  return undefined;
}

function checkNotes(raw: string | undefined, block: BlockId, errors: Errors): string | undefined {
  const notes = clean(raw);
  if (notes.length > NOTES_MAX_LENGTH) {
    errors[block] = `Notes are at most ${NOTES_MAX_LENGTH} characters; these have ${notes.length}. Shorten them.`;
    return undefined;
  }
  return notes === '' ? undefined : notes;
}

function checkWhen(raw: string | undefined, ctx: ValidationContext, errors: Errors): Date | undefined {
  const parsed = parseWhen(clean(raw), { timeZone: ctx.userTimeZone, now: ctx.now, bias: 'past' });
  if (!parsed.ok) errors[BLOCK.when] = parsed.reason;
  else if (parsed.at.getTime() > ctx.now.getTime() + PAST_TOLERANCE_MS) {
    const shown = formatInZone(parsed.at, ctx.userTimeZone);
    errors[BLOCK.when] =
      `That's in the future (${shown} your time). An interaction you log must already have happened.`;
  } else return parsed.at;
  return undefined;
}

type FollowUp = { at: Date; timeGiven: boolean; by: string; notes: string | undefined };

function checkFollowUp(draft: Draft, ctx: ValidationContext, errors: Errors): FollowUp | undefined {
  const text = clean(draft.followUpWhen);
  const notes = checkNotes(draft.followUpNotes, BLOCK.followUpNotes, errors);
  if (text === '') {
    // A person alone is the picker's default (the submitter), not a request for a follow-up.
    if (notes !== undefined) errors[BLOCK.followUpWhen] = 'Say when to follow up, or clear the follow-up notes.';
    return undefined;
  }

  let at: Date | undefined;
  let timeGiven = false;
  const parsed = parseWhen(text, {
    timeZone: ctx.followUpTimeZone,
    typistTimeZone: ctx.userTimeZone,
    now: ctx.now,
    bias: 'future',
    defaultHour: 9,
  });
  if (!parsed.ok) errors[BLOCK.followUpWhen] = parsed.reason;
  else if (parsed.at.getTime() <= ctx.now.getTime()) {
    const zones = { theirs: ctx.followUpTimeZone, yours: ctx.userTimeZone, theirName: ctx.followUpName };
    const shown = formatForTwoZones(parsed.at, zones);
    errors[BLOCK.followUpWhen] = `That's in the past (${shown}). A follow-up must be in the future.`;
  } else {
    at = parsed.at;
    timeGiven = parsed.timeGiven;
  }

  let by: string | undefined;
  const person = ctx.followUpEmployee;
  if (!clean(draft.followUpBy)) errors[BLOCK.followUpBy] = 'Choose who should follow up.';
  else if (person === undefined) errors[BLOCK.followUpBy] = "I couldn't check that person in Caliq; choose them again.";
  else if (!person.ok) errors[BLOCK.followUpBy] = person.message;
  else by = person.employeeId;

  return at && by ? { at, timeGiven, by, notes } : undefined;
}

/** Every rule at once, so the modal shows all problems in one go; on success the InteractionInput to send to Caliq. */
export function validateDraft(draft: Draft, ctx: ValidationContext): ValidationResult {
  const errors: Errors = {};
  const accountNo = checkAccountNo(draft.accountNo, ctx, errors);
  // A draft may come back from the journal as JSON, so the kind is checked, not trusted from its type.
  const kind = KINDS.find((k) => k === draft.kind);
  if (kind === undefined) errors[BLOCK.kind] = 'Choose Call, Email or Visit.';
  const channelId = checkChannel(draft.channelId, ctx, errors);
  const firstName = checkName(draft.contactFirstName, BLOCK.contactFirstName, 'first name', errors);
  const surname = checkName(draft.contactSurname, BLOCK.contactSurname, 'surname', errors);
  const when = checkWhen(draft.when, ctx, errors);
  const notes = checkNotes(draft.notes, BLOCK.notes, errors);
  const followUp = checkFollowUp(draft, ctx, errors);

  if (
    Object.keys(errors).length > 0 ||
    !accountNo ||
    !kind ||
    channelId === undefined ||
    !firstName ||
    !surname ||
    !when
  ) {
    return { ok: false, errors };
  }

  const interaction: InteractionInput = {
    uniqueId: ctx.uniqueId,
    channelId,
    customer: { accountNo },
    kind,
    contactedBy: ctx.contactedBy,
    contact: { firstName, surname },
    onDateTime: when.toISOString(),
  };
  const transcript = draft.attachThread !== false ? draft.thread?.transcript : undefined;
  const allNotes = composeNotes(notes, transcript, ctx.notesMaxLength ?? NOTES_MAX_LENGTH);
  if (allNotes !== '') interaction.notes = allNotes;
  if (followUp) {
    interaction.followUp = { at: followUp.at.toISOString(), by: followUp.by };
    if (followUp.notes !== undefined) interaction.followUp.notes = followUp.notes;
  }
  return {
    ok: true,
    interaction,
    when,
    followUpAt: followUp?.at,
    followUpTimeGiven: followUp?.timeGiven ?? false,
  };
}
