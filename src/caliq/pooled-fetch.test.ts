// The pooled POST the Caliq transport uses, against a real local server: what it sends, answers, and how it fails.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPooledPost, type PooledPost } from './pooled-fetch.js';

let server: Server | undefined;
let pool: PooledPost | undefined;

afterEach(async () => {
  await pool?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  pool = undefined;
});

async function serve(handler: (request: IncomingMessage, body: string, response: ServerResponse) => void) {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => handler(request, body, response));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  pool = createPooledPost();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const post = (url: string, body = '{}', signal = AbortSignal.timeout(5000)) =>
  pool?.post(url, body, { headers: JSON_HEADERS, signal }).then(
    (answer) => answer,
    (error: unknown) => error as Error,
  );

describe('createPooledPost', () => {
  it('sends method, path, query, headers and body, and answers status and text', async () => {
    const seen: Array<{ method?: string; url?: string; type?: string; body: string }> = [];
    const url = await serve((request, body, response) => {
      seen.push({ method: request.method, url: request.url, type: request.headers['content-type'], body });
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Field too long');
    });
    const answer = await post(`${url}/api/v1/InteractionCreate?x=1`, '{"UniqueID":"u-1"}');
    expect(seen).toEqual([
      { method: 'POST', url: '/api/v1/InteractionCreate?x=1', type: 'application/json', body: '{"UniqueID":"u-1"}' },
    ]);
    expect(answer).toEqual({ status: 400, text: 'Field too long' });
  });

  it('answers a 204 with an empty text', async () => {
    const url = await serve((_request, _body, response) => response.writeHead(204).end());
    expect(await post(`${url}/x`)).toEqual({ status: 204, text: '' });
  });

  it('reuses its connections: twenty calls one after another open at most two', async () => {
    const sockets = new Set<unknown>();
    const url = await serve((request, _body, response) => {
      sockets.add(request.socket);
      response.end('{}');
    });
    for (let call = 0; call < 20; call++) await post(`${url}/x`);
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('fails with the signal reason (a TimeoutError) when the server stalls mid-answer', async () => {
    const url = await serve((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"OK":');
    });
    const failure = await post(`${url}/x`, '{}', AbortSignal.timeout(100));
    expect((failure as Error).name).toBe('TimeoutError');
  });

  it('fails like fetch, a TypeError with the network code as cause, when nothing listens', async () => {
    const url = await serve((_request, _body, response) => response.end());
    await new Promise((resolve) => server?.close(resolve));
    const failure = await post(`${url}/x`);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed');
    expect(((failure as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });
});
