// GET /metrics as a plain HTTP handler, for Bolt's custom routes and the Socket Mode health server alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './create-metrics.js';

export function createMetricsHandler(metrics: Metrics, onError: (error: unknown) => void) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    metrics.render().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
        res.end(text);
      },
      (error: unknown) => {
        onError(error);
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('metrics unavailable\n');
      },
    );
  };
}
