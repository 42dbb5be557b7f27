// Wiring only: the bot's parts, built from a Config in the order they depend on each other, started and stopped as one.

import { hostname } from 'node:os';
import type { App } from '@slack/bolt';
import { v4 as uuidv4 } from 'uuid';
import { createAccountDirectory } from './accounts/index.js';
import {
  type AttemptObserver,
  type CaliqClient,
  type CaliqReferenceData,
  createCaliqClient,
  createCaliqReferenceData,
} from './caliq/index.js';
import { createLinkedChannels, type LinkedChannels } from './channels/index.js';
import { type AdaptiveLimit, createAdaptiveLimit, createLoopBusy } from './concurrency/index.js';
import { type Config, secretsOf } from './config.js';
import { createDeliveryService, type DeliveryService, observeDeliveryAttempts } from './delivery/index.js';
import { createHealthHandlers, type Handler } from './health.js';
import { createHome, type HomeRefresher, withHomeRefresh } from './home/index.js';
import { COMMAND } from './ids.js';
import { type Part, startParts, stopParts } from './lifecycle.js';
import { type ListenerDeps, registerListeners } from './listeners/index.js';
import { createLogger, type Logger } from './logger.js';
import { countReminders, createMetrics, createMetricsHandler, createNoMetrics, type Metrics } from './metrics/index.js';
import { createPeopleDirectory, type EmployeeMap, loadEmployeeMap, type PeopleDirectory } from './people/index.js';
import { createReadinessChecks } from './readiness.js';
import { createFollowUpReminder, createReminderScheduler, type ReminderScheduler } from './reminders/index.js';
import {
  createDeliveryNotices,
  createNotifier,
  createReminderSender,
  createSlackUserSource,
  type Notifier,
} from './slack-api/index.js';
import { createSlackApp } from './slack-app/index.js';
import type { CachedUserPrefs, JournalStore, ReminderStore } from './store/index.js';
import { createStores, type Stores } from './store/index.js';

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
  /** Its Prometheus metrics (a registry of its own); `enabled: false` when METRICS_ENABLED is off. */
  metrics: Metrics;
  /** Starts every part: Slack (HTTP or Socket Mode), the delivery worker, the reminder loop. Resolves with the HTTP port. */
  start(): Promise<{ port: number | undefined }>;
  stop(): Promise<void>;
};

export async function createBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  const logger =
    options.logger ?? createLogger({ level: config.log.level, pretty: config.log.pretty, secrets: secretsOf(config) });
  const log = logger.child({ module: 'bot' });
  const now = options.now ?? (() => new Date());
  const metrics = config.metrics.enabled ? createMetrics() : createNoMetrics();

  const stores = await createStores(config.database, { log: logger.child({ module: 'store' }) });
  const { journal, prefs } = stores;
  const reminders = countReminders(stores.reminders, metrics);
  metrics.watchJournal(journal, now);
  const links = createLinkedChannels({ store: stores.channelLinks, logger });

  // Delivery's concurrency adapts to every Caliq attempt it hears of, retries included.
  const deliveryCapacity = createAdaptiveLimit({ max: config.delivery.concurrency, selfBusy: createLoopBusy() });
  const { caliq, reference, accounts } = createCaliqParts(config, logger, [
    metrics.caliqCall,
    observeDeliveryAttempts(deliveryCapacity),
  ]);

  const { slack, notifier, people, home, readiness } = createSlackParts(config, options, {
    ...{ logger, now, metrics, stores, reminders, links, reference },
  });

  const scheduler = createReminderLoop(config, { reminders, notifier, people, now, logger });
  const nudgeReminders = () => scheduler.nudge();

  const delivery = createDelivery(config, {
    ...{ journal, caliq, capacity: deliveryCapacity, notifier, people, home, reminders, metrics, now, logger },
    nudgeReminders,
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
    nudgeReminders,
  };
  registerListeners(slack.app, deps);

  const parts: Part[] = [
    { name: 'database', stop: () => stores.close() },
    { name: 'caliq', stop: () => caliq.close() },
    { name: 'readiness', stop: () => readiness.close() },
    // The search index is built once the lists are in, not by the first user who types.
    { name: 'account search', start: () => void reference.warmUp().then(() => accounts.index()) },
    { name: 'linked channels', start: () => links.start(), stop: () => links.stop() },
    { name: 'home tab', stop: () => home.close() },
    { name: 'slack', start: () => slack.start(), stop: () => slack.stop() },
    { name: 'delivery', start: () => delivery.start(), stop: () => delivery.stop() },
    { name: 'reminders', start: () => options.startReminderLoop !== false && scheduler.start(), stop: scheduler.stop },
  ];

  return {
    app: slack.app,
    deps,
    scheduler,
    metrics,
    async start() {
      await startParts(parts);
      const [mode, port] = [config.slack.socketMode ? 'socket' : 'http', slack.port()];
      log.info({ mode, port, database: stores.description }, 'caliq-slack is running');
      return { port };
    },
    async stop() {
      await stopParts(parts, log);
      log.info('caliq-slack stopped');
    },
  };
}

