// A fetch for the Slack Web API client that counts failed calls by method and Slack's error code, and changes nothing.
import type { Metrics } from './create-metrics.js';

type Fetch = typeof globalThis.fetch;

/** `https://slack.com/api/chat.postMessage` → `chat.postMessage`. */
const methodOf = (input: Parameters<Fetch>[0]): string => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(url).pathname.split('/').pop() ?? 'other';
};

/** Wraps `fetch` (default the global one); the response the client reads is the original, its body untouched. */
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
    // Slack answers 200 with ok:false for its own errors; a clone is read so the client still gets the whole body.
    response
      .clone()
      .json()
      .then(
        (body: unknown) => {
          const answer = body as { ok?: unknown; error?: unknown };
          if (answer.ok === false)
            metrics.slackApiError(method, typeof answer.error === 'string' ? answer.error : 'unknown');
        },
        () => undefined,
      );
    return response;
  };
}
