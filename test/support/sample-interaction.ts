// One sample interaction for the tests, and the new journal entry and reminder that carry one (not used by the bot).
// Each test passes as overrides whatever it asserts on, so that these defaults can change without changing a test.
import type { InteractionInput } from '../../src/caliq/types.js';
import type { NewJournalEntry, NewReminder } from '../../src/store/types.js';

/** Only Caliq's required fields: a call to account ACME01 on channel 64, by JSMITH, with Alan Jones. */
export function sampleInteraction(uniqueId: string, overrides: Partial<InteractionInput> = {}): InteractionInput {
  return {
    uniqueId,
    channelId: 64,
    customer: { accountNo: 'ACME01' },
    kind: 'C',
    contactedBy: 'JSMITH',
    contact: { firstName: 'Alan', surname: 'Jones' },
    ...overrides,
  };
}

/** The interaction the reminder tests use: channel 3, by EMP1, with contact 42. */
export function sampleReminderInteraction(
  uniqueId: string,
  overrides: Partial<InteractionInput> = {},
): InteractionInput {
  return sampleInteraction(uniqueId, { channelId: 3, contactedBy: 'EMP1', contact: { contactId: 42 }, ...overrides });
}

/** A journal entry as the submit handler writes it, for user U1 of team T1, with no follow-up. */
export function sampleNewEntry(uniqueId: string, overrides: Partial<NewJournalEntry> = {}): NewJournalEntry {
  return {
    uniqueId,
    slackUserId: 'U1',
    slackTeamId: 'T1',
    interaction: sampleInteraction(uniqueId),
    draft: {},
    replyTo: {},
    followUpSlackUserId: undefined,
    ...overrides,
  };
}

/** A reminder for U1 of an interaction U2 logged, due at `dueAt`. */
export function sampleNewReminder(uniqueId: string, dueAt: Date, overrides: Partial<NewReminder> = {}): NewReminder {
  return {
    uniqueId,
    recipientSlackUserId: 'U1',
    loggedBySlackUserId: 'U2',
    dueAt,
    interaction: sampleReminderInteraction(uniqueId),
    ...overrides,
  };
}
