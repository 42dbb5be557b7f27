// Entry point: refuse an old Node.js, load .env (from the home folder) and the config, check Slack, Caliq and the
// database, start the bot, stop gracefully on SIGTERM/SIGINT.
import path from 'node:path';
import type { Config } from './config.js';
import { unsupportedNodeMessage } from './node-version.js';

const tooOld = unsupportedNodeMessage(process.versions.node);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(1);
}

/** The error's message, then each `cause` that adds something (a driver's or the system's own words), on one line. */
function describeWithCauses(error: unknown): string {
  let text = error instanceof Error ? error.message : String(error);
  const seen = new Set<unknown>([error]);
  let cause = error instanceof Error ? error.cause : undefined;
  while (cause !== undefined && !seen.has(cause)) {
    seen.add(cause);
    const words = cause instanceof Error ? cause.message : String(cause);
    const code = (cause as { code?: unknown }).code;
    const detail = typeof code === 'string' && !words.includes(code) ? `${words} (${code})` : words;
    if (detail && !text.includes(words)) text += `; cause: ${detail}`;
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return text.replace(/\s*\n\s*/g, ' ');
}

async function main(): Promise<void> {
  // Dates are computed in each user's IANA zone; chrono-node does part of its arithmetic in the process zone, which
  // must therefore have no daylight-saving changes of its own.
  process.env.TZ = 'UTC';
  // Loaded only after the version check, since on an older Node.js these modules could crash before saying why.
  const { default: dotenv } = await import('dotenv');
  const { ConfigError, homeFolder, loadConfig, secretsOf } = await import('./config.js');
  const { createLogger } = await import('./logger.js');
  const { runStartupChecks, StartupCheckError } = await import('./startup-checks.js');
  const { createBot } = await import('./bot.js');

  // The .env beside the app (or in CALIQ_SLACK_HOME), never one in whatever folder the bot was started from.
  dotenv.config({ path: path.join(homeFolder(), '.env'), quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, secrets: secretsOf(config) });
  logger.info(
    {
      home: config.home,
      database: config.database.url ? 'PostgreSQL (DATABASE_URL)' : config.database.path,
      employeeMap: config.people.employeeMapPath,
    },
    'caliq-slack is starting',
  );
  // Opens (and migrates) the database first: a wrong path or an unreachable server is named before anything else.
  const bot = await createBot(config, { logger });
  try {
    await runStartupChecks(config, { logger });
  } catch (error) {
    if (error instanceof StartupCheckError) {
      process.stderr.write(`caliq-slack could not start: ${error.message}\n`);
      process.exit(error.exitCode);
    }
    throw error;
  }

  let stopping = false;
  // The log is written asynchronously: exiting with a write still in flight loses or reorders the last lines
  // ("caliq-slack stopped"), so the logger is flushed first.
  const exitAfterFlush = (code: number) => logger.flush(() => process.exit(code));
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    bot.stop().then(
      () => exitAfterFlush(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exitAfterFlush(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await bot.start();
}

main().catch(async (error: unknown) => {
  const { secretsOfEnvironment } = await import('./config.js');
  const { scrubSecrets } = await import('./logger.js');
  const known = secretsOfEnvironment(process.env);
  process.stderr.write(`caliq-slack could not start: ${scrubSecrets(describeWithCauses(error), known)}\n`);
  process.exit(1);
});
