// HEALTH_PORT: /healthz, /readyz and /metrics answer on a port of their own and no longer on the port Slack reaches.
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../support/bot-child.js';
import { type Harness, startHarness } from '../support/bot-harness.js';

let h: Harness | undefined;

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('HEALTH_PORT', () => {
  it('moves /healthz, /readyz and /metrics off the public port', async () => {
    const healthPort = await findFreePort();
    h = await startHarness({ env: { HEALTH_PORT: String(healthPort) } });
    const health = `http://127.0.0.1:${healthPort}`;
    expect((await fetch(`${health}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${health}/readyz`)).json()).toMatchObject({ status: 'ready', failed: [] });
    expect(await (await fetch(`${health}/metrics`)).text()).toContain('caliq_slack_');
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(`${h.baseUrl}${path}`)).status, path).toBe(404);
    }
  });
});
