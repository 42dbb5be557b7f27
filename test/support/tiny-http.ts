// A few-line HTTP server on loopback that answers each path as a test says, and a port where nobody listens.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TinyAnswer = { status?: number; json?: unknown; text?: string } | 'hang';

export type TinyRequest = { path: string; authorization: string | undefined; body: string };

export type TinyServer = {
  url: string;
  requests: TinyRequest[];
  /** Sets how a path (e.g. /api/auth.test) is answered from now on; unknown paths get 404. */
  answer(path: string, answer: TinyAnswer | ((request: TinyRequest) => TinyAnswer)): void;
  close(): Promise<void>;
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => resolve(body));
  });

export async function startTinyServer(): Promise<TinyServer> {
  const answers = new Map<string, TinyAnswer | ((request: TinyRequest) => TinyAnswer)>();
  const requests: TinyRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const request = {
      path: (req.url ?? '').split('?')[0] ?? '',
      authorization: req.headers.authorization,
      body: await readBody(req),
    };
    requests.push(request);
    const found = answers.get(request.path);
    const answer = typeof found === 'function' ? found(request) : (found ?? { status: 404, text: 'Not Found' });
    if (answer === 'hang') return;
    if (answer.json !== undefined) {
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.json));
    } else {
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/html' });
      res.end(answer.text ?? '');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, answer) => void answers.set(path, answer),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was free a moment ago: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
