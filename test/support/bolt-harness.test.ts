// The test harness end to end with a real Bolt app: signed HTTP requests in, Web API calls out, and Socket Mode.
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK, COMMAND } from '../../src/ids.js';
import { FAKE_SLACK_IDS, type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import {
  commandBody,
  interactionBody,
  postToSlackEndpoint,
  viewSubmissionPayload,
} from '../../tools/slack-stand-in/slack-requests.js';
import { startBoltHttpApp } from './bolt-http-app.js';

const SECRET = 'harness-signing-secret';
const modal = {
  type: 'modal' as const,
  callback_id: CALLBACK.logModal,
  title: { type: 'plain_text' as const, text: 'Log interaction' },
  blocks: [],
};

/** A minimal app shaped like ours: ack, open a modal, answer a submission with errors. */
const registerListeners = (app: App) => {
  app.command(COMMAND, async ({ ack, body, client, respond }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: modal });
    await respond({ text: `opened for ${body.text}` });
  });
  app.view(CALLBACK.logModal, async ({ ack }) => {
    await ack({ response_action: 'errors', errors: { account_block: 'Unknown account' } });
  });
};

describe('HTTP mode', () => {
  let fake: FakeSlack;
  let app: App;
  let endpoint: string;

  beforeAll(async () => {
    fake = await startFakeSlack();
    ({ app, endpoint } = await startBoltHttpApp(fake, {
      token: 'xoxb-harness',
      signingSecret: SECRET,
      register: registerListeners,
    }));
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('acks a signed slash command, then the app calls views.open and respond() on the fake', async () => {
    const body = commandBody({ text: 'call ACC1', triggerId: '111.222.abc', responseUrl: fake.responseUrl('cmd') });
    const reply = await postToSlackEndpoint(endpoint, body, { signingSecret: SECRET });

    expect(reply.status).toBe(200);
    const call = await fake.waitForCall('views.open');
    expect(call).toMatchObject({ token: 'xoxb-harness', args: { trigger_id: '111.222.abc', view: modal } });
    expect(await fake.waitForResponse((r) => r.id === 'cmd')).toMatchObject({ body: { text: 'opened for call ACC1' } });
  });

  it('returns the response_action of a view submission as JSON', async () => {
    const payload = viewSubmissionPayload({ view: { callback_id: CALLBACK.logModal } });
    const reply = await postToSlackEndpoint(endpoint, interactionBody(payload), { signingSecret: SECRET });
    expect(reply.json).toEqual({ response_action: 'errors', errors: { account_block: 'Unknown account' } });
  });

  it('is refused with 401 when the signature is wrong', async () => {
    const reply = await postToSlackEndpoint(endpoint, commandBody(), { signingSecret: SECRET, badSignature: true });
    expect(reply.status).toBe(401);
  });
});

describe('Socket Mode', () => {
  it('delivers a slash command envelope to a Bolt app and returns its ack', async () => {
    const fake = await startFakeSlack();
    const app = new App({
      token: 'xoxb-harness',
      appToken: 'xapp-harness',
      socketMode: true,
      botId: FAKE_SLACK_IDS.botId,
      botUserId: FAKE_SLACK_IDS.botUserId,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    registerListeners(app);
    try {
      await app.start();
      await fake.waitForSocketClient();
      const payload = Object.fromEntries(new URLSearchParams(commandBody({ responseUrl: fake.responseUrl('s') })));

      const ack = await fake.sendEnvelope({ type: 'slash_commands', payload });

      expect(ack.envelope_id).toBeTruthy();
      expect((await fake.waitForCall('views.open')).token).toBe('xoxb-harness');
      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-harness');
      // Let the listener finish before the fake goes away.
      expect((await fake.waitForResponse((r) => r.id === 's')).body).toMatchObject({ text: 'opened for ' });
    } finally {
      await app.stop();
      await fake.close();
    }
  });
});
