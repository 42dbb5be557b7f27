// The bot's Prometheus metrics on a registry of its own (one per bot, so tests can run several), with typed recorders.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AttemptObserver } from '../caliq/index.js';

/** How one delivery attempt ended, as operators count it. */
export type DeliveryOutcomeLabel = 'logged' | 'rejected' | 'unauthorized' | 'unavailable' | 'gave_up' | 'failed';

export type AckKind =
  | 'command'
  | 'shortcut'
  | 'submission'
  | 'action'
  | 'suggestion'
  | 'view_closed'
  | 'event'
  /** /log-interaction with a quick log line (answered with a preview card). */
  | 'quick_log'
  /** Log it, Edit or Cancel on a quick log card. */
  | 'quick_log_button'
  /** The Workflow Builder step (function_executed). */
  | 'workflow_step'
  | 'other';

export type ReminderEvent = 'sent' | 'late' | 'snoozed' | 'done';

/** Where the journal gauges read from, at scrape time (awaited, so an async store works the same). */
export type JournalGaugeSource = {
  countByState(): Promise<Record<string, number>> | Record<string, number>;
  oldestPendingAt(): Promise<Date | undefined> | Date | undefined;
};

export type Metrics = {
  /** False for the no-op set (METRICS_ENABLED=false): same shape, records nothing, serves no /metrics. */
  enabled: boolean;
  registry: Registry;
  contentType: string;
  /** The text a scrape of /metrics returns. */
  render(): Promise<string>;
  interactionJournaled(): void;
  deliveryOutcome(outcome: DeliveryOutcomeLabel): void;
  /** One Caliq HTTP attempt, as the transport sees it (its observer). */
  caliqCall: AttemptObserver;
  ack(kind: AckKind, durationMs: number): void;
  reminder(event: ReminderEvent): void;
  slackApiError(method: string, error: string): void;
  /** Registers the journal gauges; their values are read from `source` on every scrape. */
  watchJournal(source: JournalGaugeSource, now: () => Date): void;
};

export type CreateMetricsOptions = {
  /** Node process metrics (CPU, memory, event loop lag, GC); on by default. */
  processMetrics?: boolean;
  /** Prefix of every metric name; default `caliq_slack_`. */
  prefix?: string;
};

const CALIQ_ENDPOINTS = new Set(['InteractionCreate', 'Channel', 'Employee', 'CustomerChange', 'Message', 'Pulse']);

/** Label values must come from a small known set; anything else collapses into one value. */
const bounded = (value: string, pattern: RegExp, fallback: string): string =>
  pattern.test(value) && value.length <= 48 ? value : fallback;

export function createMetrics(options: CreateMetricsOptions = {}): Metrics {
  const prefix = options.prefix ?? 'caliq_slack_';
  const registry = new Registry();
  // Event-loop delay sampled every 100 ms rather than prom-client's 10 ms: the finer timer cost 7 ms of CPU a second
  // in an idle bot (most of its idle cost), and a stall long enough to matter still spans a 100 ms tick.
  if (options.processMetrics !== false) {
    collectDefaultMetrics({ register: registry, prefix, eventLoopMonitoringPrecision: 100 });
  }

  const journaled = new Counter({
    name: `${prefix}interactions_journaled_total`,
    help: 'Interactions written to the journal (new submissions; repeats of a UniqueID are not counted).',
    registers: [registry],
  });
  const outcomes = new Counter({
    name: `${prefix}delivery_outcomes_total`,
    help: 'Delivery attempts to Caliq by how they ended (unavailable: will retry; gave_up: stopped retrying).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const caliqDuration = new Histogram({
    name: `${prefix}caliq_request_duration_seconds`,
    help: 'One HTTP attempt to the Caliq API (retries count separately), by endpoint and outcome.',
    labelNames: ['endpoint', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const ackDuration = new Histogram({
    name: `${prefix}ack_duration_seconds`,
    help: 'From a Slack request reaching the app to its acknowledgement, by kind of request (Slack allows 3 s).',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [registry],
  });
  const reminders = new Counter({
    name: `${prefix}reminders_total`,
    help: 'Follow-up reminders: sent (late ones also count as late), snoozed and marked done.',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  const slackErrors = new Counter({
    name: `${prefix}slack_api_errors_total`,
    help: "Slack Web API calls that failed, by method and Slack's error code (or http_<status>, request_failed).",
    labelNames: ['method', 'error'] as const,
    registers: [registry],
  });
  for (const outcome of ['logged', 'rejected', 'unauthorized', 'unavailable', 'gave_up', 'failed'] as const) {
    outcomes.labels(outcome).inc(0);
  }
  // Zero samples from the start, so rate() and increase() see the first event.
  for (const event of ['sent', 'late', 'snoozed', 'done'] as const) reminders.labels(event).inc(0);

  return {
    enabled: true,
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    interactionJournaled: () => journaled.inc(),
    deliveryOutcome: (outcome) => outcomes.labels(outcome).inc(),
    caliqCall({ endpoint, outcome, durationMs }) {
      caliqDuration.labels(CALIQ_ENDPOINTS.has(endpoint) ? endpoint : 'other', outcome).observe(durationMs / 1000);
    },
    ack: (kind, durationMs) => ackDuration.labels(kind).observe(durationMs / 1000),
    reminder: (event) => reminders.labels(event).inc(),
    slackApiError(method, error) {
      slackErrors
        .labels(bounded(method, /^[a-zA-Z]+(\.[a-zA-Z]+)+$/, 'other'), bounded(error, /^[a-z0-9_]+$/, 'other'))
        .inc();
    },
    watchJournal(source, now) {
      new Gauge({
        name: `${prefix}journal_entries`,
        help: 'Journal entries by state (pending: waiting to reach Caliq; failed: the bot gave up).',
        labelNames: ['state'] as const,
        registers: [registry],
        async collect() {
          const counts = await source.countByState();
          for (const [state, count] of Object.entries(counts)) this.labels(state).set(count);
        },
      });
      new Gauge({
        name: `${prefix}journal_oldest_pending_age_seconds`,
        help: 'Age of the oldest entry still waiting to reach Caliq (since it was first submitted); 0 when none waits.',
        registers: [registry],
        async collect() {
          const oldest = await source.oldestPendingAt();
          this.set(oldest ? Math.max(0, (now().getTime() - oldest.getTime()) / 1000) : 0);
        },
      });
    },
  };
}
