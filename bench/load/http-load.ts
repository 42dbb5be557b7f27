// The load driver: a fixed number of concurrent clients on keep-alive connections, back to back or paced with think time.
import { Agent, request as httpRequest } from 'node:http';

/** One request as a client sends it; `tag` lets the caller match it with what the fakes record. */
export type LoadRequest = { body: string; headers: Record<string, string>; tag: string };

/** One finished request. Times are `performance.now()` in this process; `ackWallMs` is Date.now() at the answer. */
export type LoadSample = {
  tag: string;
  sentAt: number;
  latencyMs: number;
  ackWallMs: number;
  status: number;
  body: string;
  /** Network failure (no HTTP answer at all). */
  error: string | undefined;
};

export type LoadRun = {
  samples: LoadSample[];
  elapsedMs: number;
  /** Paced runs only: sends that went out late because the previous answer came after their slot. */
  behind: number;
};

export type LoadOptions = {
  url: string;
  clients: number;
  durationMs: number;
  /** Hard cap on requests, so a target that answers instantly cannot fill memory. */
  maxRequests: number;
  /** Builds the next request; called once per request, just before it is sent. */
  nextRequest: (client: number, sequence: number) => LoadRequest;
  /** Per-request timeout; Slack waits 3 s, the driver a little longer so a slow answer is measured, not cut off. */
  timeoutMs?: number;
  /**
   * Think time: each client sends on its own fixed grid of this interval, starting at a random phase so the clients'
   * sends are spread. Without it every client sends the instant its previous answer arrives (saturation).
   */
  intervalMs?: number;
};

const post = (agent: Agent, url: string, request: LoadRequest, timeoutMs: number): Promise<LoadSample> =>
  new Promise((resolve) => {
    const sentAt = performance.now();
    const finish = (status: number, body: string, error: string | undefined) =>
      resolve({
        tag: request.tag,
        sentAt,
        latencyMs: performance.now() - sentAt,
        ackWallMs: Date.now(),
        status,
        body,
        error,
      });
    const outgoing = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => finish(incoming.statusCode ?? 0, '', error.message));
        incoming.on('end', () => finish(incoming.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), undefined));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', (error) => finish(0, '', error.message));
    outgoing.end(request.body);
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `clients` loops for `durationMs` (or until `maxRequests`), each waiting for its answer before the next request.
 * Back to back, the offered load adapts to the target (a closed loop at saturation). Paced, each client sends at
 * phase + k × interval; an answer later than the next slot makes that send go out at once and count as behind, so
 * the schedule catches up and the offered rate stays the same unless the target cannot keep up.
 */
export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  // A fresh agent per run: sockets never sit idle long enough for the server's keep-alive timeout to race a reuse.
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const interval = options.intervalMs;
  const samples: LoadSample[] = [];
  const startedAt = performance.now();
  const deadline = startedAt + options.durationMs;
  let issued = 0;
  let behind = 0;
  const loop = async (client: number) => {
    let sequence = 0;
    let slot = interval === undefined ? startedAt : startedAt + Math.random() * interval;
    while (slot < deadline && issued < options.maxRequests) {
      const now = performance.now();
      if (interval !== undefined) {
        if (slot > now) await sleep(slot - now);
        else if (sequence > 0) behind++;
      }
      if (performance.now() >= deadline) break;
      issued++;
      samples.push(await post(agent, options.url, options.nextRequest(client, sequence++), timeoutMs));
      slot = interval === undefined ? performance.now() : slot + interval;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, client) => loop(client)));
  } finally {
    agent.destroy();
  }
  return { samples, elapsedMs: performance.now() - startedAt, behind };
}
