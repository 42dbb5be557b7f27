// Copies a SQLite database of the bot into PostgreSQL, once, when an operator moves from one instance to several.
import type pg from 'pg';
import { StoreError } from './errors.js';
import type { Database } from './sqlite/database.js';

export type CopyResult = Record<
  'journal' | 'reminders' | 'user_prefs' | 'channel_links',
  { read: number; copied: number }
>;

type Column = { name: string; kind: 'text' | 'integer' | 'json' | 'instant' | 'boolean' };

const text = (name: string): Column => ({ name, kind: 'text' });
const integer = (name: string): Column => ({ name, kind: 'integer' });
const json = (name: string): Column => ({ name, kind: 'json' });
const instant = (name: string): Column => ({ name, kind: 'instant' });

/** Every table with its columns and how SQLite's value becomes PostgreSQL's (ms → timestamptz, TEXT → jsonb, 0/1 → bool). */
const TABLES: { table: keyof CopyResult; columns: Column[] }[] = [
  {
    table: 'journal',
    columns: [
      ...['unique_id', 'slack_user_id', 'slack_team_id', 'state'].map(text),
      ...['interaction', 'draft', 'reply_to'].map(json),
      text('follow_up_slack_user_id'),
      text('source'),
      integer('attempts'),
      text('last_error'),
      json('issues'),
      ...['created_at', 'updated_at', 'next_attempt_at', 'lease_until', 'logged_at'].map(instant),
      ...['delay_notice_at', 'give_up_notice_at', 'outcome_told_at'].map(instant),
    ],
  },
  {
    table: 'reminders',
    columns: [
      ...['id', 'unique_id', 'recipient_slack_user_id', 'logged_by_slack_user_id'].map(text),
      instant('due_at'),
      text('state'),
      json('interaction'),
      integer('version'),
      text('claimed_by'),
      ...['claimed_at', 'sent_at'].map(instant),
      ...['sent_channel_id', 'sent_ts'].map(text),
      { name: 'sent_late', kind: 'boolean' },
      text('done_by_slack_user_id'),
      ...['done_at', 'created_at'].map(instant),
    ],
  },
  {
    table: 'user_prefs',
    columns: [text('slack_user_id'), text('time_zone'), integer('last_channel_id')],
  },
  {
    table: 'channel_links',
    columns: [...['channel_id', 'team_id', 'account_no', 'channel_name', 'linked_by'].map(text), instant('linked_at')],
  },
];

function convert(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'instant':
      return new Date(Number(value));
    case 'boolean':
      return Number(value) === 1;
    default:
      return value;
  }
}

/**
 * Copies every row in one PostgreSQL transaction; a row already there (same key) is left alone, so running it twice
 * copies nothing twice. The PostgreSQL schema must be migrated first (start one instance, or open the stores).
 * Stop the SQLite bot before copying: entries it sends during the copy would be sent again from PostgreSQL.
 */
export async function copySqliteToPostgres(source: Database, client: pg.ClientBase): Promise<CopyResult> {
  const result = {} as CopyResult;
  await client.query('BEGIN');
  try {
    for (const { table, columns } of TABLES) {
      const hasTable = source
        .prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table);
      if (!hasTable?.n) {
        result[table] = { read: 0, copied: 0 };
        continue;
      }
      const rows = source.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      const names = columns.map((column) => column.name).join(', ');
      const placeholders = columns.map((_, index) => `$${index + 1}`).join(', ');
      let copied = 0;
      for (const row of rows) {
        const inserted = await client.query(
          `INSERT INTO ${table} (${names}) VALUES (${placeholders}) ON CONFLICT DO NOTHING`,
          columns.map((column) => convert(row[column.name], column)),
        );
        copied += inserted.rowCount ?? 0;
      }
      result[table] = { read: rows.length, copied };
    }
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new StoreError('Copying the SQLite database into PostgreSQL failed; nothing was copied.', { cause: error });
  }
}
