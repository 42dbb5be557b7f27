// Tests the in-memory link directory over a real SQLite file: local changes at once, other instances' after a refresh.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../store/index.js';
import { createChannelLinkStore } from '../store/sqlite/channel-link-store.js';
import type { ChannelLinkStore } from '../store/types.js';
import { createLinkedChannels, type LinkedChannels } from './linked-channels.js';

const logger = pino({ level: 'silent' });
const NOW = new Date('2026-11-20T10:00:00.000Z');

let dir: string;
let db: Database;
let store: ChannelLinkStore;
const started: LinkedChannels[] = [];

const startDirectory = async (options: { refreshMs?: number; on?: ChannelLinkStore } = {}) => {
  const directory = createLinkedChannels({ store: options.on ?? store, logger, refreshMs: options.refreshMs });
  await directory.start();
  started.push(directory);
  return directory;
};

const acme = {
  conversationId: 'C1',
  teamId: 'T1',
  accountNo: 'ACME01',
  channelName: 'acme',
  linkedBySlackUserId: 'U1',
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caliq-linked-'));
  db = openDatabase(path.join(dir, 'bot.db'));
  store = createChannelLinkStore(db);
});

afterEach(() => {
  for (const directory of started.splice(0)) directory.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createLinkedChannels', () => {
  it('loads the stored links at start', async () => {
    await store.link(acme, NOW);
    const directory = await startDirectory();
    expect(directory.get('C1')?.accountNo).toBe('ACME01');
    expect(directory.get('C2')).toBeUndefined();
  });

  it('shows a local link and unlink at once, and says which link was replaced', async () => {
    const directory = await startDirectory();
    const first = await directory.link(acme, NOW);
    expect(first.replaced).toBeUndefined();
    expect(directory.get('C1')?.accountNo).toBe('ACME01');
    const second = await directory.link({ ...acme, accountNo: 'BOLT22', linkedBySlackUserId: 'U2' }, NOW);
    expect(second.replaced).toMatchObject({ accountNo: 'ACME01', linkedBySlackUserId: 'U1' });
    expect(directory.get('C1')?.accountNo).toBe('BOLT22');
    expect(await store.get('C1')).toMatchObject({ accountNo: 'BOLT22' });
    expect((await directory.unlink('C1'))?.accountNo).toBe('BOLT22');
    expect(directory.get('C1')).toBeUndefined();
    expect(await store.get('C1')).toBeUndefined();
  });

  it('lists by account number, then channel name', async () => {
    const directory = await startDirectory();
    await directory.link({ ...acme, conversationId: 'C3', accountNo: 'BOLT22', channelName: 'bolt' }, NOW);
    await directory.link({ ...acme, conversationId: 'C2', channelName: 'acme-support' }, NOW);
    await directory.link({ ...acme, conversationId: 'C1', channelName: 'acme-billing' }, NOW);
    expect(directory.list().map((link) => link.conversationId)).toEqual(['C1', 'C2', 'C3']);
  });

  it("picks up another instance's links on its periodic refresh", async () => {
    const otherDb = openDatabase(path.join(dir, 'bot.db'));
    const other = createChannelLinkStore(otherDb);
    const directory = await startDirectory({ refreshMs: 50 });
    await other.link(acme, NOW);
    expect(directory.get('C1')).toBeUndefined();
    await vi.waitFor(() => expect(directory.get('C1')?.accountNo).toBe('ACME01'), { timeout: 2000 });
    await other.unlink('C1');
    await vi.waitFor(() => expect(directory.get('C1')).toBeUndefined(), { timeout: 2000 });
    otherDb.close();
  });

  it('keeps what it has when the store fails to list', async () => {
    await store.link(acme, NOW);
    const failing: ChannelLinkStore = { ...store, list: () => Promise.reject(new Error('connection refused')) };
    const directory = createLinkedChannels({ store, logger });
    await directory.refresh();
    const broken = createLinkedChannels({ store: failing, logger });
    await broken.refresh();
    expect(directory.get('C1')?.accountNo).toBe('ACME01');
    expect(broken.get('C1')).toBeUndefined();
    await broken.link(acme, NOW);
    await broken.refresh();
    expect(broken.get('C1')?.accountNo).toBe('ACME01');
  });
});
