// Turns an InteractionInput into Caliq's InteractionCreate body, enforcing the documented rules and limits first.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { formatForCaliq } from '../dates/index.js';
import { CaliqInputError, type CaliqInputProblem } from './errors.js';
import { CALIQ_LIMITS, type InteractionInput } from './types.js';

export type InteractionBodyOptions = { apiKey: string; timeZone: string; dateFormat: string };

const requiredText = (max: number) =>
  z.string({ error: 'is missing' }).trim().min(1, 'is empty').max(max, `must be at most ${max} characters`);

const positiveInteger = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be above 0');

const STRICT_ISO = z.iso.datetime({ offset: true });

/** An instant with an explicit offset or Z, so no machine's zone decides what it means. */
const instant = z
  .string({ error: 'must be a date and time' })
  .regex(/(?:Z|[+-]\d{2}:?\d{2})$/, 'must be an ISO 8601 instant with Z or an offset')
  // zod's ISO check (one regex, real calendar days) passes what the bot itself writes at a fraction of luxon's cost;
  // luxon still decides any other spelling of an instant (no seconds, an offset without a colon).
  .refine(
    (text) => STRICT_ISO.safeParse(text).success || DateTime.fromISO(text).isValid,
    'is not a valid date and time',
  );

const schemas = {
  UniqueID: z.guid('must be a GUID'),
  ChannelID: positiveInteger,
  CustomerID: positiveInteger,
  AccountNo: requiredText(CALIQ_LIMITS.accountNo),
  ContactID: positiveInteger,
  Kind: z.enum(['C', 'E', 'V'], 'must be C (call), E (email) or V (visit)'),
  ContactedBy: requiredText(CALIQ_LIMITS.employeeId),
  ContactedFirstName: requiredText(CALIQ_LIMITS.contactName),
  ContactedSurname: requiredText(CALIQ_LIMITS.contactName),
  OnDateTime: instant,
  Notes: z.string({ error: 'must be text' }),
  FollowUpDateTime: instant,
  FollowUpBy: requiredText(CALIQ_LIMITS.employeeId),
  FollowUpNotes: z.string({ error: 'must be text' }),
} as const;

type FieldName = keyof typeof schemas;

const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Caliq's InteractionCreate body: `apiKey` first, then every documented field, '' where it does not apply.
 * Throws CaliqInputError naming every broken rule at once.
 */
export function buildInteractionBody(
  input: InteractionInput,
  options: InteractionBodyOptions,
): Record<string, string | number> {
  const problems: CaliqInputProblem[] = [];
  // The input may come back from storage as JSON, so every field is checked, not trusted from its type.
  const check = <F extends FieldName>(field: F, value: unknown): z.output<(typeof schemas)[F]> | undefined => {
    const result = schemas[field].safeParse(value);
    if (result.success) return result.data as z.output<(typeof schemas)[F]>;
    problems.push({ field, message: result.error.issues[0]?.message ?? 'is not valid' });
    return undefined;
  };
  const raw = input as unknown as Record<string, unknown>;
  const customer = isObject(raw.customer) ? raw.customer : {};
  const contact = isObject(raw.contact) ? raw.contact : {};
  const followUp = isAbsent(raw.followUp) ? undefined : raw.followUp;

  const uniqueId = check('UniqueID', raw.uniqueId);
  const channelId = check('ChannelID', raw.channelId);
  let customerId: number | undefined;
  let accountNo: string | undefined;
  if ('customerId' in customer) customerId = check('CustomerID', customer.customerId);
  else if ('accountNo' in customer) accountNo = check('AccountNo', customer.accountNo);
  else problems.push({ field: 'AccountNo', message: 'is needed when CustomerID is not given' });
  const kind = check('Kind', raw.kind);
  const contactedBy = check('ContactedBy', raw.contactedBy);
  let contactId: number | undefined;
  let firstName: string | undefined;
  let surname: string | undefined;
  if ('contactId' in contact) contactId = check('ContactID', contact.contactId);
  else {
    firstName = check('ContactedFirstName', contact.firstName);
    surname = check('ContactedSurname', contact.surname);
  }
  const onDateTime = isAbsent(raw.onDateTime) ? undefined : check('OnDateTime', raw.onDateTime);
  const notes = isAbsent(raw.notes) ? '' : check('Notes', raw.notes);
  let followUpAt: string | undefined;
  let followUpBy: string | undefined;
  let followUpNotes: string | undefined = '';
  if (followUp !== undefined) {
    // Caliq wants FollowUpBy and FollowUpDateTime together or neither, so both are required once followUp is there.
    const parts = isObject(followUp) ? followUp : {};
    followUpAt = check('FollowUpDateTime', parts.at);
    followUpBy = check('FollowUpBy', parts.by);
    followUpNotes = isAbsent(parts.notes) ? '' : check('FollowUpNotes', parts.notes);
  }
  if (problems.length > 0) throw new CaliqInputError(problems);

  const caliqTime = (at: string | undefined): string =>
    at === undefined ? '' : formatForCaliq(at, options.timeZone, options.dateFormat);
  return {
    apiKey: options.apiKey,
    ChannelID: channelId ?? '',
    CustomerID: customerId ?? '',
    AccountNo: accountNo ?? '',
    ContactID: contactId ?? '',
    UniqueID: uniqueId ?? '',
    Kind: kind ?? '',
    ContactedBy: contactedBy ?? '',
    ContactedFirstName: firstName ?? '',
    ContactedSurname: surname ?? '',
    OnDateTime: caliqTime(onDateTime),
    Notes: notes ?? '',
    FollowUpDateTime: caliqTime(followUpAt),
    FollowUpBy: followUpBy ?? '',
    FollowUpNotes: followUpNotes ?? '',
  };
}
