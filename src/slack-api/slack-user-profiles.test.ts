// Checks the Slack user source over a real WebClient against a tiny local Web API server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackUserSource } from './slack-user-profiles.js';

type Call = { method: string; params: Record<string, string> };

const calls: Call[] = [];
let answers: Record<string, unknown> = {};
let server: http.Server;
let client: WebClient;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      calls.push({ method, params: Object.fromEntries(new URLSearchParams(body)) });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answers[method] ?? { ok: false, error: 'unknown_method' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new WebClient('xoxb-test-token', {
    slackApiUrl: `http://127.0.0.1:${port}/api/`,
    retryConfig: { retries: 0 },
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  calls.length = 0;
  answers = {};
});

describe('createSlackUserSource', () => {
  it('maps users.info to the facts the directory uses', async () => {
    answers['users.info'] = {
      ok: true,
      user: {
        id: 'U0123ABCD',
        deleted: false,
        real_name: 'Ann Lee',
        tz: 'Europe/Dublin',
        tz_label: 'Greenwich Mean Time',
        tz_offset: 0,
        is_bot: false,
        profile: { email: 'ann.lee@example.com', display_name: 'ann', real_name: 'Ann Lee' },
      },
    };
    const facts = await createSlackUserSource(client).getUser('U0123ABCD');
    expect(facts).toEqual({
      timeZone: 'Europe/Dublin',
      email: 'ann.lee@example.com',
      realName: 'Ann Lee',
      displayName: 'ann',
      isBot: false,
      deleted: false,
    });
    expect(calls).toEqual([{ method: 'users.info', params: { user: 'U0123ABCD' } }]);
  });

  it("treats Slack's empty strings (a bot without tz, no email scope) as absent", async () => {
    answers['users.info'] = {
      ok: true,
      user: { id: 'B1', deleted: true, real_name: '', tz: '', is_bot: true, profile: { display_name: '' } },
    };
    expect(await createSlackUserSource(client).getUser('B1')).toEqual({
      timeZone: undefined,
      email: undefined,
      realName: undefined,
      displayName: undefined,
      isBot: true,
      deleted: true,
    });
  });

  it('maps users.profile.get custom fields to id → value', async () => {
    answers['users.profile.get'] = {
      ok: true,
      profile: {
        real_name: 'Ann Lee',
        fields: { Xf01: { value: 'Sales', alt: '' }, Xf02: { value: 'E-ANN', alt: '' }, Xf03: { alt: 'no value' } },
      },
    };
    expect(await createSlackUserSource(client).getProfileFields('U0123ABCD')).toEqual({ Xf01: 'Sales', Xf02: 'E-ANN' });
    expect(calls).toEqual([{ method: 'users.profile.get', params: { user: 'U0123ABCD' } }]);
  });

  it('gives no fields when the profile has none', async () => {
    answers['users.profile.get'] = { ok: true, profile: { real_name: 'Ann Lee', fields: null } };
    expect(await createSlackUserSource(client).getProfileFields('U1')).toEqual({});
  });

  it('maps team.profile.get fields to id and label', async () => {
    answers['team.profile.get'] = {
      ok: true,
      profile: {
        fields: [
          { id: 'Xf01', ordering: 0, field_name: 'title', label: 'Title', type: 'text' },
          { id: 'Xf02', ordering: 1, label: 'Employee ID', type: 'text', hint: 'Your Caliq ID' },
          { ordering: 2, label: 'No id' },
        ],
      },
    };
    expect(await createSlackUserSource(client).getTeamProfileFields()).toEqual([
      { id: 'Xf01', label: 'Title' },
      { id: 'Xf02', label: 'Employee ID' },
    ]);
    expect(calls.map((call) => call.method)).toEqual(['team.profile.get']);
  });

  it('rejects with the Slack error code when Slack says no', async () => {
    answers['users.info'] = { ok: false, error: 'user_not_found' };
    await expect(createSlackUserSource(client).getUser('U404')).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'user_not_found' },
    });
  });
});
