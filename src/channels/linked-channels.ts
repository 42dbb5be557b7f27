// The channel → account links in memory, so the command and the shortcut preselect an account before views.open.
import type { Logger } from '../logger.js';
import type { ChannelLink, ChannelLinkStore } from '../store/index.js';

export type LinkedChannels = {
  /** The channel's link as last loaded or changed here; never waits on the store. */
  get(conversationId: string): ChannelLink | undefined;
  /** Every link, by account number then channel name (as the store lists them). */
  list(): readonly ChannelLink[];
  /** Stores the link and shows it here at once; returns the link it replaced, if any. */
  link(
    link: Omit<ChannelLink, 'linkedAt'>,
    now: Date,
  ): Promise<{ link: ChannelLink; replaced: ChannelLink | undefined }>;
  /** Removes the link from the store and from here; returns the removed link. */
  unlink(conversationId: string): Promise<ChannelLink | undefined>;
  /** Reloads every link from the store (other instances' changes); keeps the old list if the store fails. */
  refresh(): Promise<void>;
  /** Loads once, then refreshes every `refreshMs`. */
  start(): Promise<void>;
  stop(): void;
};

export type LinkedChannelsOptions = {
  store: ChannelLinkStore;
  logger: Logger;
  /** How often links made by other instances are picked up; default 30 s. */
  refreshMs?: number;
};

const byAccountThenName = (a: ChannelLink, b: ChannelLink): number =>
  a.accountNo.localeCompare(b.accountNo) ||
  (a.channelName ?? '').localeCompare(b.channelName ?? '') ||
  a.conversationId.localeCompare(b.conversationId);

export function createLinkedChannels(options: LinkedChannelsOptions): LinkedChannels {
  const { store } = options;
  const log = options.logger.child({ module: 'linked-channels' });
  const refreshMs = options.refreshMs ?? 30_000;
  let links = new Map<string, ChannelLink>();
  let sorted: readonly ChannelLink[] = [];
  let timer: NodeJS.Timeout | undefined;
  /** Bumped by every local change, so a reload that started before it cannot bring back the old state. */
  let generation = 0;

  const replaceAll = (list: readonly ChannelLink[]) => {
    links = new Map(list.map((link) => [link.conversationId, link]));
    sorted = [...list].sort(byAccountThenName);
  };

  const change = (mutate: (next: Map<string, ChannelLink>) => void) => {
    generation += 1;
    const next = new Map(links);
    mutate(next);
    replaceAll([...next.values()]);
  };

  async function refresh(): Promise<void> {
    const started = generation;
    try {
      const list = await store.list();
      if (started === generation) replaceAll(list);
    } catch (error) {
      log.warn({ err: error }, 'could not reload the linked channels; keeping the ones in memory');
    }
  }

  return {
    get: (conversationId) => links.get(conversationId),
    list: () => sorted,
    async link(link, now) {
      const replaced = await store.get(link.conversationId);
      const stored = await store.link(link, now);
      change((next) => next.set(stored.conversationId, stored));
      return { link: stored, replaced };
    },
    async unlink(conversationId) {
      const removed = await store.unlink(conversationId);
      change((next) => next.delete(conversationId));
      return removed;
    },
    refresh,
    async start() {
      await refresh();
      timer = setInterval(() => void refresh(), refreshMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
