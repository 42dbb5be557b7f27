// Wiring only: builds the database, Caliq client, people directory, delivery, reminders and the Bolt app from a Config.

import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { App, type CustomRoute } from '@slack/bolt';
import { v4 as uuidv4 } from 'uuid';
import { createAccountDirectory } from './accounts/index.js';
import { createCaliqClient, createCaliqReferenceData } from './caliq/index.js';
import { createLinkedChannels } from './channels/linked-channels.js';
import { type Config, secretsOf } from './config.js';
import { createDeliveryService } from './delivery/index.js';
import { createHealthHandlers, startHealthServer } from './health.js';
import { COMMAND } from './ids.js';
import { timeAcks } from './listeners/ack-timing.js';
import { type ListenerDeps, registerListeners } from './listeners/index.js';
import { createLogger, type Logger, toBoltLogger } from './logger.js';
import {
  countReminders,
  createMetrics,
  createMetricsHandler,
  type Metrics,
  observeSlackFetch,
} from './metrics/index.js';
import { createPeopleDirectory, loadEmployeeMap } from './people/index.js';
import { createReminderScheduler, type ReminderScheduler } from './reminders/index.js';
import { createDeliveryNotices } from './slack/delivery-notices.js';
import { createHomeRefresher, createHomeViewBuilder, withHomeRefresh } from './slack/home-refresher.js';
import { createNotifier } from './slack/notifier.js';
import { createSlackPeoplePort } from './slack/people-port.js';
import { createReminderSender } from './slack/reminder-sender.js';
import { createStores } from './store/index.js';
import type { JournalEntry } from './store/types.js';

export type BotOptions = {
  logger?: Logger;
  now?: () => Date;
  /** Tests that drive the reminder loop by hand (`scheduler.runOnce()`) keep it from starting its own timer. */
  startReminderLoop?: boolean;
  /** Tests: no retries from the Slack client, so a failing fake never stalls a test. */
  slackRetries?: number;
};

export type Bot = {
  app: App;
  deps: ListenerDeps;
  /** The reminder loop (tests drive `runOnce()` with an injected clock). */
  scheduler: ReminderScheduler;
  /** Its Prometheus metrics (a registry of its own), when METRICS_ENABLED. */
  metrics: Metrics | undefined;
  /** Starts listening (HTTP or Socket Mode), the delivery worker and the reminder loop. Resolves with the HTTP port. */
  start(): Promise<{ port: number | undefined }>;
  stop(): Promise<void>;
};

