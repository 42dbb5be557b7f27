import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoundedFetch } from './bounded-fetch.js';

const servers: Server[] = [];

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the bounded fetch of the Slack client', () => {
  it('passes a whole answer through, as fetch would', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ ok: true, method: request.url }));
    });
    const response = await createBoundedFetch(1000)(`${url}/api/views.open`, { method: 'POST', body: 'a=b' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, method: '/api/views.open' });
  });

  it('ends a call whose answer never comes, within the bound', async () => {
    const url = await serve(() => undefined);
    const started = performance.now();
    await expect(createBoundedFetch(200)(`${url}/api/views.open`, { method: 'POST' })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('ends a call whose answer stalls halfway, within the bound', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"ok":');
    });
    const response = await createBoundedFetch(200)(`${url}/api/views.open`, { method: 'POST' });
    const started = performance.now();
    await expect(response.text()).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
