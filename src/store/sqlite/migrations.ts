// The schema's history as ordered, versioned migrations; a migration, once released, is never edited, only followed.

export type Migration = {
  /** Consecutive from 1; stored in schema_migrations. */
  version: number;
  name: string;
  /** SQL run inside one transaction together with the schema_migrations row. */
  sql: string;
};

// Instants are INTEGER milliseconds since the epoch (UTC) throughout; JSON columns hold TEXT written by JSON.stringify.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'journal, reminders and user prefs',
    sql: `
      CREATE TABLE journal (
        unique_id TEXT PRIMARY KEY,
        slack_user_id TEXT NOT NULL,
        slack_team_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'logged', 'rejected', 'failed')),
        interaction TEXT NOT NULL,
        draft TEXT NOT NULL,
        reply_to TEXT NOT NULL,
        follow_up_slack_user_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        issues TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        next_attempt_at INTEGER,
        lease_until INTEGER,
        logged_at INTEGER,
        delay_notice_at INTEGER,
        give_up_notice_at INTEGER
      ) STRICT;
      CREATE INDEX journal_user_created ON journal (slack_user_id, created_at);
      CREATE INDEX journal_state_next_attempt ON journal (state, next_attempt_at);

      CREATE TABLE reminders (
        id TEXT PRIMARY KEY,
        unique_id TEXT NOT NULL UNIQUE,
        recipient_slack_user_id TEXT NOT NULL,
        logged_by_slack_user_id TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'sending', 'sent', 'done')),
        interaction TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        claimed_by TEXT,
        claimed_at INTEGER,
        sent_at INTEGER,
        sent_channel_id TEXT,
        sent_ts TEXT,
        sent_late INTEGER NOT NULL DEFAULT 0,
        done_by_slack_user_id TEXT,
        done_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX reminders_state_due ON reminders (state, due_at);
      CREATE INDEX reminders_recipient_due ON reminders (recipient_slack_user_id, due_at);

      CREATE TABLE user_prefs (
        slack_user_id TEXT PRIMARY KEY,
        time_zone TEXT,
        last_channel_id INTEGER
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'channel links',
    sql: `
      CREATE TABLE channel_links (
        channel_id TEXT PRIMARY KEY,
        team_id TEXT,
        account_no TEXT NOT NULL,
        channel_name TEXT,
        linked_by TEXT NOT NULL,
        linked_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX channel_links_account ON channel_links (account_no);
    `,
  },
  {
    version: 3,
    name: 'journal entry source',
    // NULL for rows written before: they came from the form.
    sql: `ALTER TABLE journal ADD COLUMN source TEXT;`,
  },
  {
    version: 4,
    name: 'journal outcome told',
    // Entries settled before this was kept were told in their time (or lost with it): never tell them again.
    sql: `
      ALTER TABLE journal ADD COLUMN outcome_told_at INTEGER;
      UPDATE journal SET outcome_told_at = updated_at WHERE state IN ('logged', 'rejected', 'failed');
      CREATE INDEX journal_untold ON journal (updated_at) WHERE outcome_told_at IS NULL AND state <> 'pending';
    `,
  },
];
