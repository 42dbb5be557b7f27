// A fetch for the Slack Web API client that counts failed calls by method and Slack's error code, and changes nothing.
import type { Metrics } from './create-metrics.js';

type Fetch = typeof globalThis.fetch;

/** `https://slack.com/api/chat.postMessage` → `chat.postMessage`. */
const methodOf = (input: Parameters<Fetch>[0]): string => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(url).pathname.split('/').pop() ?? 'other';
};

/** Slack's own errors are `{"ok":false,"error":"…"}`; only bodies that say so are parsed to find the code. */
const NOT_OK = /"ok"\s*:\s*false/;

/** The code of an `ok: false` answer, or undefined when the body is not one. */
function slackErrorOf(body: string): string | undefined {
  if (!NOT_OK.test(body)) return undefined;
  try {
    const answer = JSON.parse(body) as { ok?: unknown; error?: unknown };
    if (answer.ok !== false) return undefined;
    return typeof answer.error === 'string' ? answer.error : 'unknown';
  } catch {
    return undefined;
  }
}

/**
 * Wraps `fetch` (default the global one). A JSON answer is read once here, and the same response goes on with that
 * text as its `text()` and `json()`: the Web API client reads it through `text()`. Building a new Response (a new
 * stream, a copy of the headers) or cloning the body for a second reader cost more than the rest of the call's
 * bookkeeping.
 */
export function observeSlackFetch(metrics: Pick<Metrics, 'slackApiError'>, fetchFn: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const method = methodOf(input);
    let response: Response;
    try {
      response = await fetchFn(input, init);
    } catch (error) {
      metrics.slackApiError(method, 'request_failed');
      throw error;
    }
    if (!response.ok) {
      metrics.slackApiError(method, response.status === 429 ? 'rate_limited' : `http_${response.status}`);
      return response;
    }
    if (!response.headers.get('content-type')?.includes('json')) return response;
    // Slack answers 200 with ok:false for its own errors.
    const body = await response.text();
    const code = slackErrorOf(body);
    if (code !== undefined) metrics.slackApiError(method, code);
    return handOnRead(response, body);
  };
}

/** `response`, whose body was read into `body`, answering `text()` and `json()` from that text. */
function handOnRead(response: Response, body: string): Response {
  return Object.defineProperties(response, {
    text: { value: async () => body },
    json: { value: async () => JSON.parse(body) as unknown },
  });
}
