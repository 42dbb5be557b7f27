import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBoltHttpApp } from '../../test/support/bolt-http-app.js';
import { captureLogs } from '../../test/support/log-capture.js';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { blockActionsPayload } from '../../tools/slack-stand-in/slack-payloads.js';
import { interactionBody, postToSlackEndpoint } from '../../tools/slack-stand-in/slack-requests.js';
import { type ActionRoutes, routeActions } from './action-routes.js';

const SECRET = 'action-routes-signing-secret';

describe('block actions routed by action_id through one Bolt listener', () => {
  let fake: FakeSlack;
  let app: App;
  let endpoint: string;
  let routes: ActionRoutes;
  const logs = captureLogs('info');
  const handled: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    ({ app, endpoint } = await startBoltHttpApp(fake, {
      token: 'xoxb-routes',
      signingSecret: SECRET,
      register: (bolt) => {
        routes = routeActions(bolt, logs.logger);
      },
    }));
    routes.on<BlockAction<ButtonAction>>('retry_entry', async ({ ack, action }) => {
      await ack();
      handled.push(`retry ${action.value}`);
    });
    routes.on(/^snooze_/, async ({ ack, action }) => {
      await ack();
      handled.push(`pattern ${action.action_id}`);
    });
    routes.on('snooze_exact', async ({ ack }) => {
      await ack();
      handled.push('exact snooze_exact');
    });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  const press = (actionId: string, value = 'v') =>
    postToSlackEndpoint(
      endpoint,
      interactionBody(
        blockActionsPayload({ actions: [{ action_id: actionId, value }], responseUrl: fake.responseUrl(actionId) }),
      ),
      { signingSecret: SECRET },
    );

  it('hands each action to the handler of its ID, an exact ID before a pattern', async () => {
    handled.length = 0;
    expect((await press('retry_entry', 'entry-1')).status).toBe(200);
    expect((await press('snooze_exact')).status).toBe(200);
    expect((await press('snooze_1h')).status).toBe(200);
    expect(handled).toEqual(['retry entry-1', 'exact snooze_exact', 'pattern snooze_1h']);
  });

  it('acks an action nobody handles (a link button) at once and says so in the log', async () => {
    const reply = await press('open_in_caliq');
    expect(reply.status).toBe(200);
    expect(reply.elapsedMs).toBeLessThan(2000);
    expect(logs.lines.join('')).toContain('no handler for this action');
    expect(logs.lines.join('')).toContain('open_in_caliq');
  });

  it('refuses a second handler for the same ID when it is registered', () => {
    expect(() => routes.on('retry_entry', async () => undefined)).toThrow(/two handlers for the action retry_entry/);
  });
});
