// `npm run bench:metrics`: what /metrics costs on the ack path — the same paced load on two bots, METRICS_ENABLED true
// and false, alternating in rounds within one run, while the metrics bot is scraped every second (a harsh scrape rate).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ChildService } from './load/child-service.js';
import { type BenchUser, buildCommandRequest, buildSubmissionRequest } from './load/fixtures.js';
import { runLoad } from './load/http-load.js';
import { type LatencySummary, summarizeLatencies } from './load/stats.js';
import { buildDist } from './targets/launch.js';
import { startRig } from './targets/rig.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    clients: { type: 'string', default: '16' },
    'round-seconds': { type: 'string', default: '5' },
    rounds: { type: 'string', default: '4' },
    'scrape-ms': { type: 'string', default: '1000' },
    out: { type: 'string' },
  },
});
const rate = Number(values.rate);
const clients = Number(values.clients);
const roundSeconds = Number(values['round-seconds']);
const rounds = Number(values.rounds);
const scrapeMs = Number(values['scrape-ms']);
const CALIQ_LATENCY_MS = 50;
const kinds = ['command', 'submission'] as const;
type Kind = (typeof kinds)[number];
type Variant = 'metrics on' | 'metrics off';

const log = (line: string) => void process.stdout.write(`${line}\n`);

/** Scrapes GET /metrics every `everyMs` until stopped; resolves with how many scrapes answered 200. */
function scrapeEvery(baseUrl: string, everyMs: number): { stop(): Promise<number> } {
  let ok = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const response = await fetch(`${baseUrl}/metrics`).catch(() => undefined);
      if (response?.status === 200) ok++;
      await response?.text();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return ok;
    },
  };
}

async function main(): Promise<void> {
  log(`building dist/ …`);
  const runtime = buildDist().ok ? 'dist' : 'tsx';
  const rig = await startRig({ clients, caliqLatencyMs: CALIQ_LATENCY_MS, runtime });
  try {
    const { fake, sim, users } = rig;
    const start = async (variant: Variant) => {
      const service = await rig.startBot({ env: { METRICS_ENABLED: variant === 'metrics on' ? 'true' : 'false' } });
      await service.waitUntilReady('/readyz', 15_000);
      return service;
    };
    const targets: Record<Variant, ChildService> = {
      'metrics on': await start('metrics on'),
      'metrics off': await start('metrics off'),
    };
    const latencies = new Map<string, number[]>();
    const phase = async (variant: Variant, kind: Kind, seconds: number, record: boolean) => {
      fake.reset();
      sim.reset();
      sim.setFaults({ latencyMs: CALIQ_LATENCY_MS });
      const service = targets[variant];
      const scraper = variant === 'metrics on' ? scrapeEvery(service.baseUrl, scrapeMs) : undefined;
      const responseUrl = fake.responseUrl('bench');
      const build =
        kind === 'command'
          ? (user: BenchUser) => buildCommandRequest(user, responseUrl)
          : (user: BenchUser) => buildSubmissionRequest(user, () => responseUrl);
      const run = await runLoad({
        url: `${service.baseUrl}/slack/events`,
        clients,
        durationMs: seconds * 1000,
        maxRequests: 200_000,
        nextRequest: (client) => build(users[client % users.length] as BenchUser),
        intervalMs: (clients * 1000) / rate,
      });
      const scrapes = await scraper?.stop();
      const ok = run.samples.filter((sample) => sample.status === 200 && !sample.error);
      if (ok.length !== run.samples.length)
        log(`  ${run.samples.length - ok.length} failed requests (${variant} ${kind})`);
      if (!record) return;
      const key = `${variant}:${kind}`;
      latencies.set(key, [...(latencies.get(key) ?? []), ...ok.map((sample) => sample.latencyMs)]);
      const summary = summarizeLatencies(ok.map((sample) => sample.latencyMs));
      log(
        `  ${variant.padEnd(11)} ${kind.padEnd(10)} ${String(ok.length).padStart(5)} req  p50 ${summary.p50.toFixed(2)} ms  p99 ${summary.p99.toFixed(2)} ms${scrapes === undefined ? '' : `  (${scrapes} scrapes)`}`,
      );
      // Let the work after the acks (Caliq calls, notices) finish before the next phase.
      await new Promise((resolve) => setTimeout(resolve, CALIQ_LATENCY_MS + 300));
    };
    log(`paced ${rate}/s from ${clients} clients, ${rounds} rounds × ${roundSeconds} s per kind and bot, ${runtime}`);
    for (const variant of ['metrics on', 'metrics off'] as const)
      for (const kind of kinds) await phase(variant, kind, 2, false);
    for (let round = 0; round < rounds; round++) {
      const order: Variant[] = round % 2 === 0 ? ['metrics on', 'metrics off'] : ['metrics off', 'metrics on'];
      for (const variant of order) for (const kind of kinds) await phase(variant, kind, roundSeconds, true);
    }
    const rows: string[] = [
      '| kind | metrics | requests | ack p50 (ms) | ack p95 (ms) | ack p99 (ms) |',
      '|---|---|---|---|---|---|',
    ];
    const result: Record<string, LatencySummary> = {};
    for (const kind of kinds) {
      for (const variant of ['metrics off', 'metrics on'] as const) {
        const summary = summarizeLatencies(latencies.get(`${variant}:${kind}`) ?? []);
        result[`${variant}:${kind}`] = summary;
        rows.push(
          `| ${kind} | ${variant === 'metrics on' ? 'on' : 'off'} | ${summary.count} | ${summary.p50.toFixed(2)} | ${summary.p95.toFixed(2)} | ${summary.p99.toFixed(2)} |`,
        );
      }
    }
    log('');
    log(rows.join('\n'));
    if (values.out)
      writeFileSync(
        values.out,
        `${JSON.stringify({ date: new Date().toISOString(), rate, clients, roundSeconds, rounds, scrapeMs, result }, null, 2)}\n`,
      );
  } finally {
    await rig.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
