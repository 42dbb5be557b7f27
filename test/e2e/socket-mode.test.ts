// Socket Mode, as most teams run it: the fake Slack hands out a ws:// URL, sends hello and a slash command envelope.
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND, FUNCTION } from '../../src/ids.js';
import { FAKE_SLACK_IDS } from '../../tools/slack-stand-in/fake-slack.js';
import {
  appHomeOpenedEvent,
  eventCallbackPayload,
  functionExecutedEvent,
  globalShortcutPayload,
} from '../../tools/slack-stand-in/slack-requests.js';
import { ALICE, type Harness, startHarness } from '../support/bot-harness.js';

describe('Socket Mode', () => {
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.stop();
  });

  it('acknowledges a slash_commands envelope and opens the modal', async () => {
    h = await startHarness({ socketMode: true });
    await h.fake.waitForSocketClient();
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(1);
    const ack = await h.fake.sendEnvelope({
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'deprecated-verification-token',
        team_id: FAKE_SLACK_IDS.teamId,
        team_domain: FAKE_SLACK_IDS.teamDomain,
        channel_id: 'C0SALES01',
        channel_name: 'sales',
        user_id: ALICE,
        user_name: 'alice',
        command: COMMAND,
        text: 'visit ACME01',
        api_app_id: FAKE_SLACK_IDS.appId,
        is_enterprise_install: 'false',
        response_url: h.fake.responseUrl(),
        trigger_id: '1234567890.1234567890.abcdefabcdef',
      },
    });
    expect(ack.envelope_id).toBeTruthy();
    expect(ack.elapsedMs).toBeLessThan(3000);
    const open = await h.fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe('1234567890.1234567890.abcdefabcdef');
    expect(JSON.stringify(open.args.view)).toContain('ACME01');
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it('acknowledges an app_home_opened events_api envelope and publishes the Home tab', async () => {
    if (!h) throw new Error('the bot of the first test is not running');
    const ack = await h.fake.sendEnvelope({
      type: 'events_api',
      payload: eventCallbackPayload(appHomeOpenedEvent({ userId: ALICE })),
    });
    expect(ack.elapsedMs).toBeLessThan(3000);
    const publish = await h.fake.waitForCall('views.publish', (call) => call.args.user_id === ALICE);
    expect((publish.args.view as { type: string }).type).toBe('home');
  });

  it('acknowledges a global shortcut envelope and opens the empty form', async () => {
    if (!h) throw new Error('the bot of the first test is not running');
    const opened = h.fake.callsTo('views.open').length;
    const ack = await h.fake.sendEnvelope({ type: 'interactive', payload: globalShortcutPayload({ userId: ALICE }) });
    expect(ack.elapsedMs).toBeLessThan(3000);
    await expect.poll(() => h?.fake.callsTo('views.open').length).toBe(opened + 1);
  });

  it('runs the workflow step from an events_api envelope and completes it with logged', async () => {
    if (!h) throw new Error('the bot of the first test is not running');
    const inputs = { person: ALICE, account: 'ACME01', kind: 'visit', contact: 'Jane Smith', channel: 'Sales Rep' };
    const event = functionExecutedEvent({ callbackId: FUNCTION.logInteraction, inputs, executionId: 'Fx0SOCKET1' });
    const ack = await h.fake.sendEnvelope({ type: 'events_api', payload: eventCallbackPayload(event) });
    expect(ack.elapsedMs).toBeLessThan(3000);
    const done = await h.fake.waitForCall(
      'functions.completeSuccess',
      (call) => call.args.function_execution_id === 'Fx0SOCKET1',
    );
    expect(done.args.outputs).toMatchObject({ status: 'logged', issues: '' });
    expect(h.sim.interactions.filter((stored) => stored.body.Kind === 'V')).toHaveLength(1);
  });
});
