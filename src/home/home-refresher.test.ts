// Checks the Home refresher through a real WebClient and the fake Slack: off the caller's path, ≤ 1 publish/s/person.
import type { HomeView } from '@slack/types';
import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { createHomeRefresher, type HomeRefresher } from './home-refresher.js';

const logger = pino({ level: 'silent' });
let fake: FakeSlack;
let client: WebClient;
const refreshers: HomeRefresher[] = [];

/** A refresher whose view shows a counter the test changes, so each publish says which state it read. */
function start(state: { version: number; builds: number }, minIntervalMs = 300) {
  const refresher = createHomeRefresher({
    client,
    logger,
    minIntervalMs,
    buildView: async () => {
      state.builds += 1;
      const view: HomeView = {
        type: 'home',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `v${state.version}` } }],
      };
      return view;
    },
  });
  refreshers.push(refresher);
  return refresher;
}

const published = (userId: string) =>
  fake
    .callsTo('views.publish')
    .filter((call) => call.args.user_id === userId)
    .map((call) => ({ at: call.at, text: JSON.stringify(call.args.view).match(/v\d+/)?.[0] }));

beforeAll(async () => {
  fake = await startFakeSlack();
  client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});
afterEach(() => {
  for (const refresher of refreshers.splice(0)) refresher.stop();
  fake.reset();
});
afterAll(async () => {
  await fake.close();
});

describe('createHomeRefresher', () => {
  it('builds nothing on the caller’s path: the view is built later, on a timer', async () => {
    const state = { version: 1, builds: 0 };
    const refresher = start(state);
    refresher.opened('U1');
    expect(state.builds).toBe(0);
    await refresher.idle();
    expect(published('U1').map((p) => p.text)).toEqual(['v1']);
  });

  it('ignores people who never opened their Home here', async () => {
    const state = { version: 1, builds: 0 };
    const refresher = start(state);
    refresher.request('U2');
    await refresher.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.builds).toBe(0);
    expect(fake.callsTo('views.publish')).toHaveLength(0);
  });

  it('folds a burst into the first publish and one trailing publish that shows the last state', async () => {
    const state = { version: 1, builds: 0 };
    const refresher = start(state, 300);
    refresher.opened('U1');
    await fake.waitForCall('views.publish');
    const started = performance.now();
    for (let version = 2; version <= 20; version += 1) {
      state.version = version;
      refresher.request('U1');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const burstMs = performance.now() - started;
    await refresher.idle();
    const calls = published('U1');
    expect(calls.at(-1)?.text).toBe('v20');
    // 19 requests: the first publish, then one per 300 ms the burst lasted (~200 ms unloaded), plus the trailing one.
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(2 + Math.ceil(burstMs / 300));
    expect(calls.length).toBeLessThan(19);
    for (let i = 1; i < calls.length; i += 1) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(250);
  });

  it('publishes nothing after stop, and idle() then returns', async () => {
    const state = { version: 1, builds: 0 };
    const refresher = start(state, 5_000);
    refresher.opened('U1');
    await refresher.idle();
    refresher.request('U1');
    refresher.stop();
    await refresher.idle();
    expect(published('U1')).toHaveLength(1);
    expect(state.builds).toBe(1);
  });

  it('limits each person separately', async () => {
    const state = { version: 1, builds: 0 };
    const refresher = start(state, 5_000);
    const started = performance.now();
    refresher.opened('U1');
    refresher.opened('U2');
    await refresher.idle();
    // One person's 5-second window does not hold the other's first publish back.
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(published('U1')).toHaveLength(1);
    expect(published('U2')).toHaveLength(1);
  });

  it('keeps going after a failed publish, and forgets the least recent viewer beyond the cap', async () => {
    fake.respondWith('views.publish', { ok: false, error: 'internal_error' }, { times: 1 });
    const refresher = createHomeRefresher({
      client,
      logger,
      minIntervalMs: 0,
      maxViewers: 1,
      buildView: async () => ({ type: 'home', blocks: [] }),
    });
    refreshers.push(refresher);
    refresher.opened('U1');
    await refresher.idle();
    refresher.request('U1');
    await refresher.idle();
    expect(published('U1')).toHaveLength(2);
    refresher.opened('U2');
    await refresher.idle();
    refresher.request('U1');
    await refresher.idle();
    expect(published('U1')).toHaveLength(2);
  });
});