export async function createBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  const logger =
    options.logger ?? createLogger({ level: config.log.level, pretty: config.log.pretty, secrets: secretsOf(config) });
  const log = logger.child({ module: 'bot' });
  const now = options.now ?? (() => new Date());

  const stores = await createStores(config.database, { log: logger.child({ module: 'store' }) });
  const metrics = config.metrics.enabled ? createMetrics() : undefined;
  const { journal, prefs } = stores;
  const reminders = metrics ? countReminders(stores.reminders, metrics) : stores.reminders;
  const links = createLinkedChannels({ store: stores.channelLinks, logger });
  metrics?.watchJournal(journal, now);

  const caliq = createCaliqClient({ ...config.caliq, logger, onAttempt: metrics?.caliqCall });
  const reference = createCaliqReferenceData(caliq, { ttlMs: config.caliq.referenceTtlMs, logger });
  const accounts = createAccountDirectory({
    customers: () => reference.customers.current(),
    namedCustomers: () => reference.customerNames.current(),
    logger,
  });

  const employeeMap = loadEmployeeMap(config.people.employeeMapPath);
  if (employeeMap.missing) {
    log.warn(
      { path: config.people.employeeMapPath },
      'employee map file not found; using profile field and Caliq list only',
    );
  }

  const health = createHealthHandlers([
    { name: 'caliq', check: async () => void (await caliq.pulse()) },
    { name: 'database', check: () => stores.check() },
  ]);
  const routes: CustomRoute[] = [
    { path: '/healthz', method: ['GET'], handler: health.healthz },
    { path: '/readyz', method: ['GET'], handler: health.readyz },
  ];
  const metricsHandler = metrics
    ? createMetricsHandler(metrics, (error) => log.error({ err: error }, 'could not collect metrics'))
    : undefined;
  if (metricsHandler) routes.push({ path: '/metrics', method: ['GET'], handler: metricsHandler });

  const clientOptions = {
    // Every Slack call is bounded, so a hung connection can't hold a reminder or a shutdown forever.
    timeout: 10_000,
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...(options.slackRetries !== undefined ? { retryConfig: { retries: options.slackRetries } } : {}),
    ...(metrics ? { fetch: observeSlackFetch(metrics) } : {}),
  };
  const app = config.slack.socketMode
    ? new App({
        token: config.slack.botToken,
        appToken: config.slack.appToken,
        socketMode: true,
        logger: toBoltLogger(logger),
        clientOptions,
        deferInitialization: true,
      })
    : new App({
        token: config.slack.botToken,
        signingSecret: config.slack.signingSecret,
        logger: toBoltLogger(logger),
        clientOptions,
        customRoutes: routes,
        deferInitialization: true,
      });

  if (metrics) timeAcks(app, metrics.ack);

  const notifier = createNotifier({ client: app.client, logger });
  const people = createPeopleDirectory({
    employeeMap,
    profileFieldLabel: config.people.profileFieldLabel,
    slack: createSlackPeoplePort(app.client),
    employees: () => reference.employees.current(),
    prefs,
    logger,
    fallbackTimeZone: config.caliq.timeZone,
  });

  const home = createHomeRefresher({
    client: app.client,
    logger,
    buildView: createHomeViewBuilder({
      journal,
      reminders,
      links,
      people,
      now,
      fallbackTimeZone: config.caliq.timeZone,
      command: COMMAND,
    }),
  });

  const scheduler = createReminderScheduler({
    store: reminders,
    deliver: createReminderSender({ notifier, people, now }),
    now,
    owner: `${hostname()}:${process.pid}:${uuidv4().slice(0, 8)}`,
    logger,
    pollIntervalMs: config.reminders.pollIntervalMs,
  });

  const createReminderFor = async (entry: JournalEntry) => {
    const followUp = entry.interaction.followUp;
    if (!followUp || !entry.followUpSlackUserId) return;
    await reminders.create(
      {
        uniqueId: entry.uniqueId,
        recipientSlackUserId: entry.followUpSlackUserId,
        loggedBySlackUserId: entry.slackUserId,
        dueAt: new Date(followUp.at),
        interaction: entry.interaction,
      },
      now(),
    );
    scheduler.nudge();
  };

  const delivery = createDeliveryService({
    journal,
    caliq,
    notices: withHomeRefresh(createDeliveryNotices({ notifier, people, config }), home),
    logger,
    now,
    onLogged: createReminderFor,
    giveUpAfterMs: config.delivery.giveUpAfterMs,
    leaseMs: config.delivery.leaseMs,
    pollIntervalMs: config.delivery.pollIntervalMs,
    backoff: { baseMs: config.delivery.retryBaseMs, maxMs: config.delivery.retryMaxMs },
    concurrency: config.delivery.concurrency,
    ...(metrics ? { observer: { journaled: metrics.interactionJournaled, outcome: metrics.deliveryOutcome } } : {}),
  });

  const deps: ListenerDeps = {
    config,
    logger,
    now,
    newUniqueId: uuidv4,
    reference,
    accounts,
    people,
    prefs,
    journal,
    reminders,
    delivery,
    notifier,
    links,
    home,
    nudgeReminders: () => scheduler.nudge(),
  };
  registerListeners(app, deps);
  app.error(async (error) => {
    log.error({ err: error }, 'unhandled error in a listener');
  });

  let healthServer: Server | undefined;
  let httpServer: Server | undefined;

  return {
    app,
    deps,
    scheduler,
    metrics,
    async start() {
      await app.init();
      // The search index is built once the lists are in, not by the first user who types.
      void reference.warmUp().then(() => accounts.index());
      await links.start();
      let port: number | undefined;
      if (config.slack.socketMode) {
        await app.start();
        healthServer = await startHealthServer(
          config.slack.port,
          health,
          metricsHandler ? { '/metrics': metricsHandler } : {},
        );
        port = addressPort(healthServer);
      } else {
        httpServer = (await app.start(config.slack.port)) as Server;
        port = addressPort(httpServer);
      }
      delivery.start();
      if (options.startReminderLoop !== false) scheduler.start();
      log.info(
        { mode: config.slack.socketMode ? 'socket' : 'http', port, database: stores.description },
        'caliq-slack is running',
      );
      return { port };
    },
    async stop() {
      links.stop();
      await Promise.allSettled([delivery.stop(), scheduler.stop()]);
      home.stop();
      await home.idle();
      await app.stop().catch((error: unknown) => log.warn({ err: error }, 'error while stopping Slack receiver'));
      if (healthServer) await new Promise((resolve) => healthServer?.close(resolve));
      await Promise.all([stores.close(), caliq.close()]);
      log.info('caliq-slack stopped');
    },
  };
}

function addressPort(server: Server | undefined): number | undefined {
  const address = server?.address();
  return address && typeof address === 'object' ? address.port : undefined;
}
