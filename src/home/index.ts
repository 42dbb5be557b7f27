// The App Home tab: who is looking, what their Home shows, and republishing it after their changes.
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { createHomeViewBuilder, type HomeViewSources } from './home-content.js';
import { createHomeRefresher, type HomeRefresher } from './home-refresher.js';

export { createHomeViewBuilder, type HomeViewSources } from './home-content.js';
export { createHomeRefresher, type HomeRefresher, type HomeRefresherOptions } from './home-refresher.js';
export { withHomeRefresh } from './refresh-on-delivery.js';

/** The refresher over the Home content read from `sources`; its stop() waits for the publishes already running. */
export function createHome(
  options: HomeViewSources & { client: WebClient; logger: Logger },
): HomeRefresher & { close(): Promise<void> } {
  const { client, logger, ...sources } = options;
  const home = createHomeRefresher({ client, logger, buildView: createHomeViewBuilder(sources) });
  return {
    ...home,
    async close() {
      home.stop();
      await home.idle();
    },
  };
}
