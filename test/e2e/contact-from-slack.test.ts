// The customer as the contact (a Slack Connect author, a pasted email's From:), a colleague's message filling nothing,
// and a channel shared with another organisation, where the bot posts nothing that organisation could see.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCK } from '../../src/ids.js';
import { BOB, type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';

type Block = { block_id?: string; element?: { initial_value?: string } };
const initialValue = (view: Record<string, unknown>, blockId: string) =>
  (view.blocks as Block[]).find((block) => block.block_id === blockId)?.element?.initial_value;
const textOfView = (view: Record<string, unknown>) => JSON.stringify(view.blocks);

const ACME_TEAM = 'T0ACME001';
const JANE = 'U0JANE001';
const SHARED = 'C0ACMESH1';

async function sharedChannelHarness(): Promise<Harness> {
  const h = await startHarness();
  h.fake.setTeam(ACME_TEAM, 'Acme Corp');
  h.fake.setUser(JANE, { teamId: ACME_TEAM, realName: 'Jane Smith', firstName: 'Jane', lastName: 'Smith' });
  h.fake.setChannel(SHARED, { name: 'acme-shared', isExtShared: true, connectedTeamIds: [ACME_TEAM] });
  return h;
}

describe('the contact from Slack', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('fills the contact from another organisation’s author and says where it came from', async () => {
    h = await sharedChannelHarness();
    await h.shortcut({
      channelId: SHARED,
      channelName: 'acme-shared',
      messageUserId: JANE,
      messageText: 'Can you send the renewal quote?',
      message: { team: ACME_TEAM, user_team: ACME_TEAM },
    });
    const opened = await h.lastOpenedView();
    expect(initialValue(opened, BLOCK.contactFirstName)).toBeUndefined();
    const view = (await h.fake.waitForCall('views.update')).args.view as Record<string, unknown>;
    expect(initialValue(view, BLOCK.contactFirstName)).toBe('Jane');
    expect(initialValue(view, BLOCK.contactSurname)).toBe('Smith');
    expect(textOfView(view)).toContain('Contact from Slack: Jane Smith, Acme Corp');
    expect(textOfView(view)).toContain('#acme-shared is shared with Acme Corp; nothing you log is posted there.');
  });

  it('fills the contact from a pasted email’s From: line at once', async () => {
    h = await startHarness();
    await h.shortcut({
      messageUserId: BOB,
      messageText: 'From: Jane Smith &lt;jane@acme.example&gt;\nSubject: Renewal\n\nPlease call me back.',
    });
    const view = await h.lastOpenedView();
    expect(initialValue(view, BLOCK.contactFirstName)).toBe('Jane');
    expect(initialValue(view, BLOCK.contactSurname)).toBe('Smith');
    expect(textOfView(view)).toContain("Contact from the pasted email's From: line: Jane Smith.");
  });

  it('fills nothing from a colleague’s own message', async () => {
    h = await startHarness();
    h.fake.setUser(BOB, { realName: 'Bob Patel' });
    await h.shortcut({ messageUserId: BOB, messageText: 'Spoke to Acme about the renewal' });
    const view = await h.lastOpenedView();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(initialValue(view, BLOCK.contactFirstName)).toBeUndefined();
    expect(h.fake.callsTo('views.update')).toHaveLength(0);
    expect(h.fake.callsTo('users.info').map((call) => call.args.user)).not.toContain(BOB);
  });

  it('in a shared channel posts nothing visible there: every answer is ephemeral or a DM, also on fallbacks', async () => {
    h = await sharedChannelHarness();
    const shortcut = {
      channelId: SHARED,
      channelName: 'acme-shared',
      messageUserId: JANE,
      message: { team: ACME_TEAM, user_team: ACME_TEAM },
    };
    await h.shortcut(shortcut);
    const view = (await h.fake.waitForCall('views.update')).args.view as Record<string, unknown>;
    await h.submit(VALID_CALL, { view });
    await vi.waitFor(() => expect(h?.sim.interactions).toHaveLength(1));
    await h.fake.waitForResponse();
    // An expired response_url: the answers fall back to ephemeral messages and DMs, never a channel post.
    h.fake.respondUrlStatus(404);
    await h.shortcut({ ...shortcut, userId: 'U0CAROL01' });
    await h.fake.waitForCall('chat.postEphemeral');

    const visible = h.fake
      .callsTo('chat.postMessage')
      .filter((call) => !String(call.args.channel).startsWith('D') && !String(call.args.channel).startsWith('U'));
    expect(visible).toEqual([]);
    expect(h.fake.callsTo('chat.update').filter((call) => call.args.channel === SHARED)).toEqual([]);
    for (const response of h.fake.responses) {
      expect((response.body as { response_type?: string }).response_type).toBe('ephemeral');
    }
    expect(h.fake.responses.length + h.fake.callsTo('chat.postEphemeral').length).toBeGreaterThanOrEqual(2);
  });
});
