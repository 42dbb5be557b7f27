// The metrics when METRICS_ENABLED=false: the same shape as createMetrics' set, recording nothing, so callers never branch.
import { Registry } from 'prom-client';
import type { Metrics } from './create-metrics.js';

const ignore = (): void => undefined;

export function createNoMetrics(): Metrics {
  const registry = new Registry();
  return {
    enabled: false,
    registry,
    contentType: registry.contentType,
    render: async () => '',
    interactionJournaled: ignore,
    deliveryOutcome: ignore,
    caliqCall: ignore,
    ack: ignore,
    reminder: ignore,
    slackApiError: ignore,
    watchJournal: ignore,
  };
}
