// Caliq POSTs on undici's pool, retried here, not by ky: each attempt logged and observed, the same bytes re-sent.
import type { Logger } from 'pino';
import { backoffDelay, startDeadline } from '../timing/index.js';
import { createPooledPost } from './pooled-fetch.js';

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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A loggable summary of a failure: name, message and a code, never the request it came from. */
function describeFailure(cause: unknown): { name: string; message: string; code?: string } {
  if (!(cause instanceof Error)) return { name: 'unknown', message: String(cause) };
  const inner = cause.cause as { code?: unknown } | undefined;
  const code = typeof inner?.code === 'string' ? inner.code : undefined;
  return { name: cause.name, message: cause.message, ...(code ? { code } : {}) };
}

const HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** The body string is built once by the caller, so every retry sends the same bytes (and the same UniqueID). */
export function createTransport(options: TransportOptions): Transport {
  const pool = createPooledPost();
  const prefix = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/`;
  const backoff = { baseMs: options.retryBaseDelayMs, maxMs: MAX_BACKOFF_MS };

  async function attemptOnce(endpoint: string, body: string): Promise<Attempt> {
    // One signal bounds the whole attempt, body read included, so a server that stalls mid-answer still times out.
    const deadline = startDeadline(options.timeoutMs);
    const { signal } = deadline;
    try {
      const { status, text } = await pool.post(`${prefix}${endpoint}`, body, { headers: HEADERS, signal });
      if (status === 503) {
        return { kind: 'retryable', reason: 'service_unavailable', cause: new Error(`HTTP 503 ${text}`.trim()) };
      }
      return { kind: 'answered', status, text };
    } catch (error) {
      const timedOut = signal.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
      return { kind: 'retryable', reason: timedOut ? 'timeout' : 'network', cause: error };
    } finally {
      deadline.done();
    }
  }

  const host = new URL(options.baseUrl).host;

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
          // Which Caliq could not be used, so the operator can check that host (never the path or the body).
          host,
          status: result.reason === 'service_unavailable' ? 503 : undefined,
          reason: result.reason,
          failure: describeFailure(result.cause),
          willRetry,
        },
        'caliq call failed',
      );
      if (!willRetry) return { kind: 'unavailable', reason: result.reason, cause: result.cause };
      await sleep(backoffDelay(attempt, backoff));
    }
  }

  return { send, close: () => pool.close() };
}
