// The PostgreSQL schema's history as ordered, versioned migrations; once released, a migration is only followed.
import type { Migration } from '../sqlite/migrations.js';

// Instants are timestamptz, JSON parts jsonb; the same tables and meanings as the SQLite schema.
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'journal, reminders and user prefs',
    sql: `
      CREATE TABLE journal (
        unique_id TEXT PRIMARY KEY,
        slack_user_id TEXT NOT NULL,
        slack_team_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'logged', 'rejected', 'failed')),
        interaction JSONB NOT NULL,
        draft JSONB NOT NULL,
        reply_to JSONB NOT NULL,
        follow_up_slack_user_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        issues JSONB NOT NULL DEFAULT '[]',
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        next_attempt_at TIMESTAMPTZ,
        lease_until TIMESTAMPTZ,
        logged_at TIMESTAMPTZ,
        delay_notice_at TIMESTAMPTZ,
        give_up_notice_at TIMESTAMPTZ
      );
      CREATE INDEX journal_user_created ON journal (slack_user_id, created_at);
      CREATE INDEX journal_pending_due ON journal (created_at, unique_id) WHERE state = 'pending';

      CREATE TABLE reminders (
        id TEXT PRIMARY KEY,
        unique_id TEXT NOT NULL UNIQUE,
        recipient_slack_user_id TEXT NOT NULL,
        logged_by_slack_user_id TEXT NOT NULL,
        due_at TIMESTAMPTZ NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'sending', 'sent', 'done')),
        interaction JSONB NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        claimed_by TEXT,
        claimed_at TIMESTAMPTZ,
        sent_at TIMESTAMPTZ,
        sent_channel_id TEXT,
        sent_ts TEXT,
        sent_late BOOLEAN NOT NULL DEFAULT FALSE,
        done_by_slack_user_id TEXT,
        done_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX reminders_state_due ON reminders (state, due_at);
      CREATE INDEX reminders_recipient_due ON reminders (recipient_slack_user_id, due_at);

      CREATE TABLE user_prefs (
        slack_user_id TEXT PRIMARY KEY,
        time_zone TEXT,
        last_channel_id INTEGER
      );
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
        linked_at TIMESTAMPTZ NOT NULL
      );
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
      ALTER TABLE journal ADD COLUMN outcome_told_at TIMESTAMPTZ;
      UPDATE journal SET outcome_told_at = updated_at WHERE state IN ('logged', 'rejected', 'failed');
      CREATE INDEX journal_untold ON journal (updated_at) WHERE outcome_told_at IS NULL AND state <> 'pending';
    `,
  },
];
