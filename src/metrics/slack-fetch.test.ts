import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTinyServer, type TinyServer } from '../../test/support/tiny-http.js';
import { observeSlackFetch } from './slack-fetch.js';

let server: TinyServer;
let errors: Array<[string, string]>;
const metrics = { slackApiError: (method: string, code: string) => void errors.push([method, code]) };

beforeEach(async () => {
  server = await startTinyServer();
  errors = [];
});
afterEach(() => server.close());

describe('the Slack fetch that counts failed calls', () => {
  it('hands an answer on whole, read once, and counts nothing for ok:true', async () => {
    server.answer('/api/views.open', { json: { ok: true, view: { id: 'V1', blocks: [{ type: 'divider' }] } } });
    const response = await observeSlackFetch(metrics)(`${server.url}/api/views.open`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('json');
    expect(await response.json()).toEqual({ ok: true, view: { id: 'V1', blocks: [{ type: 'divider' }] } });
    expect(JSON.parse(await response.text())).toMatchObject({ view: { id: 'V1' } });
    expect(errors).toEqual([]);
  });

  it('counts Slack’s own error code and still hands the answer on', async () => {
    server.answer('/api/chat.postMessage', { json: { ok: false, error: 'channel_not_found' } });
    const response = await observeSlackFetch(metrics)(`${server.url}/api/chat.postMessage`, { method: 'POST' });
    expect(await response.json()).toEqual({ ok: false, error: 'channel_not_found' });
    expect(errors).toEqual([['chat.postMessage', 'channel_not_found']]);
  });

  it('counts HTTP failures and failed requests by method', async () => {
    server.answer('/api/users.info', { status: 500, text: 'oops' });
    const response = await observeSlackFetch(metrics)(`${server.url}/api/users.info`, { method: 'POST' });
    expect(await response.text()).toBe('oops');
    await expect(observeSlackFetch(metrics)('http://127.0.0.1:9/api/auth.test')).rejects.toThrow();
    expect(errors).toEqual([
      ['users.info', 'http_500'],
      ['auth.test', 'request_failed'],
    ]);
  });

  it('serves the Web API client, which reads the answer through text()', async () => {
    server.answer('/api/views.open', { json: { ok: true, view: { id: 'V2' } } });
    server.answer('/api/views.update', { json: { ok: false, error: 'hash_conflict' } });
    const client = new WebClient('xoxb-test', {
      slackApiUrl: `${server.url}/api/`,
      fetch: observeSlackFetch(metrics),
      retryConfig: { retries: 0 },
    });
    const opened = await client.views.open({
      trigger_id: 't',
      view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
    });
    expect(opened.view?.id).toBe('V2');
    await expect(
      client.views.update({
        view_id: 'V2',
        view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
      }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    expect(errors).toEqual([['views.update', 'hash_conflict']]);
  });
});
