// Copies a real SQLite file with every kind of row into a PostgreSQL schema and reads it back through the PG stores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  describePostgres,
  dropSchema,
  TEST_DATABASE_URL,
  uniqueSchema,
  withTestClient,
} from '../../test/support/postgres.js';
import { copySqliteToPostgres } from './copy-sqlite-to-postgres.js';
import { openPostgresStores } from './postgres/open-stores.js';
import { openSqliteStores } from './sqlite/open-stores.js';

describePostgres('copySqliteToPostgres', () => {
  const schema = uniqueSchema('copy');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-copy-'));
  afterAll(async () => {
    await dropSchema(schema);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies journal, reminders, prefs and links so the PostgreSQL stores read the same, and copies nothing twice', async () => {
    const T0 = new Date('2026-03-02T10:00:00.000Z');
    const file = path.join(dir, 'bot.db');
    const sqlite = openSqliteStores({ path: file, synchronous: 'NORMAL' });
    const interaction = {
      uniqueId: 'u-1',
      channelId: 3,
      customer: { accountNo: 'ACME01' },
      kind: 'C' as const,
      contactedBy: 'EMP1',
      contact: { firstName: 'Ada', surname: 'Lovelace' },
      notes: 'Renewal',
      followUp: { at: '2026-03-09T09:00:00.000Z', by: 'EMP1', notes: 'Quote' },
    };
    const entry = {
      uniqueId: 'u-1',
      slackUserId: 'U1',
      slackTeamId: 'T1',
      interaction,
      draft: { accountNo: 'ACME01', notes: 'Renewal' },
      replyTo: { responseUrl: 'https://hooks.slack.test/r/1', conversationId: 'C1' },
      followUpSlackUserId: 'U2',
    };
    await sqlite.journal.insert(entry, T0);
    await sqlite.journal.insert({ ...entry, uniqueId: 'u-2', interaction: { ...interaction, uniqueId: 'u-2' } }, T0);
    await sqlite.journal.claim('u-1', T0, new Date(T0.getTime() + 30_000));
    await sqlite.journal.markLogged('u-1', new Date(T0.getTime() + 1000));
    await sqlite.journal.markRejected('u-2', [{ id: 4, message: 'Unknown contact', extraData: 'Ada' }], T0);
    const open = await sqlite.reminders.create(
      { uniqueId: 'u-1', recipientSlackUserId: 'U2', loggedBySlackUserId: 'U1', dueAt: T0, interaction },
      T0,
    );
    await sqlite.reminders.claimDue(T0, 'bot-a', 10);
    await sqlite.reminders.markSent(open.id, { conversationId: 'D2', ts: '1.2', late: true }, T0);
    await sqlite.prefs.setTimeZone('U1', 'Europe/Paris');
    await sqlite.prefs.setLastChannel('U1', 7);
    await sqlite.channelLinks.link(
      { conversationId: 'C9', teamId: undefined, accountNo: 'ACME01', channelName: 'acme', linkedBySlackUserId: 'U1' },
      T0,
    );
    const expected = {
      journal: [await sqlite.journal.get('u-1'), await sqlite.journal.get('u-2')],
      reminder: await sqlite.reminders.get(open.id),
      links: await sqlite.channelLinks.list(),
    };
    await sqlite.close();

    const postgres = await openPostgresStores({
      url: TEST_DATABASE_URL,
      poolSize: 2,
      statementTimeoutMs: 5000,
      schema,
    });
    const { openDatabase } = await import('./sqlite/database.js');
    const source = openDatabase(file);
    const copy = () =>
      withTestClient(async (client) => {
        await client.query(`SET search_path = ${schema}`);
        return copySqliteToPostgres(source, client);
      });
    try {
      expect(await copy()).toEqual({
        journal: { read: 2, copied: 2 },
        reminders: { read: 1, copied: 1 },
        user_prefs: { read: 1, copied: 1 },
        channel_links: { read: 1, copied: 1 },
      });
      expect(await postgres.journal.get('u-1')).toEqual(expected.journal[0]);
      expect(await postgres.journal.get('u-2')).toEqual(expected.journal[1]);
      expect(await postgres.reminders.get(open.id)).toEqual(expected.reminder);
      expect(await postgres.prefs.get('U1')).toEqual({ timeZone: 'Europe/Paris', lastChannelId: 7 });
      expect(await postgres.channelLinks.list()).toEqual(expected.links);
      expect((await copy()).journal).toEqual({ read: 2, copied: 0 });
      expect(await postgres.journal.countByState()).toEqual({ pending: 0, logged: 1, rejected: 1, failed: 0 });
    } finally {
      source.close();
      await postgres.close();
    }
  });
});
