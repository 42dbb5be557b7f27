// The fake Slack must answer real SDK clients as Slack does, or every test built on it proves nothing.
import { SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack();
  client = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const view = {
  type: 'modal' as const,
  callback_id: 'log_interaction_modal',
  title: { type: 'plain_text' as const, text: 'Log interaction' },
  private_metadata: '{"uniqueId":"abc"}',
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '[call] *hello*' } }],
};

describe('Web API', () => {
  it('records views.open with the view parsed back from the form and answers with an id and hash', async () => {
    const answer = await client.views.open({ trigger_id: '123.456.abc', view });

    const [call] = fake.callsTo('views.open');
    expect(call?.token).toBe('xoxb-test-token');
    expect(call?.args.trigger_id).toBe('123.456.abc');
    expect(call?.args.view).toEqual(view);
    expect(answer.view?.id).toMatch(/^V/);
    expect(answer.view?.hash).toBeTruthy();
    expect(answer.view?.callback_id).toBe('log_interaction_modal');
  });

  it('refuses a view or a message over Block Kit limits, as Slack does', async () => {
    const tooLong = { ...view, title: { type: 'plain_text' as const, text: 'A title longer than twenty-four' } };
    await expect(client.views.open({ trigger_id: 't', view: tooLong })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });

  it('keeps free text fields as strings even when they look like JSON', async () => {
    await client.chat.postMessage({ channel: 'C1', text: '[1, 2]' });
    expect(fake.callsTo('chat.postMessage')[0]?.args.text).toBe('[1, 2]');
  });

  it('rejects a stale hash it issued itself, as Slack does on concurrent updates', async () => {
    const opened = await client.views.open({ trigger_id: 't', view });
    const id = opened.view?.id as string;
    const updated = await client.views.update({ view_id: id, hash: opened.view?.hash as string, view });
    expect(updated.view?.id).toBe(id);

    await expect(client.views.update({ view_id: id, hash: opened.view?.hash as string, view })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
  });

  it('serves overrides in order, for the given number of calls, then the default answer again', async () => {
    fake.respondWith('chat.postEphemeral', { ok: false, error: 'channel_not_found' }, { times: 1 });
    fake.respondWith('chat.postEphemeral', (args) => ({ ok: true, message_ts: `echo-${String(args.user)}` }), {
      times: 1,
    });

    await expect(client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'channel_not_found' },
    });
    expect((await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'x' })).message_ts).toBe('echo-U1');
    expect((await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'x' })).message_ts).toMatch(
      /^\d+\.\d{6}$/,
    );
  });

  it('can answer with an HTTP status such as 429 and Retry-After', async () => {
    const strict = new WebClient('xoxb-t', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    fake.respondWith(
      'chat.update',
      { ok: false, error: 'ratelimited' },
      { status: 429, headers: { 'retry-after': '7' } },
    );

    await expect(strict.chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
  });

  it('answers unknown_method for methods it does not know, and not_authed without a token', async () => {
    await expect(client.apiCall('nothing.here')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    const anonymous = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    await expect(anonymous.auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
  });

  it('gives each posted message a unique, increasing ts and opens DMs as D + user id', async () => {
    const first = await client.chat.postMessage({ channel: 'U0ALICE01', text: 'one' });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'two' });
    const dm = await client.conversations.open({ users: 'U0ALICE01' });

    expect(first.channel).toBe('DU0ALICE01');
    expect(dm.channel?.id).toBe('DU0ALICE01');
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
  });

  it("keeps the app's DMs with their metadata, shown by conversations.history only with include_all_metadata", async () => {
    const metadata = { event_type: 'caliq_reminder', event_payload: { reminder_id: 'r-1', version: 2 } };
    const posted = await client.chat.postMessage({ channel: 'DU0ALICE01', text: 'remember', metadata });
    await client.chat.postMessage({ channel: 'DU0ALICE01', text: 'later' });

    const plain = await client.conversations.history({ channel: 'DU0ALICE01', limit: 20 });
    const full = await client.conversations.history({ channel: 'DU0ALICE01', limit: 20, include_all_metadata: true });
    expect(plain.messages?.map((m) => [m.text, m.metadata])).toEqual([
      ['later', undefined],
      ['remember', undefined],
    ]);
    expect(full.messages?.[1]).toMatchObject({ ts: posted.ts, metadata });
    await expect(client.conversations.history({ channel: 'D0SOMEONE' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('can keep the effect of a call and lose its answer (afterDefault), as when a response never arrives', async () => {
    fake.respondWith('chat.postMessage', { ok: false, error: 'lost' }, { times: 1, status: 500, afterDefault: true });
    await expect(client.chat.postMessage({ channel: 'DU0ALICE01', text: 'once' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
    });
    expect(fake.messagesIn('DU0ALICE01').map((m) => m.text)).toEqual(['once']);
  });

  it('describes users with their time zone, email and custom profile fields', async () => {
    fake.setUser('U0BOB0001', {
      tz: 'America/New_York',
      email: 'Bob@Example.com',
      realName: 'Bob Smith',
      fields: { Xf01: { value: 'EMP42', alt: '' } },
    });
    fake.setTeamProfileFields([{ id: 'Xf01', label: 'Employee ID' }]);

    const bob = await client.users.info({ user: 'U0BOB0001' });
    const other = await client.users.info({ user: 'U0OTHER01' });
    const byEmail = await client.users.lookupByEmail({ email: 'bob@example.com' });
    const profile = await client.users.profile.get({ user: 'U0BOB0001' });
    const team = await client.team.profile.get();

    expect(bob.user).toMatchObject({ tz: 'America/New_York', real_name: 'Bob Smith' });
    expect([-18000, -14400]).toContain(bob.user?.tz_offset);
    expect(other.user?.tz).toBe('Europe/London');
    expect(byEmail.user?.id).toBe('U0BOB0001');
    expect(profile.profile?.fields).toEqual({ Xf01: { value: 'EMP42', alt: '' } });
    expect(team.profile?.fields?.[0]).toMatchObject({ id: 'Xf01', label: 'Employee ID' });
    await expect(client.users.lookupByEmail({ email: 'nobody@example.com' })).rejects.toMatchObject({
      data: { error: 'users_not_found' },
    });
  });

  it('builds permalinks from channel and ts', async () => {
    const link = await client.chat.getPermalink({ channel: 'C1', message_ts: '1732600000.000100' });
    expect(link.permalink).toBe('https://caliq-test.slack.com/archives/C1/p1732600000000100');
  });
});

describe('waiting', () => {
  it('resolves waitForCall on arrival, before a delayed answer is sent', async () => {
    fake.delay('users.info', 300);
    const pending = client.users.info({ user: 'U1' });
    const call = await fake.waitForCall('users.info', (c) => c.args.user === 'U1');
    const arrivedAt = performance.now();

    await pending;
    expect(call.args.user).toBe('U1');
    expect(performance.now() - arrivedAt).toBeGreaterThan(200);
  });

  it('rejects waitForCall after the timeout and names the calls it did see', async () => {
    await client.auth.test();
    await expect(fake.waitForCall('views.open', undefined, 30)).rejects.toThrow(/views\.open.*auth\.test/);
  });
});

describe('response_url', () => {
  it('records JSON posted to a response_url and can play an expired one', async () => {
    const url = fake.responseUrl('cmd-1');
    const ok = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    });
    fake.respondUrlStatus(404);
    const expired = await fetch(url, { method: 'POST', body: '{"text":"late"}' });

    expect(ok.status).toBe(200);
    expect(expired.status).toBe(404);
    expect(await fake.waitForResponse((r) => r.status === 404)).toMatchObject({ id: 'cmd-1', body: { text: 'late' } });
    expect(fake.responses.map((r) => r.body)).toEqual([{ text: 'hi' }, { text: 'late' }]);
  });
});

describe('Socket Mode', () => {
  it('hands a client the socket URL, greets it, sends an envelope and returns its ack', async () => {
    const socketClient = new SocketModeClient({
      appToken: 'xapp-1-test',
      autoReconnectEnabled: false,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    socketClient.on('slash_commands', async ({ ack, body }) => {
      await ack({ text: `got ${body.text}` });
    });
    try {
      await socketClient.start();
      await fake.waitForSocketClient(1000);

      const ack = await fake.sendEnvelope({
        type: 'slash_commands',
        payload: { command: '/log-interaction', text: 'x' },
      });

      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');
      expect(ack.payload).toEqual({ text: 'got x' });
      expect(ack.elapsedMs).toBeLessThan(1000);
      expect(fake.socketAcks).toHaveLength(1);
    } finally {
      await socketClient.disconnect();
    }
  });

  it('refuses to send an envelope when no client is connected', async () => {
    await expect(fake.sendEnvelope({ type: 'interactive', payload: {} })).rejects.toThrow(/no Socket Mode client/);
  });
});
