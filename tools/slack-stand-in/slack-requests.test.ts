// Signed bodies must pass Bolt's own verifier, and payload builders must have the shapes Slack sends.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSlackRequest, verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK, CALLBACK, COMMAND, ELEMENT } from '../../src/ids.js';
import {
  blockActionsPayload,
  commandBody,
  interactionBody,
  messageShortcutPayload,
  postToSlackEndpoint,
  signSlackRequest,
  stateValues,
  viewSubmissionPayload,
} from './slack-requests.js';

const SECRET = 'test-signing-secret';

const verify = (body: string, headers: { 'x-slack-signature': string; 'x-slack-request-timestamp': string }) =>
  isValidSlackRequest({
    signingSecret: SECRET,
    body,
    headers: { ...headers, 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
  });

describe('signSlackRequest', () => {
  it('produces a signature Bolt accepts', () => {
    const body = commandBody({ text: 'call ACC1 yesterday notes' });
    const headers = signSlackRequest(body, SECRET);
    expect(() =>
      verifySlackRequest({
        signingSecret: SECRET,
        body,
        headers: { ...headers, 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
      }),
    ).not.toThrow();
  });

  it("matches the worked example in Slack's documentation", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest(body, '8f742231b10e8888abcd99yyyzzz85a5', 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('is rejected by Bolt for another secret, a changed body or a timestamp over five minutes old', () => {
    const body = commandBody();
    expect(verify(body, signSlackRequest(body, 'another-secret'))).toBe(false);
    expect(verify(`${body}x`, signSlackRequest(body, SECRET))).toBe(false);
    expect(verify(body, signSlackRequest(body, SECRET, Math.floor(Date.now() / 1000) - 301))).toBe(false);
  });
});

describe('postToSlackEndpoint', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ headers: request.headers, body });
      const headers = {
        'x-slack-signature': String(request.headers['x-slack-signature']),
        'x-slack-request-timestamp': String(request.headers['x-slack-request-timestamp']),
      };
      response.writeHead(verify(body, headers) ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ response_action: 'clear' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the raw body as Slack does, signed, and reports status, JSON and time taken', async () => {
    const body = interactionBody({ type: 'view_submission', note: 'ü & =' });
    const reply = await postToSlackEndpoint(url, body, { signingSecret: SECRET });

    expect(reply).toMatchObject({ status: 200, json: { response_action: 'clear' } });
    expect(reply.elapsedMs).toBeGreaterThan(0);
    expect(seen.at(-1)?.body).toBe(body);
    expect(seen.at(-1)?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('can send a wrong signature or an old timestamp', async () => {
    const body = commandBody();
    expect((await postToSlackEndpoint(url, body, { signingSecret: SECRET, badSignature: true })).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 600;
    expect((await postToSlackEndpoint(url, body, { signingSecret: SECRET, timestamp: old })).status).toBe(401);
  });
});

describe('bodies and payloads', () => {
  it('builds a slash command form with every field Slack sends', () => {
    const form = new URLSearchParams(
      commandBody({ text: 'call ACC1 "3pm" a+b & c', userId: 'U9', channelName: 'directmessage' }),
    );
    expect(Object.fromEntries(form)).toMatchObject({
      command: COMMAND,
      text: 'call ACC1 "3pm" a+b & c',
      user_id: 'U9',
      channel_name: 'directmessage',
      is_enterprise_install: 'false',
    });
    for (const key of ['token', 'team_id', 'team_domain', 'channel_id', 'user_name', 'api_app_id', 'response_url']) {
      expect(form.get(key), key).toBeTruthy();
    }
    expect(form.get('trigger_id')).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
  });

  it('wraps interactive payloads as payload=<JSON>', () => {
    const payload = messageShortcutPayload({ messageText: 'Called Acme & agreed 10% off' });
    const form = new URLSearchParams(interactionBody(payload));
    expect(JSON.parse(form.get('payload') ?? '')).toEqual(payload);
    expect(payload).toMatchObject({
      type: 'message_action',
      callback_id: CALLBACK.logFromMessageShortcut,
      message: { text: 'Called Acme & agreed 10% off' },
      channel: { id: expect.any(String) },
    });
  });

  it('builds a view_submission whose view carries the given state, metadata, id and hash', () => {
    const values = stateValues({ account: 'ACC1' });
    const payload = viewSubmissionPayload({
      userId: 'U7',
      view: { callback_id: CALLBACK.logModal, private_metadata: '{"a":1}', state: { values }, id: 'V1', hash: 'h1' },
    });
    expect(payload).toMatchObject({
      type: 'view_submission',
      user: { id: 'U7' },
      view: { id: 'V1', hash: 'h1', callback_id: CALLBACK.logModal, private_metadata: '{"a":1}', state: { values } },
      response_urls: [],
    });
  });

  it('puts block_actions in a view container (no response_url) or a message container (with one)', () => {
    const inView = blockActionsPayload({
      actions: [{ action_id: ELEMENT.when, type: 'plain_text_input' }],
      view: { id: 'V2' },
    });
    const onMessage = blockActionsPayload({
      actions: [{ action_id: 'reminder_done', value: '12' }],
      message: { ts: '1.2', channelId: 'D1' },
      responseUrl: 'http://127.0.0.1:9/respond/x',
    });
    expect(inView).toMatchObject({ container: { type: 'view', view_id: 'V2' }, view: { id: 'V2' } });
    expect(inView).not.toHaveProperty('response_url');
    expect(onMessage).toMatchObject({
      container: { type: 'message', message_ts: '1.2', channel_id: 'D1' },
      actions: [{ action_id: 'reminder_done', value: '12', type: 'button', action_ts: expect.any(String) }],
      response_url: 'http://127.0.0.1:9/respond/x',
    });
  });

  it('builds view.state.values for the log modal, one element per block, null for untouched inputs', () => {
    const values = stateValues({ account: 'ACC1', kind: 'V', channel: 64, followUpBy: 'U5' });
    expect(values[BLOCK.account]).toEqual({ [ELEMENT.account]: { type: 'plain_text_input', value: 'ACC1' } });
    expect(values[BLOCK.kind]).toEqual({
      [ELEMENT.kind]: {
        type: 'radio_buttons',
        selected_option: { value: 'V', text: expect.objectContaining({ text: 'Visit' }) },
      },
    });
    expect(values[BLOCK.channel]).toMatchObject({
      [ELEMENT.channel]: { type: 'static_select', selected_option: { value: '64' } },
    });
    expect(values[BLOCK.followUpBy]).toEqual({ [ELEMENT.followUpBy]: { type: 'users_select', selected_user: 'U5' } });
    expect(values[BLOCK.notes]).toEqual({ [ELEMENT.notes]: { type: 'plain_text_input', value: null } });
    // The thread's checkbox is in the state only when the test ticks or unticks it, as only some forms have it.
    expect(Object.keys(values)).toHaveLength(Object.keys(BLOCK).length - 2);
    expect(stateValues({ attachThread: false })).toHaveProperty(BLOCK.attachThread);
    expect(Object.keys(stateValues({ notes: 'x' }, { onlyGiven: true }))).toEqual([BLOCK.notes]);
  });
});
