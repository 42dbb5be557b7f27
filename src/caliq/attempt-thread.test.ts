import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AttemptThread, createAttemptThread } from './attempt-thread.js';

describe('createAttemptThread', () => {
  let server: Server;
  let prefixUrl: string;
  let thread: AttemptThread;
  const seen: Array<{ url: string | undefined; body: string }> = [];

  beforeEach(async () => {
    seen.length = 0;
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        seen.push({ url: request.url, body });
        if (request.url?.endsWith('/Stall')) return; // never answers
        response.writeHead(request.url?.endsWith('/Busy') ? 503 : 200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ echo: body.length }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    prefixUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`;
    thread = createAttemptThread({ prefixUrl });
  });

  afterEach(async () => {
    await thread.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the exact bytes from the thread and returns status and text, many calls at once', async () => {
    const bodies = Array.from({ length: 20 }, (_, index) => JSON.stringify({ n: index, pad: 'x'.repeat(index) }));
    const answers = await Promise.all(bodies.map((body) => thread.post('InteractionCreate', body, 2000)));
    expect(answers).toEqual(bodies.map((body) => ({ kind: 'answer', status: 200, text: `{"echo":${body.length}}` })));
    expect(seen.map((request) => request.url)).toEqual(bodies.map(() => '/api/v1/InteractionCreate'));
    expect(seen.map((request) => request.body).sort()).toEqual([...bodies].sort());
  });

  it('returns any status as an answer (the transport decides what 503 means)', async () => {
    expect(await thread.post('Busy', '{}', 2000)).toMatchObject({ kind: 'answer', status: 503 });
  });

  it('ends a call Caliq never answers as a timeout', async () => {
    const raw = await thread.post('Stall', '{}', 150);
    expect(raw).toMatchObject({ kind: 'no_answer', timedOut: true });
  });

  it('ends a refused connection as no answer with the network code, not a timeout', async () => {
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
    const closed = createAttemptThread({ prefixUrl: `http://127.0.0.1:${port}/api/v1/` });
    try {
      const raw = await closed.post('Pulse', '{}', 2000);
      expect(raw.kind).toBe('no_answer');
      if (raw.kind !== 'no_answer') return;
      expect(raw.timedOut).toBe(false);
      expect((raw.cause.cause as { code?: string } | undefined)?.code).toBe('ECONNREFUSED');
    } finally {
      await closed.close();
    }
  });

  it('ends waiting calls when closed, then starts a new thread for the next call', async () => {
    const waiting = thread.post('Stall', '{}', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await thread.close();
    expect(await waiting).toMatchObject({ kind: 'no_answer', timedOut: false });
    expect(await thread.post('Pulse', '{}', 2000)).toMatchObject({ kind: 'answer', status: 200 });
  });
});
