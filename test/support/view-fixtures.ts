// Sample interactions, journal entries and reminders for the views' tests (not used by the bot itself).
import type { InteractionInput } from '../../src/caliq/types.js';
import type { JournalEntry, Reminder } from '../../src/store/types.js';
import { sampleInteraction as interactionFor } from './sample-interaction.js';

export const UNIQUE_ID = '3f2b8c1e-7d4a-4b9e-9c1f-2a6d8e4b7c10';

/** The views' sample: UNIQUE_ID, on channel 12 by EMP7 with Jane Smith, with a date and notes to show. */
export function sampleInteraction(overrides: Partial<InteractionInput> = {}): InteractionInput {
  return interactionFor(UNIQUE_ID, {
    channelId: 12,
    contactedBy: 'EMP7',
    contact: { firstName: 'Jane', surname: 'Smith' },
    onDateTime: '2026-11-25T15:00:00.000Z',
    notes: 'Discussed renewal',
    ...overrides,
  });
}

export function sampleEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  const createdAt = new Date('2026-11-25T15:05:00.000Z');
  return {
    uniqueId: UNIQUE_ID,
    slackUserId: 'U0LOGGER',
    slackTeamId: 'T1',
    state: 'pending',
    interaction: sampleInteraction(),
    draft: { accountNo: 'ACME01', kind: 'C' },
    replyTo: {},
    followUpSlackUserId: undefined,
    source: 'form',
    attempts: 2,
    lastError: 'timeout after 10000 ms',
    issues: [],
    createdAt,
    updatedAt: createdAt,
    nextAttemptAt: undefined,
    leaseUntil: undefined,
    loggedAt: undefined,
    delayNoticeAt: undefined,
    giveUpNoticeAt: undefined,
    outcomeToldAt: undefined,
    ...overrides,
  };
}

export function sampleReminder(overrides: Partial<Reminder> = {}): Reminder {
  return {
    id: '9a0c4f7e-1b2d-4c3e-8f5a-6b7c8d9e0f12',
    uniqueId: UNIQUE_ID,
    recipientSlackUserId: 'U0FOLLOW',
    loggedBySlackUserId: 'U0LOGGER',
    dueAt: new Date('2026-11-27T09:00:00.000Z'),
    state: 'sent',
    interaction: sampleInteraction({
      followUp: { at: '2026-11-27T09:00:00.000Z', by: 'EMP8', notes: 'Send the quote' },
    }),
    version: 3,
    claimedBy: undefined,
    claimedAt: undefined,
    sentAt: undefined,
    sentConversationId: undefined,
    sentTs: undefined,
    sentLate: false,
    doneBySlackUserId: undefined,
    doneAt: undefined,
    createdAt: new Date('2026-11-25T15:05:00.000Z'),
    ...overrides,
  };
}

/** Every string anywhere in a built view, for "does this text survive" checks. */
export function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(collectStrings);
  return [];
}
