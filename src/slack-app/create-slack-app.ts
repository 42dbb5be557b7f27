// The Bolt app in either mode: Socket Mode (plus a small server for the GET routes) or HTTP (the routes on Bolt's own).
import type { Server } from 'node:http';
import { App, type CustomRoute } from '@slack/bolt';
import type { Config } from '../config.js';
import { type Handler, type HealthHandlers, startHealthServer } from '../health.js';
import { type Logger, toBoltLogger } from '../logger.js';
import { type Metrics, observeSlackFetch } from '../metrics/index.js';
import { BOUNDED_SLACK_RETRIES } from '../startup-checks.js';
import { timeAcks } from './ack-timing.js';
import { createBoundedFetch } from './bounded-fetch.js';

export type SlackAppOptions = {
  logger: Logger;
  metrics: Metrics;
  /** /healthz and /readyz, served on the port in both modes. */
  health: HealthHandlers;
  /** More GET routes on the same port (e.g. /metrics). */
  routes: Readonly<Record<string, Handler>>;
  /** HEALTH_PORT: serve /healthz, /readyz and the routes on this port of their own, never on Slack's. */
  healthPort?: number | undefined;
  /** Retries of each Slack Web API call; tests set 0 so a failing fake never stalls them. Default: about 7 s of them. */
  retries?: number;
};

export type SlackApp = {
  app: App;
  /** Authenticates, then listens (Socket Mode or HTTP). */
  start(): Promise<void>;
  /** The HTTP port of the routes (and of Slack's requests in HTTP mode), once started. */
  port(): number | undefined;
  stop(): Promise<void>;
};

/** Every Slack call is bounded, so a hung connection can't hold a reminder or a shutdown forever. */
const SLACK_CALL_TIMEOUT_MS = 10_000;

export function createSlackApp(config: Config['slack'], options: SlackAppOptions): SlackApp {
  const { logger, metrics, health, routes } = options;
  const log = logger.child({ module: 'slack-app' });
  const boundedFetch = createBoundedFetch(SLACK_CALL_TIMEOUT_MS);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: options.retries !== undefined ? { retries: options.retries } : BOUNDED_SLACK_RETRIES,
    fetch: metrics.enabled ? observeSlackFetch(metrics, boundedFetch) : boundedFetch,
  };
  const common = {
    token: config.botToken,
    logger: toBoltLogger(logger),
    clientOptions,
    deferInitialization: true,
    // Bolt's conversation store is unused here, and its default builds an Error for every event it finds no state for.
    convoStore: false as const,
  };
  const ownServer = config.socketMode || options.healthPort !== undefined;
  const app = config.socketMode
    ? new App({ ...common, appToken: config.appToken, socketMode: true })
    : new App({
        ...common,
        signingSecret: config.signingSecret,
        customRoutes: ownServer ? [] : customRoutesOf(health, routes),
      });

  timeAcks(app, metrics.ack);
  app.error(async (error) => {
    log.error({ err: error }, 'unhandled error in a listener');
  });

  let routesServer: Server | undefined;
  let port: number | undefined;
  return {
    app,
    async start() {
      await app.init();
      if (config.socketMode) await app.start();
      else port = portOf((await app.start(config.port)) as Server);
      if (ownServer) {
        routesServer = await startHealthServer(options.healthPort ?? config.port, health, routes);
        port ??= portOf(routesServer);
      }
    },
    port: () => port,
    async stop() {
      await app.stop().catch((error: unknown) => log.warn({ err: error }, 'error while stopping Slack receiver'));
      if (routesServer) await new Promise((resolve) => routesServer?.close(resolve));
    },
  };
}

function customRoutesOf(health: HealthHandlers, routes: Readonly<Record<string, Handler>>): CustomRoute[] {
  const all: Record<string, Handler> = { '/healthz': health.healthz, '/readyz': health.readyz, ...routes };
  return Object.entries(all).map(([path, handler]) => ({ path, method: ['GET'], handler }));
}

function portOf(server: Server | undefined): number | undefined {
  const address = server?.address();
  return address && typeof address === 'object' ? address.port : undefined;
}
