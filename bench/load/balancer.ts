// A round-robin HTTP balancer in the bench process, standing in for the load balancer in front of several instances.
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChildService } from './child-service.js';

export type Balancer = { url: string; close(): Promise<void> };

/** Forwards each request to the next upstream in turn over keep-alive connections; 502 when an upstream fails. */
export async function startBalancer(upstreams: readonly string[]): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const upstream = new URL(incoming.url ?? '/', upstreams[next++ % upstreams.length]);
    const forwarded = httpRequest(upstream, { method: incoming.method, headers: incoming.headers, agent }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'Content-Type': 'text/plain' });
      outgoing.end(`balancer: ${error.message}`);
    });
    incoming.pipe(forwarded);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/** Several bot processes behind one balancer, seen by the latency scenario as one target: CPU and memory summed. */
export function balancedService(name: string, services: readonly ChildService[], balancer: Balancer): ChildService {
  const first = services[0];
  if (!first) throw new Error('a balanced target needs at least one service');
  return {
    name,
    pid: first.pid,
    baseUrl: balancer.url,
    spawnedAt: Math.min(...services.map((service) => service.spawnedAt)),
    async waitUntilReady(path, timeoutMs) {
      return Math.max(...(await Promise.all(services.map((service) => service.waitUntilReady(path, timeoutMs)))));
    },
    memory() {
      const readings = services.map((service) => service.memory());
      return {
        rssMb: readings.reduce((sum, reading) => sum + reading.rssMb, 0),
        peakRssMb: readings.reduce((sum, reading) => sum + reading.peakRssMb, 0),
      };
    },
    cpuMs: () => services.reduce((sum, service) => sum + service.cpuMs(), 0),
    outputTail: () => services.map((service) => service.outputTail()).join('\n'),
    async stop(graceMs) {
      const results = await Promise.all(services.map((service) => service.stop(graceMs)));
      return results.join(', ');
    },
  };
}
