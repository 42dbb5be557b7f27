// Whether this process's event loop is nearly always busy: then every answer it awaits is read late, whoever sent it.
import { performance } from 'node:perf_hooks';

export type LoopBusyOptions = {
  /** Share of time the loop spent running code, above which it counts as busy (default 0.8). */
  threshold?: number;
  /** The utilization is measured over windows of this length (default 500 ms); a call reads the last full one. */
  windowMs?: number;
};

/** A cheap check (two counter reads per window) of the event-loop utilization over the last window. */
export function createLoopBusy(options: LoopBusyOptions = {}): () => boolean {
  const threshold = options.threshold ?? 0.8;
  const windowMs = options.windowMs ?? 500;
  let mark = performance.eventLoopUtilization();
  let markedAt = performance.now();
  let busy = false;
  return () => {
    const at = performance.now();
    if (at - markedAt >= windowMs) {
      const now = performance.eventLoopUtilization();
      busy = performance.eventLoopUtilization(now, mark).utilization > threshold;
      mark = now;
      markedAt = at;
    }
    return busy;
  };
}
