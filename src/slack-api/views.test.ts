import type { ModalView } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTinyServer, type TinyServer } from '../../test/support/tiny-http.js';
import { openView, publishView, updateView } from './views.js';

let server: TinyServer;
let client: WebClient;
const modal: ModalView = {
  type: 'modal',
  title: { type: 'plain_text', text: 'Log “interaction” & more' },
  blocks: [
    {
      type: 'input',
      block_id: 'b',
      label: { type: 'plain_text', text: 'Notes' },
      element: { type: 'plain_text_input', action_id: 'a' },
    },
  ],
  private_metadata: JSON.stringify({ uniqueId: 'u-1', notes: 'a=b&c' }),
};

beforeEach(async () => {
  server = await startTinyServer();
  for (const method of ['views.open', 'views.update', 'views.publish']) {
    server.answer(`/api/${method}`, { json: { ok: true, view: { id: 'V1' } } });
  }
  client = new WebClient('xoxb-test', { slackApiUrl: `${server.url}/api/`, retryConfig: { retries: 0 } });
});
afterEach(() => server.close());

describe('views sent as their JSON', () => {
  it('puts on the wire exactly what the client’s own method would', async () => {
    await client.views.open({ trigger_id: 't1', view: modal });
    await openView(client, { trigger_id: 't1', view: modal });
    await client.views.update({ view_id: 'V1', hash: 'h', view: modal });
    await updateView(client, { view_id: 'V1', hash: 'h', view: modal });
    await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    await publishView(client, { user_id: 'U1', view: { type: 'home', blocks: [] } });
    const bodies = server.requests.map((request) => request.body);
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[3]).toBe(bodies[2]);
    expect(bodies[5]).toBe(bodies[4]);
    expect(JSON.parse(new URLSearchParams(bodies[1]).get('view') ?? '')).toEqual(modal);
  });

  it('answers as the client’s method does', async () => {
    const opened = await openView(client, { trigger_id: 't1', view: modal });
    expect(opened.view?.id).toBe('V1');
  });
});
