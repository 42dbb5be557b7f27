// The metrics' public surface: the real set or the no-op one, the /metrics handler and the Slack Web API error observer.

export { countReminders } from './count-reminders.js';
export * from './create-metrics.js';
export { createMetricsHandler } from './metrics-handler.js';
export { createNoMetrics } from './no-metrics.js';
export { observeSlackFetch } from './slack-fetch.js';
