// The simulator's own behaviour over real HTTP: statuses, every rejection rule, duplicates, faults, seeds.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSimulatorSeed } from './seed.js';
import { type CaliqSimulator, startCaliqSimulator } from './server.js';

let simulator: CaliqSimulator;

beforeAll(async () => {
  simulator = await startCaliqSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const post = async (endpoint: string, body: unknown, raw = false) => {
  const response = await fetch(`${simulator.url}/api/v1/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? String(body) : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined,
  };
};

const interaction = (overrides: Record<string, unknown> = {}) => ({
  apiKey: 'sim-api-key',
  ChannelID: 64,
  CustomerID: '',
  AccountNo: 'ACME01',
  ContactID: '',
  UniqueID: randomUUID(),
  Kind: 'C',
  ContactedBy: 'JSMITH',
  ContactedFirstName: 'Alan',
  ContactedSurname: 'Jones',
  OnDateTime: '2026-11-26T15:30:00',
  Notes: 'Spring order',
  FollowUpDateTime: '',
  FollowUpBy: '',
  FollowUpNotes: '',
  ...overrides,
});

const issuesOf = async (overrides: Record<string, unknown>) => {
  const answer = await post('InteractionCreate', interaction(overrides));
  expect(answer.status).toBe(200);
  expect(answer.json.InteractionAddData.OK).toBe(false);
  return answer.json.InteractionAddData.InteractionCreateIssues as { ID: number; Message: string; ExtraData: string }[];
};

describe('InteractionCreate', () => {
  it('stores a valid interaction once and answers a repeat as already logged', async () => {
    const body = interaction({
      AccountNo: 'acme01',
      FollowUpBy: 'rpatel',
      FollowUpDateTime: '2026-12-01T09:00:00.1234567+00:00',
    });
    expect((await post('InteractionCreate', body)).json).toEqual({
      InteractionAddData: { OK: true, InteractionCreateIssues: [] },
    });
    const repeat = await post('InteractionCreate', { ...body, Notes: 'changed' });
    expect(repeat.json).toEqual({
      InteractionAddData: {
        OK: true,
        InteractionCreateIssues: [{ ID: 100, Message: 'Interaction already logged', ExtraData: body.UniqueID }],
      },
    });
    await post('InteractionCreate', body);
    expect(simulator.interactions).toHaveLength(1);
    expect(simulator.interactions[0]).toMatchObject({ uniqueId: body.UniqueID, customerId: 1001, body });
    expect(simulator.duplicateCount(body.UniqueID)).toBe(2);
    expect(simulator.duplicateCount('other')).toBe(0);
  });

  it('accepts a CustomerID and a ContactID instead of an account number and names', async () => {
    const answer = await post(
      'InteractionCreate',
      interaction({
        CustomerID: 1005,
        AccountNo: '',
        ContactID: 9,
        ContactedFirstName: '',
        ContactedSurname: '',
        OnDateTime: '',
      }),
    );
    expect(answer.json.InteractionAddData.OK).toBe(true);
    expect(simulator.interactions[0]?.customerId).toBe(1005);
  });

  it('rejects every problem at once, one issue each, and stores nothing', async () => {
    const issues = await issuesOf({
      ChannelID: 5,
      AccountNo: 'NOPE99',
      Kind: 'X',
      ContactedBy: 'GHOST',
      ContactedFirstName: '',
      OnDateTime: '26/11/2026 15:30',
      FollowUpBy: 'NOBODY',
    });
    expect(issues).toEqual([
      { ID: 3, Message: 'Channel not found', ExtraData: '5' },
      { ID: 1, Message: 'Customer not found', ExtraData: 'NOPE99' },
      { ID: 6, Message: 'Kind must be C, E or V', ExtraData: 'X' },
      { ID: 4, Message: 'Employee not found', ExtraData: 'GHOST' },
      {
        ID: 8,
        Message: 'Contact first name and surname are required when no ContactID is given',
        ExtraData: 'ContactedFirstName',
      },
      { ID: 9, Message: 'Date could not be read', ExtraData: 'OnDateTime: 26/11/2026 15:30' },
      { ID: 5, Message: 'Follow up employee not found', ExtraData: 'NOBODY' },
      { ID: 10, Message: 'A follow up date is required when a follow up employee is given', ExtraData: 'NOBODY' },
    ]);
    expect(simulator.interactions).toHaveLength(0);
  });

  it('rejects over-long fields by name', async () => {
    const issues = await issuesOf({
      AccountNo: 'A'.repeat(11),
      ContactedBy: 'B'.repeat(11),
      ContactedFirstName: 'F'.repeat(51),
      ContactedSurname: 'S'.repeat(51),
      FollowUpBy: 'C'.repeat(11),
      FollowUpDateTime: '2026-12-01T09:00:00Z',
    });
    expect(issues.map((issue) => [issue.ID, issue.ExtraData])).toEqual([
      [7, 'AccountNo'],
      [7, 'ContactedBy'],
      [7, 'ContactedFirstName'],
      [7, 'ContactedSurname'],
      [7, 'FollowUpBy'],
    ]);
  });

  it('rejects a follow-up date without an employee, an unknown CustomerID, no customer, no UniqueID', async () => {
    expect(await issuesOf({ FollowUpDateTime: '2026-12-01T09:00:00' })).toEqual([
      {
        ID: 11,
        Message: 'A follow up employee is required when a follow up date is given',
        ExtraData: '2026-12-01T09:00:00',
      },
    ]);
    expect((await issuesOf({ CustomerID: 4242 }))[0]).toMatchObject({ ID: 1, ExtraData: '4242' });
    expect((await issuesOf({ AccountNo: '' }))[0]).toMatchObject({ ID: 2 });
    expect((await issuesOf({ UniqueID: '' }))[0]).toMatchObject({ ID: 12 });
    expect((await issuesOf({ ContactedBy: '' }))[0]).toMatchObject({ ID: 13 });
    expect((await issuesOf({ FollowUpDateTime: '2026-02-30T09:00:00', FollowUpBy: 'JSMITH' }))[0]).toMatchObject({
      ID: 9,
    });
  });

  it('answers 401 for a wrong or missing key, 400 for a body it cannot read, 404 for an unknown endpoint', async () => {
    expect((await post('InteractionCreate', interaction({ apiKey: 'nope' }))).status).toBe(401);
    expect((await post('Channel', {})).status).toBe(401);
    expect((await post('InteractionCreate', '{not json', true)).status).toBe(400);
    expect((await post('InteractionCreate', [1, 2])).status).toBe(400);
    expect((await post('Orders', { apiKey: 'sim-api-key' })).status).toBe(404);
    expect(simulator.received.map((request) => request.status)).toEqual([401, 401, 400, 400, 404]);
    expect(simulator.received[2]?.body).toBe('{not json');
  });
});

describe('reference endpoints', () => {
  it('answer the documented shapes, 204 when nothing changed, 400 for a bad date', async () => {
    expect((await post('Channel', { apiKey: 'sim-api-key' })).json.ChannelList).toContainEqual({
      ID: 64,
      Description: 'Sales Rep',
    });
    expect((await post('Employee', { apiKey: 'sim-api-key' })).json.EmployeeList[0]).toEqual({
      ID: 'JSMITH',
      Name: 'Jane Smith',
      Email: 'jane.smith@example.com',
    });
    expect(
      (await post('CustomerChange', { apiKey: 'sim-api-key', ChangesSince: '' })).json.CustomerChangeList,
    ).toHaveLength(8);
    expect((await post('CustomerChange', { apiKey: 'sim-api-key', ChangesSince: '20990101' })).status).toBe(204);
    expect((await post('CustomerChange', { apiKey: 'sim-api-key', ChangesSince: 'yesterday' })).status).toBe(400);
    expect((await post('Message', { apiKey: 'sim-api-key' })).json.MessagesList).toContainEqual({
      ID: 1,
      Description: 'Customer not found',
    });
    expect((await post('Pulse', {})).json.SecondsFromMidnight).toBeTypeOf('number');
  });

  it('names customers with back orders on the channel asked about, only them', async () => {
    const answer = await post('CustomersWithOrders', { apiKey: 'sim-api-key', ChannelID: 61 });
    expect(answer.json.CustomerWithOrderList).toEqual([
      { ID: 1002, AccountNo: 'BRIG02', Name: 'Brighton Garden Supplies', OrderCount: 1, OSValue: 125.5 },
    ]);
    expect((await post('CustomersWithOrders', { apiKey: 'sim-api-key', ChannelID: 999 })).status).toBe(204);
    expect((await post('CustomersWithOrders', { apiKey: 'sim-api-key' })).status).toBe(400);
  });

  it('adds generated customers in bulk, unique, some named, for load tests', async () => {
    const big = await startCaliqSimulator({ generatedCustomers: 2000 });
    try {
      const answer = await fetch(`${big.url}/api/v1/CustomerChange`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: 'sim-api-key', ChangesSince: '' }),
      });
      const list = ((await answer.json()) as { CustomerChangeList: Array<{ AccountNo: string }> }).CustomerChangeList;
      expect(list).toHaveLength(2008);
      expect(new Set(list.map((customer) => customer.AccountNo)).size).toBe(2008);
      expect(list.every((customer) => customer.AccountNo.length <= 10)).toBe(true);
      let named = 0;
      for (const channelId of [61, 62, 63, 64]) {
        const names = await fetch(`${big.url}/api/v1/CustomersWithOrders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ apiKey: 'sim-api-key', ChannelID: channelId }),
        });
        named += ((await names.json()) as { CustomerWithOrderList: unknown[] }).CustomerWithOrderList.length;
      }
      expect(named).toBeGreaterThan(800);
      expect(named).toBeLessThan(1200);
    } finally {
      await big.close();
    }
  });
});

