// POSTs to Caliq over one keep-alive undici pool with its request API: no fetch Request/Response objects to build, so
// a Caliq call costs about half the CPU of Node's own fetch (240 vs 500 µs measured), on the event loop that acks Slack.
import { Agent } from 'undici';

export type PooledAnswer = { status: number; text: string };

export type PooledPost = {
  /**
   * POSTs `body` and reads the whole answer under `signal`, so a server that stalls mid-answer is cut off too. Fails
   * the way fetch does: with the signal's reason when it aborted (a TimeoutError for AbortSignal.timeout), else with a
   * TypeError "fetch failed" whose cause is the network error.
   */
  post(
    url: string,
    body: string,
    init: { headers: Record<string, string>; signal: AbortSignal },
  ): Promise<PooledAnswer>;
  /** Closes the pool's sockets. */
  close(): Promise<void>;
};

export function createPooledPost(): PooledPost {
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  return {
    async post(url, body, { headers, signal }) {
      const target = new URL(url);
      try {
        const answer = await agent.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: 'POST',
          headers,
          body,
          signal,
        });
        return { status: answer.statusCode, text: await answer.body.text() };
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new TypeError('fetch failed', { cause: error });
      }
    },
    close: () => agent.close(),
  };
}
