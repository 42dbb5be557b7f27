// Start-up checks: Slack accepts the bot token (and the app token in Socket Mode) and Caliq the API key, within a bound.
import { ErrorCode, LogLevel, type RetryOptions, WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import {
  type CaliqClient,
  CaliqError,
  CaliqUnauthorizedError,
  CaliqUnavailableError,
  createCaliqClient,
} from './caliq/index.js';
import type { Config } from './config.js';

/** Slack's Web API when SLACK_API_URL is not set. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/**
 * For the bot's Slack Web API client (clientOptions.retryConfig): three retries over about 7 s, instead of the SDK's
 * default ten over about 30 minutes, during which start-up (auth.test) or a shutdown would simply hang.
 */
export const BOUNDED_SLACK_RETRIES: RetryOptions = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 4000 };

/** Exit code when a credential was refused: restarting will not help (systemd: RestartPreventExitStatus=78). */
export const EXIT_REFUSED = 78;
/** Exit code when something could not be reached or answered oddly: a later restart may succeed. */
export const EXIT_UNREACHABLE = 1;

export type StartupProblem = {
  check: 'slack-bot-token' | 'slack-app-token' | 'caliq';
  /** A plain sentence naming the variable or URL involved and what to do; never a secret. */
  message: string;
  exitCode: number;
  cause?: unknown;
};

/** One or more checks failed; `problems` says which, the message lists them all. */
export class StartupCheckError extends Error {
  override readonly name = 'StartupCheckError';
  readonly problems: readonly StartupProblem[];
  /** 78 when any credential was refused, else 1. */
  readonly exitCode: number;

