// Tests the channel links on a real SQLite file: link, relink (replaces), unlink, list order, survival across reopen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelLinkStore } from './channel-link-store.js';
import { type Database, openDatabase } from './database.js';
import type { ChannelLinkStore } from './types.js';

let dir: string;
let file: string;
let db: Database;
let links: ChannelLinkStore;

const T0 = new Date('2026-11-20T10:00:00.000Z');
const T1 = new Date('2026-11-21T11:30:00.000Z');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-links-'));
  file = path.join(dir, 'bot.db');
  db = openDatabase(file);
  links = createChannelLinkStore(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createChannelLinkStore', () => {
  it('knows nothing of a channel never linked, and unlinking it returns nothing', async () => {
    expect(await links.get('C1')).toBeUndefined();
    expect(await links.unlink('C1')).toBeUndefined();
    expect(await links.list()).toEqual([]);
  });

  it('stores a link with who and when, and reads it back the same', async () => {
    const link = await links.link(
      { channelId: 'C1', teamId: 'T1', accountNo: 'ACME01', channelName: 'acme-team', linkedBySlackUserId: 'U1' },
      T0,
    );
    const expected = {
      channelId: 'C1',
      teamId: 'T1',
      accountNo: 'ACME01',
      channelName: 'acme-team',
      linkedBySlackUserId: 'U1',
      linkedAt: T0,
    };
    expect(link).toEqual(expected);
    expect(await links.get('C1')).toEqual(expected);
  });

  it('keeps one account per channel: linking again replaces the account, the linker and the time', async () => {
    await links.link(
      { channelId: 'C1', teamId: 'T1', accountNo: 'ACME01', channelName: 'acme', linkedBySlackUserId: 'U1' },
      T0,
    );
    await links.link(
      { channelId: 'C1', teamId: undefined, accountNo: 'BOLT22', channelName: undefined, linkedBySlackUserId: 'U2' },
      T1,
    );
    expect(await links.list()).toEqual([
      {
        channelId: 'C1',
        teamId: undefined,
        accountNo: 'BOLT22',
        channelName: undefined,
        linkedBySlackUserId: 'U2',
        linkedAt: T1,
      },
    ]);
  });

  it('unlinks, returning the removed link', async () => {
    await links.link(
      { channelId: 'C1', teamId: 'T1', accountNo: 'ACME01', channelName: 'acme', linkedBySlackUserId: 'U1' },
      T0,
    );
    const removed = await links.unlink('C1');
    expect(removed).toMatchObject({ channelId: 'C1', accountNo: 'ACME01', linkedBySlackUserId: 'U1', linkedAt: T0 });
    expect(await links.get('C1')).toBeUndefined();
    expect(await links.unlink('C1')).toBeUndefined();
  });

  it('lists by account number, then channel name', async () => {
    const add = (channelId: string, accountNo: string, channelName: string) =>
      links.link({ channelId, teamId: 'T1', accountNo, channelName, linkedBySlackUserId: 'U1' }, T0);
    await add('C4', 'BOLT22', 'bolt');
    await add('C3', 'ACME01', 'acme-support');
    await add('C1', 'ACME01', 'acme-team');
    await add('C2', 'ACME01', 'acme-billing');
    expect((await links.list()).map((link) => link.channelId)).toEqual(['C2', 'C3', 'C1', 'C4']);
  });

  it('keeps links across a reopen of the file', async () => {
    await links.link(
      { channelId: 'C1', teamId: 'T1', accountNo: 'ACME01', channelName: 'acme', linkedBySlackUserId: 'U1' },
      T0,
    );
    db.close();
    db = openDatabase(file);
    links = createChannelLinkStore(db);
    expect(await links.get('C1')).toMatchObject({ accountNo: 'ACME01', linkedAt: T0 });
  });
});
