// Runs the store contract against PostgreSQL (TEST_DATABASE_URL): this file's own schema, a pool per "instance".
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { createPostgresChannelLinkStore } from '../../src/store/postgres/channel-link-store.js';
import { createPool, createSql, describeTarget } from '../../src/store/postgres/connection.js';
import { createPostgresJournalStore } from '../../src/store/postgres/journal-store.js';
import { migratePostgres } from '../../src/store/postgres/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { createPostgresReminderStore } from '../../src/store/postgres/reminder-store.js';
import { createPostgresUserPrefsStore } from '../../src/store/postgres/user-prefs-store.js';
import { describePostgres, dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../support/postgres.js';
import type { ContractBackend } from './backend.js';
import { contactsContract } from './contacts-contract.js';
import { firstClaimContract } from './first-claim-contract.js';
import { journalContract } from './journal-contract.js';
import { prefsAndLinksContract } from './prefs-and-links-contract.js';
import { reminderContract } from './reminder-contract.js';
import { toldContract } from './told-contract.js';

function postgresBackend(): ContractBackend {
  const schema = uniqueSchema('contract');
  const target = describeTarget(TEST_DATABASE_URL);
  const options = { url: TEST_DATABASE_URL, poolSize: 4, statementTimeoutMs: 5000, schema };
  let pools: ReturnType<typeof createPool>[] = [];
  let migrated = false;
  const newPool = () => {
    const pool = createPool(options);
    pools.push(pool);
    return pool;
  };
  return {
    name: 'PostgreSQL',
    async reset() {
      const pool = newPool();
      if (!migrated) {
        await migratePostgres(pool, { target, schema, migrations: POSTGRES_MIGRATIONS });
        migrated = true;
      }
      await pool.query('TRUNCATE journal, reminders, user_prefs, channel_links');
    },
    async connect() {
      const sql = createSql(newPool(), target);
      return {
        journal: createPostgresJournalStore(sql),
        reminders: createPostgresReminderStore(sql),
        prefs: createPostgresUserPrefsStore(sql),
        channelLinks: createPostgresChannelLinkStore(sql),
      };
    },
    async closeConnections() {
      await Promise.all(pools.map((pool) => pool.end()));
      pools = [];
    },
    async exec(sql) {
      await newPool().query(sql);
    },
    async dispose() {
      await dropSchema(schema);
    },
  };
}

describePostgres('store contract on PostgreSQL', () => {
  const backend = postgresBackend();
  beforeAll(() => backend.reset());
  beforeEach(() => backend.reset());
  afterEach(() => backend.closeConnections());
  afterAll(async () => {
    await backend.closeConnections();
    await backend.dispose();
  });

  describe('journal', () => journalContract(backend));
  describe('outcome told', () => toldContract(backend));
  describe('first claim', () => firstClaimContract(backend));
  describe('remembered contacts', () => contactsContract(backend));
  describe('reminders', () => reminderContract(backend));
  describe('prefs and channel links', () => prefsAndLinksContract(backend));
});