type ReminderLoopNeeds = {
  reminders: ReminderStore;
  notifier: Notifier;
  people: PeopleDirectory;
  now: () => Date;
  logger: Logger;
};

/** The reminder loop: due reminders claimed (once across instances) and sent as DMs. */
function createReminderLoop(config: Config, needs: ReminderLoopNeeds): ReminderScheduler {
  const { reminders, notifier, people, now, logger } = needs;
  return createReminderScheduler({
    store: reminders,
    deliver: createReminderSender({ notifier, people, now }),
    now,
    owner: instanceName(),
    logger,
    pollIntervalMs: config.reminders.pollIntervalMs,
  });
}

type DeliveryNeeds = ReminderLoopNeeds & {
  journal: JournalStore;
  caliq: CaliqClient;
  capacity: AdaptiveLimit;
  home: HomeRefresher;
  metrics: Metrics;
  nudgeReminders: () => void;
};

/** Journaled interactions to Caliq, the person told how it went; a logged follow-up gets its reminder. */
function createDelivery(config: Config, needs: DeliveryNeeds): DeliveryService {
  const { journal, caliq, capacity, notifier, people, home, reminders, metrics, now, logger } = needs;
  const { retryBaseMs, retryMaxMs, ...delivering } = config.delivery;
  return createDeliveryService({
    ...delivering,
    backoff: { baseMs: retryBaseMs, maxMs: retryMaxMs },
    capacity,
    journal,
    caliq,
    notices: withHomeRefresh(createDeliveryNotices({ notifier, people, config }), home),
    onLogged: createFollowUpReminder({ reminders, now, nudge: needs.nudgeReminders }),
    observer: { journaled: metrics.interactionJournaled, outcome: metrics.deliveryOutcome },
    logger,
    now,
  });
}

type SlackPartsNeeds = {
  logger: Logger;
  now: () => Date;
  metrics: Metrics;
  stores: Stores;
  reminders: ReminderStore;
  links: LinkedChannels;
  reference: CaliqReferenceData;
};

/** The Bolt app (with /healthz, /readyz and /metrics), what sends messages, who people are, and the Home tab. */
function createSlackParts(config: Config, options: BotOptions, needs: SlackPartsNeeds) {
  const { logger, now, metrics, stores, reminders, links, reference } = needs;
  const readiness = createReadinessChecks(config, { stores, logger });
  const slack = createSlackApp(config.slack, {
    logger,
    metrics,
    health: createHealthHandlers(readiness.checks, { cacheMs: config.health.readinessCacheMs, logger }),
    healthPort: config.health.port,
    routes: metricsRoutes(metrics, logger),
    ...(options.slackRetries !== undefined ? { retries: options.slackRetries } : {}),
  });
  const { client } = slack.app;
  const notifier = createNotifier({ client, logger });
  const people = createPeople(config, { client, reference, prefs: stores.prefs, logger });
  const home = createHome({
    ...{ client, logger, journal: stores.journal, reminders, links, people, now },
    ...{ fallbackTimeZone: config.caliq.timeZone, command: COMMAND },
  });
  return { slack, notifier, people, home, readiness };
}

/** The Caliq client, its reference lists (customers, channels, employees) and the account search built on them. */
function createCaliqParts(config: Config, logger: Logger, observers: AttemptObserver[]) {
  const onAttempt: AttemptObserver = (attempt) => {
    for (const observe of observers) observe(attempt);
  };
  const caliq = createCaliqClient({ ...config.caliq, logger, onAttempt });
  const reference = createCaliqReferenceData(caliq, { ttlMs: config.caliq.referenceTtlMs, logger });
  const accounts = createAccountDirectory({
    customers: () => reference.customers.current(),
    namedCustomers: () => reference.customerNames.current(),
    logger,
  });
  return { caliq, reference, accounts };
}

/** Slack user ↔ Caliq employee: the employee map, the profile field, Caliq's list; and each person's time zone. */
function createPeople(
  config: Config,
  parts: { client: App['client']; reference: CaliqReferenceData; prefs: CachedUserPrefs; logger: Logger },
) {
  return createPeopleDirectory({
    employeeMap: loadEmployeeMapOrWarn(config.people.employeeMapPath, parts.logger),
    profileFieldLabel: config.people.profileFieldLabel,
    slack: createSlackUserSource(parts.client),
    employees: () => parts.reference.employees.current(),
    prefs: parts.prefs,
    logger: parts.logger,
    fallbackTimeZone: config.caliq.timeZone,
  });
}

/** Which process holds a reminder claim, in the database and in the log. */
const instanceName = (): string => `${hostname()}:${process.pid}:${uuidv4().slice(0, 8)}`;

function metricsRoutes(metrics: Metrics, log: Logger): Record<string, Handler> {
  if (!metrics.enabled) return {};
  return {
    '/metrics': createMetricsHandler(metrics, (error) => log.error({ err: error }, 'could not collect metrics')),
  };
}

function loadEmployeeMapOrWarn(path: string, logger: Logger): EmployeeMap {
  const employeeMap = loadEmployeeMap(path);
  if (employeeMap.missing)
    logger
      .child({ module: 'bot' })
      .warn({ path }, 'employee map file not found; using profile field and Caliq list only');
  return employeeMap;
}
