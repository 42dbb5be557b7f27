// The Caliq client's list endpoints and pulse over real HTTP: what they read, and the typed errors they throw.
import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  clientFor,
  garbageUrl,
  setUpCaliqClientTests,
  simulator,
} from '../../test/support/caliq-client-fixtures.js';
import {
  CaliqBadRequestError,
  CaliqError,
  CaliqInputError,
  CaliqResponseShapeError,
  CaliqUnauthorizedError,
  CaliqUnavailableError,
} from './errors.js';

setUpCaliqClientTests();

describe('list endpoints', () => {
  it('read channels, customers, employees, messages and the pulse', async () => {
    const client = clientFor();
    expect(await client.listChannels()).toContainEqual({ id: 64, description: 'Sales Rep' });
    const customers = await client.listCustomers();
    expect(customers).toHaveLength(8);
    expect(customers).toContainEqual({ id: 1001, accountNo: 'ACME01' });
    expect(await client.listCustomers('20260201')).toEqual([
      { id: 1002, accountNo: 'BRIG02' },
      { id: 1004, accountNo: 'DUND01' },
      { id: 1008, accountNo: 'HULL04' },
    ]);
    expect(await client.listCustomers('20990101')).toEqual([]);
    expect(await client.listCustomersWithOrders(64)).toEqual([
      { id: 1001, accountNo: 'ACME01', name: 'Acme Engineering Ltd', orderCount: 3, osValue: 376.5 },
      { id: 1004, accountNo: 'DUND01', name: 'Dundee Marine Parts', orderCount: 2, osValue: 251 },
      { id: 1007, accountNo: 'GLOS11', name: 'Gloucester Tiles & Stone', orderCount: 4, osValue: 502 },
    ]);
    expect(await client.listCustomersWithOrders(999)).toEqual([]);
    expect(await client.listEmployees()).toContainEqual({
      id: 'JSMITH',
      name: 'Jane Smith',
      email: 'jane.smith@example.com',
    });
    expect(await client.listMessages()).toContainEqual({ id: 100, description: 'Interaction already logged' });
    expect((await client.pulse()).secondsFromMidnight).toBeGreaterThanOrEqual(0);
    expect(simulator.received.find((request) => request.endpoint === 'Pulse')?.body).toEqual({});
    expect(simulator.received.find((request) => request.endpoint === 'CustomerChange')?.body).toEqual({
      apiKey: API_KEY,
      ChangesSince: '',
    });
  });

  it('throw typed errors, each a CaliqError', async () => {
    await expect(clientFor({ apiKey: 'bad-key-999' }).listChannels()).rejects.toBeInstanceOf(CaliqUnauthorizedError);
    expect(simulator.received).toHaveLength(1);

    simulator.setFaults({ down: true });
    const unavailable = await clientFor({ retries: 1 })
      .listEmployees()
      .catch((error: unknown) => error);
    expect(unavailable).toBeInstanceOf(CaliqUnavailableError);
    expect(unavailable).toBeInstanceOf(CaliqError);
    expect((unavailable as CaliqUnavailableError).reason).toBe('service_unavailable');
    expect((unavailable as CaliqUnavailableError).cause).toBeInstanceOf(Error);
    // The message names the host an operator must check.
    expect((unavailable as CaliqUnavailableError).message).toBe(
      `Caliq at ${new URL(simulator.url).host} answered 503 (service unavailable) on Employee.`,
    );
    expect(simulator.received).toHaveLength(3);
    simulator.setFaults({ down: false });

    const shape = await clientFor({ baseUrl: garbageUrl })
      .listChannels()
      .catch((error: unknown) => error);
    expect(shape).toBeInstanceOf(CaliqResponseShapeError);
    expect((shape as Error).message).toContain('ChannelList.0.ID');
    await expect(clientFor({ baseUrl: garbageUrl }).pulse()).rejects.toThrow(/not JSON/);
    await expect(clientFor({ baseUrl: garbageUrl }).listEmployees()).rejects.toBeInstanceOf(CaliqResponseShapeError);
    await expect(clientFor({ baseUrl: garbageUrl }).listMessages()).rejects.toBeInstanceOf(CaliqBadRequestError);
    expect(await clientFor({ baseUrl: garbageUrl }).listCustomers()).toEqual([]);
    await expect(clientFor().listCustomers('2026-01-01')).rejects.toBeInstanceOf(CaliqInputError);
  });
});
