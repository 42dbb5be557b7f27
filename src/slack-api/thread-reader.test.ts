// Reading a thread against the fake Slack over HTTP: pagination, the 200-message cap, names, and each failure's reason.
import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { readThread } from './thread-reader.js';

let fake: FakeSlack;
let client: WebClient;
const PARENT = '1764083040.000100';

beforeAll(async () => {
  fake = await startFakeSlack();
  client = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function seed(count: number): void {
  fake.setChannel('C1', { name: 'sales' });
  fake.setUser('U1', { realName: 'Jane Smith' });
  for (let i = 0; i < count; i += 1) {
    const ts = `${1764083040 + i}.000100`;
    fake.addMessage('C1', { ts, thread_ts: PARENT, user: 'U1', text: `m${i}` });
  }
}

describe('readThread', () => {
  it('follows next_cursor across pages and names the authors', async () => {
    seed(3);
    const all = (await client.conversations.replies({ channel: 'C1', ts: PARENT })).messages ?? [];
    fake.respondWith(
      'conversations.replies',
      { ok: true, messages: all.slice(0, 2), response_metadata: { next_cursor: 'Mg==' } },
      { times: 1 },
    );
    const read = await readThread(client, { conversationId: 'C1', threadTs: PARENT });
    expect(read.ok && read.messages.map((m) => [m.text, m.authorName])).toEqual([
      ['m0', 'Jane Smith'],
      ['m1', 'Jane Smith'],
      ['m2', 'Jane Smith'],
    ]);
    const cursors = fake
      .callsTo('conversations.replies')
      .slice(1)
      .map((call) => call.args.cursor);
    expect(cursors).toEqual([undefined, 'Mg==']);
  });

  it('stops at 200 messages', async () => {
    seed(250);
    const read = await readThread(client, { conversationId: 'C1', threadTs: PARENT });
    expect(read.ok && read.messages).toHaveLength(200);
  });

  it.each([
    [{ ok: false, error: 'not_in_channel' }, 200, 'not_in_channel'],
    [{ ok: false, error: 'channel_not_found' }, 200, 'not_visible'],
    [{ ok: false, error: 'missing_scope', needed: 'channels:history' }, 200, 'missing_scope'],
    [{ ok: false, error: 'ratelimited' }, 429, 'rate_limited'],
  ])('says why when Slack answers %j', async (answer, status, problem) => {
    fake.respondWith('conversations.replies', answer, { status, headers: { 'retry-after': '30' } });
    const read = await readThread(client, { conversationId: 'C1', threadTs: PARENT });
    expect(read).toMatchObject({ ok: false, problem });
  });
});
