// Sends Caliq HTTP attempts through a worker thread (attempt-worker.js) and matches each answer to its call.
import { Worker } from 'node:worker_threads';

/** What one attempt came to: Caliq's status and text, or no answer (with why, for the logs). */
export type RawAttempt =
  | { kind: 'answer'; status: number; text: string }
  | { kind: 'no_answer'; timedOut: boolean; cause: Error };

export type AttemptThread = {
  post(endpoint: string, body: string, timeoutMs: number): Promise<RawAttempt>;
  /** Stops the thread; calls still waiting end as `no_answer`. */
  close(): Promise<void>;
};

type WorkerAnswer =
  | { id: number; status: number; text: string }
  | { id: number; failure: { name: string; message: string; code: string | undefined; timedOut: boolean } };

const WORKER_URL = new URL('./attempt-worker.js', import.meta.url);

/** An Error shaped like the one fetch threw in the thread: name, message and the network code as its cause. */
function rebuildError(failure: { name: string; message: string; code: string | undefined }): Error {
  const error = new Error(failure.message, failure.code ? { cause: { code: failure.code } } : undefined);
  error.name = failure.name;
  return error;
}

/**
 * Starts the thread on the first call (so a bot that never calls Caliq never pays for it). If the thread dies, the
 * calls it held end as `no_answer` (the transport retries those like a network error) and the next call starts a new
 * one. The thread keeps the process alive only while a call is waiting.
 */
export function createAttemptThread(options: { prefixUrl: string }): AttemptThread {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, (attempt: RawAttempt) => void>();

  function failAll(cause: Error): void {
    for (const resolve of waiting.values()) resolve({ kind: 'no_answer', timedOut: false, cause });
    waiting.clear();
  }

  function start(): Worker {
    const started = new Worker(WORKER_URL, {
      workerData: { prefixUrl: options.prefixUrl },
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    });
    started.on('message', (answer: WorkerAnswer) => {
      const resolve = waiting.get(answer.id);
      if (!resolve) return;
      waiting.delete(answer.id);
      if (waiting.size === 0) started.unref();
      resolve(
        'failure' in answer
          ? { kind: 'no_answer', timedOut: answer.failure.timedOut, cause: rebuildError(answer.failure) }
          : { kind: 'answer', status: answer.status, text: answer.text },
      );
    });
    const stopped = (cause: Error) => {
      if (worker === started) worker = undefined;
      failAll(cause);
    };
    started.on('error', (error) => stopped(new Error(`the Caliq HTTP thread failed: ${error.message}`)));
    started.on('exit', (code) => stopped(new Error(`the Caliq HTTP thread stopped (exit code ${code})`)));
    return started;
  }

  return {
    post(endpoint, body, timeoutMs) {
      worker ??= start();
      const id = nextId++;
      worker.ref();
      worker.postMessage({ id, endpoint, body, timeoutMs });
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    async close() {
      const closing = worker;
      worker = undefined;
      if (closing) await closing.terminate();
      failAll(new Error('the Caliq client was closed'));
    },
  };
}
