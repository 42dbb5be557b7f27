// One Caliq POST with a per-attempt timeout and retries (503, timeout, network only) that re-send the same bytes.
import ky from 'ky';
import type { Logger } from 'pino';
import { createPooledFetch } from './pooled-fetch.js';

export type TransportOptions = {
  baseUrl: string;
  timeoutMs: number;
  /** Extra attempts after the first, for 503, timeouts and network errors only. */
  retries: number;
  retryBaseDelayMs: number;
  /** Already the client's child logger. */
  logger: Logger;
  /** Told of every attempt (retries included), e.g. for metrics; must not throw. */
  onAttempt?: AttemptObserver;
};

/** How one HTTP attempt ended, in words with a small fixed set of values. */
export type AttemptOutcome =
  | 'ok'
  | 'no_content'
  | 'bad_request'
  | 'unauthorized'
  | 'unavailable'
  | 'other_status'
  | 'timeout'
  | 'network';

export type AttemptObserver = (attempt: { endpoint: string; outcome: AttemptOutcome; durationMs: number }) => void;

const STATUS_OUTCOMES: Readonly<Record<number, AttemptOutcome>> = {
  200: 'ok',
  204: 'no_content',
  400: 'bad_request',
  401: 'unauthorized',
};

function outcomeOf(attempt: Attempt): AttemptOutcome {
  if (attempt.kind === 'answered') return STATUS_OUTCOMES[attempt.status] ?? 'other_status';
  return attempt.reason === 'service_unavailable' ? 'unavailable' : attempt.reason;
}

export type UnavailableReason = 'service_unavailable' | 'timeout' | 'network';

/** Caliq answered (any status but a final 503), or could not be used after every attempt. */
export type TransportResult =
  | { kind: 'answered'; status: number; text: string }
  | { kind: 'unavailable'; reason: UnavailableReason; cause: unknown };

/** What may be logged about a call: never the body, which carries the API key. */
export type CallContext = { uniqueId?: string };

export type Transport = {
  send(endpoint: string, body: string, context?: CallContext): Promise<TransportResult>;
  /** Closes the keep-alive connections. */
  close(): Promise<void>;
};

type Attempt = TransportResult | { kind: 'retryable'; reason: UnavailableReason; cause: unknown };

const MAX_BACKOFF_MS = 10_000;

/** Exponential backoff with jitter in [50%, 100%], so many clients retrying after one outage spread out. */
const backoffMs = (baseMs: number, attempt: number): number =>
  Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() * 0.5);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A loggable summary of a failure: name, message and a code, never the request it came from. */
function describeFailure(cause: unknown): { name: string; message: string; code?: string } {
  if (!(cause instanceof Error)) return { name: 'unknown', message: String(cause) };
  const inner = cause.cause as { code?: unknown } | undefined;
  const code = typeof inner?.code === 'string' ? inner.code : undefined;
  return { name: cause.name, message: cause.message, ...(code ? { code } : {}) };
}

/**
 * ky posts the body over a pooled undici connection (pooled-fetch.ts); the loop here owns retries because ky skips
 * POST by default and would not log each attempt. The body string is built once by the caller, so every retry sends
 * the same bytes (and the same UniqueID).
 */
export function createTransport(options: TransportOptions): Transport {
  const pool = createPooledFetch();
  const http = ky.create({
    prefixUrl: `${options.baseUrl.replace(/\/+$/, '')}/api/v1/`,
    method: 'post',
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    fetch: pool.fetch,
  });

  async function attemptOnce(endpoint: string, body: string): Promise<Attempt> {
    // One signal bounds the whole attempt, body read included, so a server that stalls mid-answer still times out.
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await http.post(endpoint, { body, signal });
      const text = await response.text();
      if (response.status === 503) {
        return { kind: 'retryable', reason: 'service_unavailable', cause: new Error(`HTTP 503 ${text}`.trim()) };
      }
      return { kind: 'answered', status: response.status, text };
    } catch (error) {
      const timedOut = signal.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
      return { kind: 'retryable', reason: timedOut ? 'timeout' : 'network', cause: error };
    }
  }

  async function send(endpoint: string, body: string, context: CallContext = {}): Promise<TransportResult> {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const result = await attemptOnce(endpoint, body);
      const elapsedMs = performance.now() - started;
      options.onAttempt?.({ endpoint, outcome: outcomeOf(result), durationMs: elapsedMs });
      const durationMs = Math.round(elapsedMs);
      const fields = { endpoint, attempt, durationMs, ...(context.uniqueId ? { uniqueId: context.uniqueId } : {}) };
      if (result.kind !== 'retryable') {
        options.logger.info(
          { ...fields, status: result.kind === 'answered' ? result.status : undefined },
          'caliq call',
        );
        return result;
      }
      const willRetry = attempt <= options.retries;
      options.logger.warn(
        {
          ...fields,
          status: result.reason === 'service_unavailable' ? 503 : undefined,
          reason: result.reason,
          failure: describeFailure(result.cause),
          willRetry,
        },
        'caliq call failed',
      );
      if (!willRetry) return { kind: 'unavailable', reason: result.reason, cause: result.cause };
      await sleep(backoffMs(options.retryBaseDelayMs, attempt));
    }
  }

  return { send, close: () => pool.close() };
}
