// The fetch the Slack Web API client uses: one keep-alive pool whose own timeouts bound every call (no answer, or a
// stalled answer, within the bound ends it), instead of the client's AbortSignal.timeout per call, whose timer
// outlives the call and fires seconds later for nothing.
import { Agent, fetch as undiciFetch } from 'undici';

type Fetch = typeof globalThis.fetch;

export function createBoundedFetch(timeoutMs: number): Fetch {
  const agent = new Agent({
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
  });
  // undici's fetch and the platform's share their shapes; only their TypeScript declarations differ.
  const bounded = (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    });
  return bounded as unknown as Fetch;
}
