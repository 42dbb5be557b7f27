// Tests of the reference cache and the Caliq reference data built on it, with an injected clock and fake loaders.
import { describe, expect, it } from 'vitest';
import { captureLogs } from '../../test/support/log-capture.js';
import { createReferenceCache } from './reference-cache.js';
import { createCaliqReferenceData } from './reference-data.js';
import type { CaliqClient } from './types.js';

/** A loader whose every call is a promise the test settles by hand. */
function controlledLoader<T>() {
  const calls: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<T>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { calls, load };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A cache named "test" of `load`, fresh for 100 ms of the test's clock. */
const testCache = <T>(load: () => Promise<T>, now: () => number) =>
  createReferenceCache({ name: 'test', load, ttlMs: 100, logger: captureLogs().logger, now });

describe('createReferenceCache', () => {
  it('loads once for concurrent readers and serves the value while fresh', async () => {
    let time = 1_000;
    const loader = controlledLoader<string[]>();
    const cache = testCache(loader.load, () => time);
    expect(cache.ageMs()).toBeUndefined();
    const first = cache.get();
    const second = cache.get();
    expect(loader.calls).toHaveLength(1);
    loader.calls[0]?.resolve(['a']);
    expect(await first).toEqual(['a']);
    expect(await second).toEqual(['a']);
    time += 99;
    expect(await cache.get()).toEqual(['a']);
    expect(cache.current()).toEqual(['a']);
    expect(loader.calls).toHaveLength(1);
    expect(cache.ageMs()).toBe(99);
  });

  it('serves the stale value at once and refreshes in the background', async () => {
    let time = 0;
    const loader = controlledLoader<string[]>();
    const cache = testCache(loader.load, () => time);
    const loaded = cache.get();
    loader.calls[0]?.resolve(['old']);
    await loaded;
    time = 150;
    expect(await cache.get()).toEqual(['old']);
    expect(cache.current()).toEqual(['old']);
    expect(loader.calls).toHaveLength(2);
    loader.calls[1]?.resolve(['new']);
    await flush();
    expect(cache.current()).toEqual(['new']);
    expect(cache.ageMs()).toBe(0);
  });

  it('keeps the stale value and warns while the loader fails', async () => {
    let time = 0;
    let fail = false;
    let loads = 0;
    const { lines, logger } = captureLogs();
    const cache = createReferenceCache({
      name: 'channels',
      load: async () => {
        loads++;
        if (fail) throw new Error('Caliq is down');
        return ['kept'];
      },
      ttlMs: 100,
      logger,
      now: () => time,
    });
    await cache.get();
    fail = true;
    time = 500;
    await cache.refresh();
    expect(await cache.get()).toEqual(['kept']);
    expect(cache.current()).toEqual(['kept']);
    await flush();
    // The failed refresh holds background loads back for a TTL, so reads do not hammer a Caliq that is down.
    expect(loads).toBe(2);
    const warning = lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg.includes('keeping the stale value'));
    expect(warning).toMatchObject({ level: 40, cache: 'channels', ageMs: 500, err: { message: 'Caliq is down' } });
    time = 650;
    fail = false;
    cache.current();
    await flush();
    expect(loads).toBe(3);
    expect(cache.ageMs()).toBe(0);
  });

  it('rejects when the first load fails, and loads again on the next get', async () => {
    let calls = 0;
    const cache = createReferenceCache({
      name: 'test',
      load: async () => {
        calls++;
        if (calls === 1) throw new Error('no');
        return 7;
      },
      ttlMs: 100,
      logger: captureLogs().logger,
    });
    await expect(cache.get()).rejects.toThrow('no');
    expect(cache.current()).toBeUndefined();
    expect(await cache.get()).toBe(7);
  });
});

describe('createCaliqReferenceData', () => {
  const fakeClient = (failing: Set<string>): CaliqClient => {
    const answer = <T>(name: string, value: T) =>
      failing.has(name) ? Promise.reject(new Error(`${name} down`)) : Promise.resolve(value);
    return {
      createInteraction: () => Promise.reject(new Error('not used')),
      listChannels: () => answer('channels', [{ id: 64, description: 'Sales Rep' }]),
      listCustomers: () =>
        answer('customers', [
          { id: 1, accountNo: 'acme01 ' },
          { id: 2, accountNo: 'BRIG02' },
        ]),
      listCustomersWithOrders: (channelId) =>
        answer(`names-${channelId}`, [{ id: 1, accountNo: 'ACME01', name: 'Acme Ltd', orderCount: 2, osValue: 10 }]),
      listEmployees: () => answer('employees', [{ id: 'JSMITH' }]),
      listMessages: () => answer('messages', []),
      close: () => Promise.resolve(),
      pulse: () => Promise.resolve({ secondsFromMidnight: 1 }),
    };
  };

  it('warms up every list and knows account numbers upper-cased', async () => {
    const data = createCaliqReferenceData(fakeClient(new Set()), { ttlMs: 1000, logger: captureLogs().logger });
    expect(data.knownAccountNos()).toBeUndefined();
    await data.warmUp();
    expect(data.channels.current()).toEqual([{ id: 64, description: 'Sales Rep' }]);
    expect(data.employees.current()).toEqual([{ id: 'JSMITH' }]);
    expect(data.customerNames.current()).toEqual([
      { id: 1, accountNo: 'ACME01', name: 'Acme Ltd', orderCount: 2, osValue: 10 },
    ]);
    expect([...(data.knownAccountNos() ?? [])]).toEqual(['ACME01', 'BRIG02']);
    expect(data.knownAccountNos()).toBe(data.knownAccountNos());
  });

  it('never throws from warmUp and logs which lists failed', async () => {
    const { lines, logger } = captureLogs();
    const data = createCaliqReferenceData(fakeClient(new Set(['customers', 'messages'])), { ttlMs: 1000, logger });
    await expect(data.warmUp()).resolves.toBeUndefined();
    expect(data.knownAccountNos()).toBeUndefined();
    expect(data.channels.current()).toHaveLength(1);
    const summary = lines.map((line) => JSON.parse(line)).find((entry) => entry.failed);
    expect(summary).toMatchObject({ failed: ['customers', 'messages'], module: 'caliq-reference' });
  });

  it('asks CustomersWithOrders on every channel and fails the names only when every channel fails', async () => {
    const client = fakeClient(new Set(['names-64']));
    const twoChannels = {
      ...client,
      listChannels: () =>
        Promise.resolve([
          { id: 61, description: 'Web' },
          { id: 64, description: 'Sales Rep' },
        ]),
    };
    const data = createCaliqReferenceData(twoChannels, { ttlMs: 1000, logger: captureLogs().logger });
    expect(await data.customerNames.get()).toHaveLength(1);
    const allDown = createCaliqReferenceData(fakeClient(new Set(['names-64'])), {
      ttlMs: 1000,
      logger: captureLogs().logger,
    });
    await expect(allDown.customerNames.get()).rejects.toThrow('names-64 down');
  });
});
