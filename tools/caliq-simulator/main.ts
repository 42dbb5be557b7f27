// Runs the Caliq simulator on its own (npm run caliq:sim) so the bot can be pointed at it during development.
import { createLogger } from '../../src/logger.js';
import { loadSimulatorSeed } from './seed.js';
import { startCaliqSimulator } from './server.js';

const rate = (name: string): number | undefined => {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more, got ${text}`);
  return value;
};

const apiKey = process.env.CALIQ_SIM_API_KEY || 'sim-api-key';
// No secrets list: the simulator's key is a development key, and showing it is how the developer learns it.
const logger = createLogger({ level: process.env.LOG_LEVEL || 'debug', pretty: true });
const seedPath = process.env.CALIQ_SIM_SEED;
const latencyMs = rate('CALIQ_SIM_LATENCY_MS');
const unavailableRate = rate('CALIQ_SIM_UNAVAILABLE_RATE');
const generatedCustomers = rate('CALIQ_SIM_CUSTOMERS');

const simulator = await startCaliqSimulator({
  port: rate('CALIQ_SIM_PORT') ?? 4010,
  apiKey,
  logger,
  ...(seedPath ? { seed: loadSimulatorSeed(seedPath) } : {}),
  ...(generatedCustomers ? { generatedCustomers: Math.round(generatedCustomers) } : {}),
  faults: {
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(unavailableRate !== undefined ? { unavailableRate } : {}),
  },
});

logger.info(
  { url: simulator.url, seed: seedPath ?? 'bundled seed.json', generatedCustomers, latencyMs, unavailableRate },
  `Caliq simulator listening on ${simulator.url}; point the bot at it with CALIQ_BASE_URL=${simulator.url} CALIQ_API_KEY=${apiKey}`,
);

const shutDown = (signal: string): void => {
  logger.info({ signal }, 'Caliq simulator stopping');
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'Caliq simulator did not close cleanly');
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => shutDown('SIGINT'));
process.once('SIGTERM', () => shutDown('SIGTERM'));