describe('faults', () => {
  it('fails the next requests as asked, then answers normally', async () => {
    simulator.failNext(1, '503');
    simulator.failNext(1, '401');
    expect((await post('Pulse', {})).status).toBe(503);
    expect((await post('Pulse', {})).status).toBe(401);
    simulator.failNext(1, 'drop');
    await expect(post('Pulse', {})).rejects.toThrow();
    expect((await post('Pulse', {})).status).toBe(200);
    expect(simulator.received.map((request) => request.status)).toEqual([503, 401, 0, 200]);
  });

  it('holds a request for a timeout until the client gives up', async () => {
    simulator.failNext(1, 'timeout');
    const held = fetch(`${simulator.url}/api/v1/Pulse`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(100),
    });
    await expect(held).rejects.toThrow();
    expect(simulator.received[0]?.status).toBe(0);
  });

  it('is down, slow, or unavailable at a rate, as set', async () => {
    simulator.setFaults({ down: true });
    expect((await post('Pulse', {})).status).toBe(503);
    simulator.setFaults({ down: false, latencyMs: 120 });
    const started = Date.now();
    expect((await post('Pulse', {})).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    simulator.setFaults({ latencyMs: 0, unavailableRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await post('Pulse', {})).status);
    const unavailable = statuses.filter((status) => status === 503).length;
    expect(unavailable).toBeGreaterThan(8);
    expect(unavailable).toBeLessThan(32);
  });

  it('reset clears requests, interactions and faults', async () => {
    simulator.setFaults({ down: true });
    simulator.failNext(3);
    await post('Pulse', {});
    simulator.reset();
    expect(simulator.received).toHaveLength(0);
    expect((await post('Pulse', {})).status).toBe(200);
  });
});

describe('seeds', () => {
  it('loads a seed file and answers from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caliq-sim-'));
    const path = join(dir, 'seed.json');
    writeFileSync(path, JSON.stringify({ customers: [{ ID: 5, AccountNo: 'ZED01' }], channels: [], employees: [] }));
    const other = await startCaliqSimulator({ seed: loadSimulatorSeed(path), apiKey: 'other-key' });
    try {
      const answer = await fetch(`${other.url}/api/v1/CustomerChange`, {
        method: 'POST',
        body: JSON.stringify({ apiKey: 'other-key', ChangesSince: '' }),
      });
      expect(await answer.json()).toEqual({ CustomerChangeList: [{ ID: 5, AccountNo: 'ZED01' }] });
      const channels = await fetch(`${other.url}/api/v1/Channel`, { method: 'POST', body: '{"apiKey":"other-key"}' });
      expect(channels.status).toBe(204);
    } finally {
      await other.close();
    }
    writeFileSync(path, JSON.stringify({ customers: [{ ID: 'x', AccountNo: 'ZED01' }], channels: [], employees: [] }));
    expect(() => loadSimulatorSeed(path)).toThrow(/customers/);
  });
});
