// The journal CLI's commands: list, show, retry and export, over the JournalStore (every call awaited).
import type { JournalEntry, JournalFilter, JournalStore } from '../store/index.js';
import { EntryStateError, UnknownEntryError } from './errors.js';
import { RECORD_FIELDS, toRecord } from './records.js';
import { fitCell, renderCsv, renderFields, renderTable } from './text-output.js';

export type Output = { json: boolean; write: (text: string) => void };

/** How often the bot's delivery worker looks for due entries written by other processes (DELIVERY_POLL_SECONDS). */
const DEFAULT_WORKER_POLL_SECONDS = 15;

const shortTime = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '');

const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function findEntry(journal: JournalStore, uniqueId: string): Promise<JournalEntry> {
  const entry = await journal.get(uniqueId);
  if (!entry) throw new UnknownEntryError(uniqueId);
  return entry;
}

export async function listEntries(journal: JournalStore, filter: JournalFilter, out: Output): Promise<void> {
  const records = (await journal.list(filter)).map(toRecord);
  if (out.json) return out.write(toJson(records));
  if (records.length === 0) return out.write('No journal entries match.\n');
  const rows = records.map((record) => [
    record.uniqueId,
    record.state,
    record.source,
    record.slackUserId,
    record.customer,
    record.kind,
    shortTime(record.createdAt),
    String(record.attempts),
    fitCell(record.lastError ?? record.issues, 60),
  ]);
  const headers = [
    'UNIQUE ID',
    'STATE',
    'SOURCE',
    'USER',
    'CUSTOMER',
    'KIND',
    'CREATED (UTC)',
    'TRIES',
    'LAST PROBLEM',
  ];
  const more =
    filter.limit !== undefined && records.length === filter.limit
      ? ` (the newest ${filter.limit}; --limit for more)`
      : '';
  out.write(`${renderTable(headers, rows)}\n${records.length} ${records.length === 1 ? 'entry' : 'entries'}${more}\n`);
}

export async function showEntry(journal: JournalStore, uniqueId: string, out: Output): Promise<void> {
  const record = toRecord(await findEntry(journal, uniqueId));
  if (out.json) return out.write(toJson(record));
  const fields = RECORD_FIELDS.filter((field) => record[field] !== null && record[field] !== '').map(
    (field) => [field, String(record[field])] as const,
  );
  out.write(`${renderFields(fields)}\n`);
}

/**
 * Puts an entry back in the bot's delivery path under the same UniqueID: a rejected or given-up entry is resubmitted
 * unchanged (attempts, errors and notices start again, as the Retry button does), a waiting one is made due now.
 * The running bot's delivery worker sends it, leases it and tells the user, exactly as for any other retry; the CLI
 * needs no Slack or Caliq credentials and never races the worker for the same entry.
 */
export async function retryEntry(
  journal: JournalStore,
  uniqueId: string,
  now: Date,
  out: Output,
  workerPollSeconds = DEFAULT_WORKER_POLL_SECONDS,
): Promise<void> {
  const entry = await findEntry(journal, uniqueId);
  let result: JournalEntry;
  let message: string;
  if (entry.state === 'logged') {
    throw new EntryStateError(
      `${uniqueId} is already logged in Caliq (${entry.loggedAt?.toISOString()}); nothing to retry.`,
    );
  }
  if (entry.state === 'pending') {
    if (entry.leaseUntil && entry.leaseUntil > now) {
      result = entry;
      message = `${uniqueId} is being sent to Caliq right now (attempt ${entry.attempts}); nothing to do.`;
    } else {
      result = await journal.markRetry(uniqueId, entry.lastError ?? 'retry requested by an operator', now, now);
      message = `${uniqueId} is due now; the bot's delivery worker sends it within ${workerPollSeconds} s.`;
    }
  } else {
    const resubmitted = await journal.resubmit(
      uniqueId,
      { interaction: entry.interaction, draft: entry.draft, replyTo: entry.replyTo },
      now,
    );
    // Undefined only when another process changed the entry between the two statements (e.g. the user pressed Retry).
    if (!resubmitted) throw new EntryStateError(`${uniqueId} changed while retrying; run show to see where it stands.`);
    result = resubmitted;
    message = `${uniqueId} is pending again (was ${entry.state}); the bot's delivery worker sends it within ${workerPollSeconds} s and tells the user.`;
  }
  if (out.json) return out.write(toJson(toRecord(result)));
  out.write(`${message}\n`);
}

export async function exportEntries(
  journal: JournalStore,
  filter: JournalFilter,
  format: 'csv' | 'json',
  write: (text: string) => void,
): Promise<void> {
  const records = (await journal.list(filter)).map(toRecord);
  if (format === 'json') return write(toJson(records));
  write(renderCsv([RECORD_FIELDS, ...records.map((record) => RECORD_FIELDS.map((field) => record[field]))]));
}
