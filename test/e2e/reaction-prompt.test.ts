// LOG_REACTION: the emoji brings the person who added it a private prompt (once a minute per message), whose button
// opens the form prefilled from that message, its thread and its author; an unmapped person is told why instead.
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION, BLOCK } from '../../src/ids.js';
import { ALICE, BOB, CAROL, type Harness, startHarness } from '../support/bot-harness.js';

const SALES = 'C0SALES01';
const PARENT = '1764083040.000100';
const REPLY = '1764083100.000200';
type Block = { block_id?: string; element?: { initial_value?: string }; elements?: { value?: string }[] };

const reacted = (user: string, reaction = 'caliq', ts = REPLY) => ({
  type: 'reaction_added',
  user,
  reaction,
  item_user: BOB,
  item: { type: 'message', channel: SALES, ts },
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function reactionHarness(env: Record<string, string> = { LOG_REACTION: ':caliq:' }): Promise<Harness> {
  const h = await startHarness({ env });
  h.fake.setChannel(SALES, { name: 'sales' });
  h.fake.setUser(BOB, { realName: 'Bob Patel' });
  h.fake.addMessage(SALES, { ts: PARENT, thread_ts: PARENT, user: BOB, text: 'Acme wants a quote' });
  h.fake.addMessage(SALES, { ts: REPLY, thread_ts: PARENT, user: ALICE, text: 'Sent it this morning' });
  return h;
}

describe('an emoji starts a log', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('prompts only the person who reacted, once for repeats within a minute, and not for other emoji', async () => {
    h = await reactionHarness();
    await h.event(reacted(ALICE));
    const prompt = await h.fake.waitForCall('chat.postEphemeral');
    expect(prompt.args).toMatchObject({ channel: SALES, user: ALICE, text: 'Log this message to Caliq?' });
    await h.event(reacted(ALICE));
    await h.event(reacted(ALICE));
    await h.event(reacted(ALICE, 'thumbsup'));
    await settle();
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('the button opens the form at once, then fills it from the message and offers its thread', async () => {
    h = await reactionHarness();
    await h.event(reacted(ALICE));
    const prompt = await h.fake.waitForCall('chat.postEphemeral');
    const button = (prompt.args.blocks as Block[]).flatMap((block) => block.elements ?? [])[0];
    const callsBefore = h.fake.calls.length;
    await h.action({
      userId: ALICE,
      actions: [{ action_id: ACTION.logFromReaction, type: 'button', value: button?.value }],
      message: { ts: '1764090000.000900', channelId: SALES, isEphemeral: true },
      responseUrl: h.fake.responseUrl('reaction'),
    });
    await h.lastOpenedView();
    expect(h.fake.calls[callsBefore]?.method).toBe('views.open');
    const update = await h.fake.waitForCall('views.update');
    const view = update.args.view as { blocks: Block[] };
    const notes = view.blocks.find((block) => block.block_id === BLOCK.notes)?.element?.initial_value;
    expect(notes).toContain('Sent it this morning');
    expect(JSON.stringify(view.blocks)).toContain('Attach the thread (2 messages)');
    expect(JSON.stringify(view.blocks)).not.toContain('Reading the message');
  });

  it('tells an unmapped person why instead of prompting, and is off without LOG_REACTION', async () => {
    h = await reactionHarness();
    await h.event(reacted(CAROL));
    const answer = await h.fake.waitForCall('chat.postEphemeral');
    expect(answer.args.user).toBe(CAROL);
    expect(String(answer.args.text)).not.toContain('Log this message');
    expect(JSON.stringify(answer.args)).toMatch(/mapped|employee/i);
    await h.stop();

    h = await reactionHarness({});
    await h.event(reacted(ALICE));
    await settle();
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  });
});
