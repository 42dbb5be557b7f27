// /healthz (the process is alive) and /readyz (each readiness check passes), as plain HTTP handlers and a small server.
// Readiness results are cached for a short time and shared by concurrent probes, and only changes are logged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export type ReadinessCheck = { name: string; check: () => Promise<void> | void };

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export type CheckResult = { name: string; ok: boolean; error?: string };

export type ReadinessReport = { status: 'ready' | 'not ready'; failed: string[]; checks: CheckResult[] };

export type HealthHandlers = {
  healthz: Handler;
  readyz: Handler;
  /** What /readyz answers, for callers other than HTTP. */
  readiness(): Promise<ReadinessReport>;
};

export type HealthOptions = {
  /**
   * How long one result is reused (READINESS_CACHE_SECONDS): a probe every second then costs Caliq and Slack one call
   * per interval. 0 asks on every probe; concurrent probes always share one call.
   */
  cacheMs?: number;
  /** The longest one check may take before it counts as failed. */
  timeoutMs?: number;
  /** Told once when a check starts failing (warn) and once when it passes again (info). */
  logger?: Logger;
  now?: () => number;
};

const CHECK_TIMEOUT_MS = 2000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(check.check),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { name: check.name, ok: true };
  } catch (error) {
    return { name: check.name, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** One check with its last result, reused for `cacheMs`, and at most one run in flight. */
function cacheCheck(check: ReadinessCheck, options: Required<Omit<HealthOptions, 'logger'>> & { logger?: Logger }) {
  let last: { result: CheckResult; at: number } | undefined;
  let running: Promise<CheckResult> | undefined;
  const log = options.logger?.child({ module: 'readiness' });

  const noteChange = (before: CheckResult | undefined, after: CheckResult) => {
    if (!after.ok && (before === undefined || before.ok)) {
      log?.warn({ check: after.name, error: after.error }, `readiness check ${after.name} is failing: ${after.error}`);
    } else if (after.ok && before && !before.ok) {
      log?.info({ check: after.name }, `readiness check ${after.name} passes again`);
    }
  };

  return (): Promise<CheckResult> => {
    if (last && options.now() - last.at < options.cacheMs) return Promise.resolve(last.result);
    running ??= runCheck(check, options.timeoutMs).then((result) => {
      noteChange(last?.result, result);
      last = { result, at: options.now() };
      running = undefined;
      return result;
    });
    return running;
  };
}

export function createHealthHandlers(checks: readonly ReadinessCheck[], options: HealthOptions = {}): HealthHandlers {
  const settings = {
    cacheMs: options.cacheMs ?? 0,
    timeoutMs: options.timeoutMs ?? CHECK_TIMEOUT_MS,
    now: options.now ?? Date.now,
    ...(options.logger ? { logger: options.logger } : {}),
  };
  const cached = checks.map((check) => cacheCheck(check, settings));
  const readiness = async (): Promise<ReadinessReport> => {
    const results = await Promise.all(cached.map((run) => run()));
    const failed = results.filter((result) => !result.ok).map((result) => result.name);
    return { status: failed.length === 0 ? 'ready' : 'not ready', failed, checks: results };
  };
  return {
    healthz: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    readyz: (_req, res) => {
      void readiness().then((report) => sendJson(res, report.status === 'ready' ? 200 : 503, report));
    },
    readiness,
  };
}

/**
 * A small server for the health routes (and any other GET routes, e.g. /metrics): in Socket Mode, where Bolt serves no
 * HTTP, and on HEALTH_PORT, so /metrics and /readyz need not share the port Slack's requests arrive on.
 */
export async function startHealthServer(
  port: number,
  handlers: HealthHandlers,
  moreRoutes: Readonly<Record<string, Handler>> = {},
  host?: string,
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
    server.listen(port, host, () => resolve());
  });
  return server;
}
