// How the simulator judges an InteractionCreate body: every problem at once, one Caliq-style issue each.
import { DateTime } from 'luxon';
import type { SimulatorSeed } from './seed.js';

export type SimulatorIssue = { ID: number; Message: string; ExtraData: string };

/**
 * The simulator's message catalogue, answered by the Message endpoint. Real Caliq publishes no catalogue for
 * InteractionCreate, so these IDs and texts are the simulator's own.
 */
export const SIMULATOR_MESSAGES = {
  customerNotFound: { ID: 1, Description: 'Customer not found' },
  customerRequired: { ID: 2, Description: 'A CustomerID or AccountNo is required' },
  channelNotFound: { ID: 3, Description: 'Channel not found' },
  employeeNotFound: { ID: 4, Description: 'Employee not found' },
  followUpEmployeeNotFound: { ID: 5, Description: 'Follow up employee not found' },
  invalidKind: { ID: 6, Description: 'Kind must be C, E or V' },
  fieldTooLong: { ID: 7, Description: 'Field is too long' },
  contactNameRequired: { ID: 8, Description: 'Contact first name and surname are required when no ContactID is given' },
  invalidDate: { ID: 9, Description: 'Date could not be read' },
  followUpDateRequired: { ID: 10, Description: 'A follow up date is required when a follow up employee is given' },
  followUpByRequired: { ID: 11, Description: 'A follow up employee is required when a follow up date is given' },
  uniqueIdRequired: { ID: 12, Description: 'UniqueID is required' },
  contactedByRequired: { ID: 13, Description: 'ContactedBy is required' },
  accountOnStop: { ID: 20, Description: 'Account is on stop' },
  postcodeNotRecognised: { ID: 21, Description: 'Postcode not recognised' },
  alreadyLogged: { ID: 100, Description: 'Interaction already logged' },
} as const;

const LIMITS = { AccountNo: 10, ContactedBy: 10, FollowUpBy: 10, ContactedFirstName: 50, ContactedSurname: 50 };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Caliq's fields arrive as strings or numbers; '' and absent both mean "not given". */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

const issue = (message: { ID: number; Description: string }, extraData: string): SimulatorIssue => ({
  ID: message.ID,
  Message: message.Description,
  ExtraData: extraData,
});

/** Reads `YYYY-MM-DDTHH:mm:ss` with optional fraction and offset/Z, as a .NET server would; '' is not given. */
export function isReadableDateTime(text: string): boolean {
  return DATE_TIME.test(text) && DateTime.fromISO(text).isValid;
}

export type InteractionJudgement = { issues: SimulatorIssue[]; customerId: number | undefined };

/** Every problem with an InteractionCreate body (duplicates are handled by the caller), and the customer it is for. */
export function judgeInteraction(body: Record<string, unknown>, seed: SimulatorSeed): InteractionJudgement {
  const issues: SimulatorIssue[] = [];
  const field = (name: string): string => textOf(body[name]);
  const isEmployee = (id: string): boolean => seed.employees.some((e) => e.ID.toUpperCase() === id.toUpperCase());
  const tooLong = (name: keyof typeof LIMITS): boolean => {
    if (field(name).length <= LIMITS[name]) return false;
    issues.push(issue(SIMULATOR_MESSAGES.fieldTooLong, name));
    return true;
  };

  if (field('UniqueID') === '') issues.push(issue(SIMULATOR_MESSAGES.uniqueIdRequired, 'UniqueID'));

  const channelId = field('ChannelID');
  if (!seed.channels.some((channel) => String(channel.ID) === channelId)) {
    issues.push(issue(SIMULATOR_MESSAGES.channelNotFound, channelId));
  }

  let customerId: number | undefined;
  const customerIdText = field('CustomerID');
  const accountNo = field('AccountNo');
  if (customerIdText !== '') {
    customerId = seed.customers.find((customer) => String(customer.ID) === customerIdText)?.ID;
    if (customerId === undefined) issues.push(issue(SIMULATOR_MESSAGES.customerNotFound, customerIdText));
  } else if (accountNo !== '') {
    if (!tooLong('AccountNo')) {
      const upper = accountNo.toUpperCase();
      customerId = seed.customers.find((customer) => customer.AccountNo.toUpperCase() === upper)?.ID;
      if (customerId === undefined) issues.push(issue(SIMULATOR_MESSAGES.customerNotFound, accountNo));
    }
  } else {
    issues.push(issue(SIMULATOR_MESSAGES.customerRequired, 'CustomerID, AccountNo'));
  }

  const kind = field('Kind');
  if (!['C', 'E', 'V'].includes(kind)) issues.push(issue(SIMULATOR_MESSAGES.invalidKind, kind));

  const contactedBy = field('ContactedBy');
  if (contactedBy === '') issues.push(issue(SIMULATOR_MESSAGES.contactedByRequired, 'ContactedBy'));
  else if (!tooLong('ContactedBy') && !isEmployee(contactedBy)) {
    issues.push(issue(SIMULATOR_MESSAGES.employeeNotFound, contactedBy));
  }

  if (field('ContactID') === '') {
    const longNames = [tooLong('ContactedFirstName'), tooLong('ContactedSurname')];
    const missing = ['ContactedFirstName', 'ContactedSurname'].filter((name) => field(name) === '');
    if (missing.length > 0 && !longNames.some(Boolean)) {
      issues.push(issue(SIMULATOR_MESSAGES.contactNameRequired, missing.join(', ')));
    }
  }

  for (const name of ['OnDateTime', 'FollowUpDateTime']) {
    const value = field(name);
    if (value !== '' && !isReadableDateTime(value))
      issues.push(issue(SIMULATOR_MESSAGES.invalidDate, `${name}: ${value}`));
  }

  const followUpBy = field('FollowUpBy');
  const followUpAt = field('FollowUpDateTime');
  if (followUpBy !== '' && !tooLong('FollowUpBy') && !isEmployee(followUpBy)) {
    issues.push(issue(SIMULATOR_MESSAGES.followUpEmployeeNotFound, followUpBy));
  }
  if (followUpBy !== '' && followUpAt === '') issues.push(issue(SIMULATOR_MESSAGES.followUpDateRequired, followUpBy));
  if (followUpBy === '' && followUpAt !== '') issues.push(issue(SIMULATOR_MESSAGES.followUpByRequired, followUpAt));

  return { issues, customerId };
}

/** The "already logged" answer to a repeated UniqueID: OK, with one issue naming it. */
export function alreadyLoggedIssue(uniqueId: string): SimulatorIssue {
  return issue(SIMULATOR_MESSAGES.alreadyLogged, uniqueId);
}
