// /healthz (the process is alive) and /readyz (Caliq answers Pulse and the database answers), as plain HTTP handlers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type ReadinessCheck = { name: string; check: () => Promise<void> | void };

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export type HealthHandlers = { healthz: Handler; readyz: Handler };

const CHECK_TIMEOUT_MS = 2000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function runCheck(check: ReadinessCheck): Promise<{ name: string; ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(check.check),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name: check.name, ok: true };
  } catch (error) {
    return { name: check.name, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function createHealthHandlers(checks: readonly ReadinessCheck[]): HealthHandlers {
  return {
    healthz: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    readyz: (_req, res) => {
      void Promise.all(checks.map(runCheck)).then((results) => {
        const ready = results.every((result) => result.ok);
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: results });
      });
    },
  };
}

/** A small server for the health routes (and any other GET routes, e.g. /metrics) when Bolt serves no HTTP (Socket Mode). */
export async function startHealthServer(
  port: number,
  handlers: HealthHandlers,
  moreRoutes: Readonly<Record<string, Handler>> = {},
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && path === '/healthz') return handlers.healthz(req, res);
    if (req.method === 'GET' && path === '/readyz') return handlers.readyz(req, res);
    const more = moreRoutes[path];
    if (req.method === 'GET' && more) return more(req, res);
    sendJson(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}
