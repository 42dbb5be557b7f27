// Entry point: load .env and the config, start the bot, stop gracefully on SIGTERM/SIGINT.
import 'dotenv/config';
import { createBot } from './bot.js';
import { ConfigError, databasePasswords, loadConfig, secretsOf } from './config.js';
import { createLogger, scrubSecrets } from './logger.js';

async function main(): Promise<void> {
  // Dates are computed in each user's IANA zone; chrono-node does part of its arithmetic in the process zone, which
  // must therefore have no daylight-saving changes of its own.
  process.env.TZ = 'UTC';
  let config: ReturnType<typeof loadConfig>;
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
  const bot = await createBot(config, { logger });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await bot.start();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const secrets = [
    process.env.SLACK_BOT_TOKEN,
    process.env.SLACK_SIGNING_SECRET,
    process.env.SLACK_APP_TOKEN,
    process.env.CALIQ_API_KEY,
  ];
  const known = [
    ...secrets.filter((value): value is string => typeof value === 'string' && value.length >= 6),
    ...databasePasswords(process.env.DATABASE_URL),
  ];
  process.stderr.write(`caliq-slack could not start: ${scrubSecrets(message, known)}\n`);
  process.exit(1);
});