  constructor(problems: readonly StartupProblem[]) {
    super(
      problems.length === 1
        ? (problems[0]?.message ?? '')
        : `${problems.length} start-up checks failed:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
      { cause: problems[0]?.cause },
    );
    this.problems = problems;
    this.exitCode = problems.some((p) => p.exitCode === EXIT_REFUSED) ? EXIT_REFUSED : EXIT_UNREACHABLE;
  }
}

export type StartupCheckOptions = {
  logger: Logger;
  /** Default config.startup.timeoutMs (STARTUP_TIMEOUT_SECONDS). */
  timeoutMs?: number;
  /** Tests: the Caliq client to ask (default: one made from config.caliq with no retries). */
  caliq?: Pick<CaliqClient, 'listChannels' | 'close'>;
};

export type StartupCheckResult = {
  /** Who Slack says the bot is (auth.test). */
  slack: { team: string | undefined; botUserId: string | undefined };
  /** Problems that do not stop the bot (Caliq unreachable: submissions wait in the journal), already logged. */
  warnings: StartupProblem[];
};

/** The innermost error code or message of a network failure (ECONNREFUSED, ENOTFOUND, a timeout …), for people. */
export function describeNetworkFailure(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  let deepestMessage = error instanceof Error ? error.message : String(error);
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
    if (typeof message === 'string' && message) deepestMessage = message;
    const next = current as { cause?: unknown; original?: unknown };
    current = next.original ?? next.cause;
  }
  return deepestMessage;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type SlackAttempt =
  | { kind: 'ok'; body: Record<string, unknown> }
  | { kind: 'refused'; error: string; cause: unknown }
  | { kind: 'http'; status: number; cause: unknown }
  | { kind: 'unreachable'; reason: string; cause: unknown };

/** One Web API call with no retries of the SDK's own: the caller decides, against its deadline. */
export async function callSlack(
  apiUrl: string,
  token: string,
  method: string,
  timeoutMs: number,
): Promise<SlackAttempt> {
  const client = new WebClient(token, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    timeout: Math.max(1, Math.round(timeoutMs)),
    logLevel: LogLevel.ERROR,
  });
  try {
    return { kind: 'ok', body: (await client.apiCall(method)) as unknown as Record<string, unknown> };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === ErrorCode.PlatformError) {
      return { kind: 'refused', error: String((error as { data?: { error?: unknown } }).data?.error), cause: error };
    }
    if (code === ErrorCode.HTTPError) {
      return { kind: 'http', status: Number((error as { statusCode?: unknown }).statusCode), cause: error };
    }
    return { kind: 'unreachable', reason: describeNetworkFailure(error), cause: error };
  }
}

/** Retries what may pass (no answer, HTTP 5xx, rate limits) until the deadline; returns the last attempt. */
async function callSlackUntil(apiUrl: string, token: string, method: string, deadline: number): Promise<SlackAttempt> {
  for (let wait = 500; ; wait = Math.min(wait * 2, 4000)) {
    const remaining = deadline - Date.now();
    const attempt = await callSlack(apiUrl, token, method, Math.min(10_000, remaining));
    const passing =
      attempt.kind === 'unreachable' ||
      (attempt.kind === 'http' && (attempt.status >= 500 || attempt.status === 429)) ||
      (attempt.kind === 'refused' && attempt.error === 'ratelimited');
    if (!passing || Date.now() + wait >= deadline) return attempt;
    await sleep(wait);
  }
}

/** A sentence naming the token's variable (refused) or the URL (unreachable, odd answer), and what to do. */
export function describeSlackFailure(
  attempt: Exclude<SlackAttempt, { kind: 'ok' }>,
  variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN',
  url: string,
  withinSeconds?: number,
): string {
  const method = url.slice(url.lastIndexOf('/') + 1);
  if (attempt.kind === 'refused') {
    const fix =
      variable === 'SLACK_BOT_TOKEN'
        ? 'copy the Bot User OAuth Token (xoxb-…) from the Slack app page → OAuth & Permissions (reinstall the app if it was revoked)'
        : 'create an app-level token with the connections:write scope (Slack app page → Basic Information → App-Level Tokens)';
    return `Slack refused ${variable} (${method} answered ${attempt.error}): ${fix}.`;
  }
  if (attempt.kind === 'http') {
    return `Slack's Web API at ${url} answered HTTP ${attempt.status} while checking ${variable}; check SLACK_API_URL (empty for ${DEFAULT_SLACK_API_URL}).`;
  }
  const within = withinSeconds === undefined ? '' : ` within ${withinSeconds} s`;
  return `Slack's Web API at ${url} could not be reached${within} (${attempt.reason}) while checking ${variable}; check the network, any proxy, and SLACK_API_URL.`;
}

function slackProblem(
  attempt: Exclude<SlackAttempt, { kind: 'ok' }>,
  variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN',
  url: string,
  seconds: number,
): StartupProblem {
  const refused = attempt.kind === 'refused' && attempt.error !== 'ratelimited';
  return {
    check: variable === 'SLACK_BOT_TOKEN' ? 'slack-bot-token' : 'slack-app-token',
    exitCode: refused ? EXIT_REFUSED : EXIT_UNREACHABLE,
    message: describeSlackFailure(attempt, variable, url, seconds),
    cause: attempt.cause,
  };
}

/** How a failed Caliq call reads to an operator: the key refused, Caliq away, or a URL that is not Caliq's API. */
export function describeCaliqFailure(
  error: unknown,
  baseUrl: string,
): { kind: 'refused' | 'unreachable' | 'not-caliq'; message: string } {
  const endpoint = error instanceof CaliqError ? error.endpoint : undefined;
  if (error instanceof CaliqUnauthorizedError) {
    return {
      kind: 'refused',
      message: `Caliq at ${baseUrl} refused CALIQ_API_KEY (401 on ${endpoint}): set the key issued by Caliq support.`,
    };
  }
  if (error instanceof CaliqUnavailableError) {
    const why =
      error.reason === 'service_unavailable'
        ? 'answered 503'
        : `could not be reached (${describeNetworkFailure(error.cause)})`;
    return { kind: 'unreachable', message: `Caliq at ${baseUrl} ${why} on ${endpoint}` };
  }
  // An answer the client cannot use (HTML, 404, 400) means CALIQ_BASE_URL points at something that is not Caliq's API.
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'not-caliq',
    message: `Caliq at ${baseUrl} did not answer like Caliq's API (${detail}); check CALIQ_BASE_URL (the API host, without /api/v1).`,
  };
}

