// app_home_opened on the Home tab: Bolt has acked the event already; the refresher publishes on its own timer.
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    deps.home.opened(event.user);
  });
}
