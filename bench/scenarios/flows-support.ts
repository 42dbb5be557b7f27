// What the three flow scenarios share: their settings, one paced run against the bot, and how a measured span becomes a
// row of `npm run bench:flows`' table.
import type { ChildService } from '../load/child-service.js';
import { type LoadRequest, type LoadRun, runLoad } from '../load/http-load.js';
import { summarizeLatencies } from '../load/stats.js';

export type FlowSettings = {
  /** Requests per second offered, each client on its own grid (paced, not saturated). */
  rate: number;
  seconds: number;
  clients: number;
  caliqLatencyMs: number;
  /** How long after the load ends the work after the acks may take before a missing outcome counts as an error. */
  settleMs: number;
};

/** One line of the table: a span from a request sent to something reaching the fake Slack (or the ack itself). */
export type FlowRow = {
  flow: string;
  span: string;
  count: number;
  p50: number;
  p99: number;
  /** Failed acks, or requests whose outcome never arrived (or arrived as an error). */
  errors: number;
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Paced load on the bot's /slack/events at the settings' rate; `build` makes each request. */
export function runPaced(
  service: ChildService,
  settings: FlowSettings,
  build: (client: number) => LoadRequest,
  maxRequests = 1_000_000,
): Promise<LoadRun> {
  return runLoad({
    url: `${service.baseUrl}/slack/events`,
    clients: settings.clients,
    durationMs: settings.seconds * 1000,
    maxRequests,
    nextRequest: (client) => build(client),
    intervalMs: (settings.clients * 1000) / settings.rate,
  });
}

/** The acks of a run as a row: every non-200 or network failure is an error. */
export function ackRow(flow: string, span: string, run: LoadRun): FlowRow {
  const ok = run.samples.filter((sample) => sample.status === 200 && !sample.error);
  return spanRow(
    flow,
    span,
    ok.map((sample) => sample.latencyMs),
    run.samples.length - ok.length,
  );
}

export function spanRow(flow: string, span: string, spans: readonly number[], errors: number): FlowRow {
  const summary = summarizeLatencies(spans);
  return { flow, span, count: summary.count, p50: summary.p50, p99: summary.p99, errors };
}

/** Sent time of each acked request, by its tag (requests that failed to ack have no outcome to wait for). */
export function sentAtByTag(run: LoadRun): Map<string, number> {
  return new Map(
    run.samples.filter((sample) => sample.status === 200 && !sample.error).map((sample) => [sample.tag, sample.sentAt]),
  );
}
