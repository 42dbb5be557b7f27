// Moves SQLite's WAL checkpoints (copying the WAL into the database file, with an fsync) off the event loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Runs in a worker thread with its own connection. A PASSIVE checkpoint never blocks the bot's writers; left to
 * SQLite, the checkpoint would run inside whichever commit crossed the threshold and stall every request behind it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.filePath);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export type Checkpointer = { stop(): Promise<void> };

/**
 * Starts checkpointing `filePath` every `intervalMs` from a worker thread. The caller's own connection should have
 * `wal_autocheckpoint = 0` (see openDatabase's `checkpointInBackground`).
 */
export function startCheckpointer(
  filePath: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filePath, driverPath, intervalMs: options.intervalMs ?? 1000 },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  worker.on('error', (error) => options.onError?.(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held (ref) while it finishes: at shutdown nothing else may keep the event loop alive, and Node would end the
      // process mid-stop, before the database is closed and before the bot says it has stopped.
      worker.ref();
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
    },
  };
}
