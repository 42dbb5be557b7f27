// Worker thread: sends one Caliq POST per message with ky and returns the status and text, so the HTTP client's CPU
// (request objects, streams, parsing) is spent off the bot's event loop, where Slack's acks wait. It knows nothing of
// retries or what an answer means: transport.ts on the main thread decides that.
import { parentPort, workerData } from 'node:worker_threads';
import ky from 'ky';

/** @typedef {{ id: number; endpoint: string; body: string; timeoutMs: number }} AttemptRequest */

const http = ky.create({
  prefixUrl: workerData.prefixUrl,
  method: 'post',
  retry: 0,
  timeout: false,
  throwHttpErrors: false,
  headers: { 'content-type': 'application/json', accept: 'application/json' },
});

/** @param {unknown} error */
function describe(error) {
  if (!(error instanceof Error)) return { name: 'unknown', message: String(error), code: undefined };
  const inner = /** @type {{ code?: unknown } | undefined} */ (error.cause);
  return { name: error.name, message: error.message, code: typeof inner?.code === 'string' ? inner.code : undefined };
}

/** @param {AttemptRequest} request */
async function attempt({ id, endpoint, body, timeoutMs }) {
  // One signal bounds the whole attempt, body read included, so a server that stalls mid-answer still times out.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await http.post(endpoint, { body, signal });
    const text = await response.text();
    return { id, status: response.status, text };
  } catch (error) {
    const timedOut =
      signal.aborted && /** @type {{ name?: string } | undefined} */ (signal.reason)?.name === 'TimeoutError';
    return { id, failure: { ...describe(error), timedOut } };
  }
}

parentPort?.on('message', (/** @type {AttemptRequest} */ request) => {
  attempt(request).then((answer) => parentPort?.postMessage(answer));
});
