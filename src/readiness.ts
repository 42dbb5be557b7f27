// The checks behind /readyz: Caliq accepts the API key, the database takes a write, Slack accepts the bot token.
// Each asks once, without retries and within the probe's time, so a probe costs one call and logs nothing by itself.
import type { Logger } from 'pino';
import { type CaliqClient, createCaliqClient } from './caliq/index.js';
import type { Config } from './config.js';
import type { ReadinessCheck } from './health.js';
import { callSlack, DEFAULT_SLACK_API_URL, describeCaliqFailure, describeSlackFailure } from './startup-checks.js';
import type { Stores } from './store/index.js';

/** A UniqueID no entry has: the write below changes nothing, yet the database must accept a write to run it. */
export const READINESS_PROBE_ID = 'caliq-slack-readiness-probe';

/** Below /readyz's own 2 s bound, so a slow answer reads as the check's failure, not as a timeout without a name. */
const PROBE_TIMEOUT_MS = 1800;

export type ReadinessDeps = {
  /** The bot's stores: SELECT 1, then an UPDATE that matches no row, which a read-only database refuses. */
  stores: Pick<Stores, 'journal' | 'check' | 'description'>;
  logger: Logger;
  /** Tests: the Caliq client to ask (default: one of its own from config.caliq, no retries, quiet). */
  caliq?: Pick<CaliqClient, 'listChannels' | 'close'>;
  now?: () => Date;
};

export type ReadinessChecks = {
  /** caliq, database, slack: pass them to createHealthHandlers. */
  checks: ReadinessCheck[];
  /** Closes the probe's own Caliq connections. */
  close(): Promise<void>;
};

/** Builds the three checks; a failing one throws an Error whose message names the variable, host or file involved. */
export function createReadinessChecks(config: Config, deps: ReadinessDeps): ReadinessChecks {
  const now = deps.now ?? (() => new Date());
  const ownCaliq = deps.caliq === undefined;
  const caliq =
    deps.caliq ??
    createCaliqClient({
      ...config.caliq,
      retries: 0,
      timeoutMs: Math.min(config.caliq.timeoutMs, PROBE_TIMEOUT_MS),
      // The health handler logs a change of state once; the transport would warn on every failing probe.
      logger: deps.logger.child({ module: 'readiness' }, { level: 'error' }),
    });
  const apiUrl = config.slack.apiUrl ?? DEFAULT_SLACK_API_URL;
  const authTestUrl = `${apiUrl.replace(/\/+$/, '')}/auth.test`;

  const checks: ReadinessCheck[] = [
    {
      // Channel needs the key (Pulse does not), so a wrong CALIQ_API_KEY is not ready.
      name: 'caliq',
      check: async () => {
        try {
          await caliq.listChannels();
        } catch (error) {
          throw new Error(describeCaliqFailure(error, config.caliq.baseUrl).message, { cause: error });
        }
      },
    },
    {
      name: 'database',
      check: async () => {
        try {
          await deps.stores.check();
          await deps.stores.journal.noteDelayNotice(READINESS_PROBE_ID, now());
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${deps.stores.description} did not take a write: ${reason}`, { cause: error });
        }
      },
    },
    {
      name: 'slack',
      check: async () => {
        const attempt = await callSlack(apiUrl, config.slack.botToken, 'auth.test', PROBE_TIMEOUT_MS);
        if (attempt.kind !== 'ok') {
          throw new Error(describeSlackFailure(attempt, 'SLACK_BOT_TOKEN', authTestUrl), { cause: attempt.cause });
        }
      },
    },
  ];
  return { checks, close: async () => (ownCaliq ? caliq.close() : undefined) };
}
