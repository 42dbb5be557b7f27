// Republishes a person's App Home tab after their changes: never in an ack's path, at most once a second per person.
import type { HomeView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { publishView } from '../slack-api/index.js';

export type HomeRefresher = {
  /**
   * The person opened their Home tab (or pressed a button on it): remember them as a viewer and publish. Returns at
   * once; the view is built and published later, on a timer.
   */
  opened(slackUserId: string): void;
  /**
   * Something of this person's changed: republish their Home if they have opened it since this process started. The
   * first request in a quiet second publishes at once; later ones in that second are folded into one publish at its
   * end, which reads the state as it is then, so the last change always shows.
   */
  request(slackUserId: string): void;
  /** Resolves when no publish is waiting or running (tests, shutdown). */
  idle(): Promise<void>;
  /** No publish starts after this; `idle()` then waits for those already running. */
  stop(): void;
};

export type HomeRefresherOptions = {
  client: WebClient;
  /** Builds the person's Home view from the stores and memory. */
  buildView: (slackUserId: string) => Promise<HomeView>;
  logger: Logger;
  /** At most one publish per person per this many milliseconds; default 1000. */
  minIntervalMs?: number;
  /** How many viewers are remembered (the least recent are forgotten first); default 10,000. */
  maxViewers?: number;
};

type ViewerState = {
  lastStartedAt: number;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  /** A change arrived since the last publish started. */
  dirty: boolean;
};

export function createHomeRefresher(options: HomeRefresherOptions): HomeRefresher {
  const log = options.logger.child({ module: 'home-refresher' });
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const maxViewers = options.maxViewers ?? 10_000;
  /** Insertion order is recency: a viewer is moved to the end when seen again. */
  const viewers = new Map<string, ViewerState>();
  let stopped = false;

  async function publish(slackUserId: string): Promise<void> {
    const view = await options.buildView(slackUserId);
    await publishView(options.client, { user_id: slackUserId, view });
  }

  function run(slackUserId: string, state: ViewerState): void {
    state.timer = undefined;
    if (stopped) return;
    state.dirty = false;
    state.lastStartedAt = performance.now();
    state.running = publish(slackUserId)
      .catch((error: unknown) => log.warn({ err: error, slackUserId }, 'could not publish the Home tab'))
      .finally(() => {
        state.running = undefined;
        if (state.dirty) schedule(slackUserId, state);
      });
  }

  function schedule(slackUserId: string, state: ViewerState): void {
    if (stopped || state.timer || state.running) return;
    const wait = Math.max(0, state.lastStartedAt + minIntervalMs - performance.now());
    // Even "now" goes through a timer, so the caller (an ack path) never pays for building or publishing.
    state.timer = setTimeout(() => run(slackUserId, state), wait);
  }

  function remember(slackUserId: string): ViewerState {
    const known = viewers.get(slackUserId);
    if (known) {
      viewers.delete(slackUserId);
      viewers.set(slackUserId, known);
      return known;
    }
    const state: ViewerState = { lastStartedAt: -Infinity, timer: undefined, running: undefined, dirty: false };
    viewers.set(slackUserId, state);
    for (const [oldest, old] of viewers) {
      if (viewers.size <= maxViewers) break;
      if (old.timer) clearTimeout(old.timer);
      viewers.delete(oldest);
    }
    return state;
  }

  function request(slackUserId: string): void {
    const state = viewers.get(slackUserId);
    if (!state) return;
    state.dirty = true;
    schedule(slackUserId, state);
  }

  return {
    opened(slackUserId) {
      remember(slackUserId);
      request(slackUserId);
    },
    request,
    async idle() {
      for (;;) {
        const busy = [...viewers.values()].filter((state) => state.timer || state.running);
        if (busy.length === 0) return;
        await Promise.all(busy.map((state) => state.running ?? new Promise((resolve) => setTimeout(resolve, 20))));
      }
    },
    stop() {
      stopped = true;
      for (const state of viewers.values()) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
      }
    },
  };
}
