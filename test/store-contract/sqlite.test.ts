// Runs the store contract against SQLite: a real file per test, a second connection as a second instance would have.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import { createChannelLinkStore } from '../../src/store/sqlite/channel-link-store.js';
import { type Database, openDatabase } from '../../src/store/sqlite/database.js';
import { createJournalStore } from '../../src/store/sqlite/journal-store.js';
import { createReminderStore } from '../../src/store/sqlite/reminder-store.js';
import { createUserPrefsStore } from '../../src/store/sqlite/user-prefs-store.js';
import type { ContractBackend } from './backend.js';
import { contactsContract } from './contacts-contract.js';
import { firstClaimContract } from './first-claim-contract.js';
import { journalContract } from './journal-contract.js';
import { prefsAndLinksContract } from './prefs-and-links-contract.js';
import { reminderContract } from './reminder-contract.js';
import { toldContract } from './told-contract.js';

function sqliteBackend(): ContractBackend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-contract-'));
  let file = '';
  let test = 0;
  let open: Database[] = [];
  const connectDb = () => {
    const db = openDatabase(file, { synchronous: 'NORMAL' });
    open.push(db);
    return db;
  };
  return {
    name: 'SQLite',
    async reset() {
      test += 1;
      file = path.join(dir, `bot-${test}.db`);
    },
    async connect() {
      const db = connectDb();
      return {
        journal: createJournalStore(db),
        reminders: createReminderStore(db),
        prefs: createUserPrefsStore(db),
        channelLinks: createChannelLinkStore(db),
      };
    },
    async closeConnections() {
      for (const db of open) db.close();
      open = [];
    },
    async exec(sql) {
      connectDb().exec(sql);
    },
    async dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const backend = sqliteBackend();
beforeEach(() => backend.reset());
afterEach(() => backend.closeConnections());
afterAll(() => backend.dispose());

describe('store contract on SQLite', () => {
  describe('journal', () => journalContract(backend));
  describe('outcome told', () => toldContract(backend));
  describe('first claim', () => firstClaimContract(backend));
  describe('remembered contacts', () => contactsContract(backend));
  describe('reminders', () => reminderContract(backend));
  describe('prefs and channel links', () => prefsAndLinksContract(backend));
});
