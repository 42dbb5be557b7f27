// The entry a journal insert has just written, built from what was written instead of read back and parsed again.
import { ENTRY_SOURCES, type EntrySource, type FirstClaim, type JournalEntry, type NewJournalEntry } from './types.js';

/**
 * Exactly what both stores read back for a row their insert wrote at `now`: pending and due now, never attempted, or
 * with `claim` already claimed for its first attempt.
 */
export function newPendingEntry(entry: NewJournalEntry, now: Date, claim?: FirstClaim): JournalEntry {
  return {
    uniqueId: entry.uniqueId,
    slackUserId: entry.slackUserId,
    slackTeamId: entry.slackTeamId,
    state: 'pending',
    interaction: entry.interaction,
    draft: entry.draft,
    replyTo: entry.replyTo,
    followUpSlackUserId: entry.followUpSlackUserId,
    source: entry.source ?? 'form',
    attempts: claim ? 1 : 0,
    lastError: undefined,
    issues: [],
    createdAt: now,
    updatedAt: now,
    nextAttemptAt: now,
    leaseUntil: claim?.leaseUntil,
    loggedAt: undefined,
    delayNoticeAt: undefined,
    giveUpNoticeAt: undefined,
    outcomeToldAt: undefined,
  };
}

/** A stored source column: NULL (rows from before sources were kept) or anything unknown reads as the form. */
export function readSource(raw: unknown): EntrySource {
  return ENTRY_SOURCES.includes(raw as EntrySource) ? (raw as EntrySource) : 'form';
}