function caliqProblem(error: unknown, baseUrl: string): StartupProblem & { fatal: boolean } {
  const { kind, message } = describeCaliqFailure(error, baseUrl);
  return {
    check: 'caliq',
    fatal: kind !== 'unreachable',
    exitCode: kind === 'refused' ? EXIT_REFUSED : EXIT_UNREACHABLE,
    message:
      kind === 'unreachable'
        ? `${message}; starting anyway: interactions wait in the journal until Caliq answers. Check CALIQ_BASE_URL if this lasts.`
        : message,
    cause: error,
  };
}

/**
 * Asks Slack auth.test with the bot token, apps.connections.open with the app token (Socket Mode) and Caliq's Channel
 * list with the API key, all at once and within `timeoutMs` in total. Throws StartupCheckError naming every refused
 * or unreachable part; an unreachable Caliq is only a warning, since the journal holds interactions until it is back.
 */
export async function runStartupChecks(config: Config, options: StartupCheckOptions): Promise<StartupCheckResult> {
  const log = options.logger.child({ module: 'startup-checks' });
  const timeoutMs = options.timeoutMs ?? config.startup.timeoutMs;
  const seconds = Math.round(timeoutMs / 100) / 10;
  const deadline = Date.now() + timeoutMs;
  const apiUrl = config.slack.apiUrl ?? DEFAULT_SLACK_API_URL;
  const urlOf = (method: string) => `${apiUrl.replace(/\/+$/, '')}/${method}`;

  const botCheck = callSlackUntil(apiUrl, config.slack.botToken, 'auth.test', deadline);
  const appToken = config.slack.socketMode ? config.slack.appToken : undefined;
  const appCheck = appToken ? callSlackUntil(apiUrl, appToken, 'apps.connections.open', deadline) : undefined;
  const caliq =
    options.caliq ??
    createCaliqClient({
      ...config.caliq,
      retries: 0,
      timeoutMs: Math.min(config.caliq.timeoutMs, timeoutMs),
      // Its failure is reported below in one sentence; the transport's own warning would say it twice.
      logger: options.logger.child({ module: 'startup-checks' }, { level: 'error' }),
    });
  const caliqCheck = caliq.listChannels().then(
    () => undefined,
    (error: unknown) => caliqProblem(error, config.caliq.baseUrl),
  );

  const [bot, app, caliqResult] = await Promise.all([botCheck, appCheck, caliqCheck]);
  if (!options.caliq) await caliq.close();
  const problems: StartupProblem[] = [];
  if (bot.kind !== 'ok') problems.push(slackProblem(bot, 'SLACK_BOT_TOKEN', urlOf('auth.test'), seconds));
  if (app && app.kind !== 'ok') {
    problems.push(slackProblem(app, 'SLACK_APP_TOKEN', urlOf('apps.connections.open'), seconds));
  }
  const warnings: StartupProblem[] = [];
  if (caliqResult) {
    const { fatal, ...problem } = caliqResult;
    (fatal ? problems : warnings).push(problem);
  }
  if (problems.length > 0) throw new StartupCheckError(problems);
  for (const warning of warnings) log.warn({ check: warning.check }, warning.message);
  const body = bot.kind === 'ok' ? bot.body : {};
  const result = {
    slack: {
      team: typeof body.team === 'string' ? body.team : undefined,
      botUserId: typeof body.user_id === 'string' ? body.user_id : undefined,
    },
    warnings,
  };
  log.info(
    { team: result.slack.team, caliq: config.caliq.baseUrl, caliqReachable: warnings.length === 0 },
    'start-up checks passed',
  );
  return result;
}
