// The message shortcut on a thread: the form opens at once, then offers the thread; its transcript reaches Caliq.
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCK, ELEMENT } from '../../src/ids.js';
import type { FakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { ALICE, BOB, type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';

type Block = { type?: string; block_id?: string; element?: Record<string, unknown>; elements?: { text: string }[] };
const blocksOf = (view: Record<string, unknown>) => view.blocks as Block[];
const textOfView = (view: Record<string, unknown>) => JSON.stringify(view.blocks);
const PARENT = '1764083040.000100';
const SALES = 'C0SALES01';

/** A customer thread in #sales: Bob's question, Alice's answer with a file, the bot's own note, Bob's thanks. */
function seedThread(fake: FakeSlack): void {
  fake.setChannel(SALES, { name: 'sales' });
  fake.setUser(ALICE, { realName: 'Alice Jones', tz: 'Europe/London' });
  fake.setUser(BOB, { realName: 'Bob Patel' });
  fake.addMessage(SALES, { ts: PARENT, thread_ts: PARENT, user: BOB, text: 'Acme wants a quote, <@U0ALICE01>?' });
  fake.addMessage(SALES, {
    ts: '1764083100.000200',
    thread_ts: PARENT,
    user: ALICE,
    text: 'Sent: <https://acme.example/q|the quote>',
    files: [{ id: 'F1', name: 'quote.pdf', permalink: 'https://caliq-test.slack.com/files/U0ALICE01/F1/quote.pdf' }],
  });
  fake.addMessage(SALES, { ts: '1764083160.000300', thread_ts: PARENT, bot_id: 'B0CALIQ01', text: 'Logged' });
  fake.addMessage(SALES, { ts: '1764083220.000400', thread_ts: PARENT, user: BOB, text: 'Thanks!' });
}

/** The Notes Caliq received in the first interaction. */
const notesSent = (h: Harness) => (h.sim.interactions[0]?.body as { Notes?: string } | undefined)?.Notes;

const updatedView = async (h: Harness) =>
  (
    await h.fake.waitForCall('views.update', (call) =>
      textOfView(call.args.view as Record<string, unknown>).includes('Attach the thread'),
    )
  ).args.view as Record<string, unknown>;

describe('the message shortcut on a thread', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('opens at once from the parent, then offers the thread; the transcript goes below the notes in Caliq', async () => {
    h = await startHarness();
    seedThread(h.fake);
    const callsBefore = h.fake.calls.length;
    await h.shortcut({ channelId: SALES, messageTs: PARENT, threadTs: PARENT, messageUserId: BOB });
    await h.lastOpenedView();
    // Nothing waits before views.open: the thread is read after the form is open.
    expect(h.fake.calls[callsBefore]?.method).toBe('views.open');

    const view = await updatedView(h);
    expect(textOfView(view)).toContain('Attach the thread (3 messages)');
    const transcript = blocksOf(view)
      .filter((block) => block.block_id?.startsWith('thread_transcript_'))
      .flatMap((block) => block.elements?.map((element) => element.text) ?? [])
      .join('\n');
    expect(transcript.split('\n')).toEqual([
      `Slack thread (3 messages): https://caliq-test.slack.com/archives/${SALES}/p1764083040000100`,
      '25 Nov 15:04 Bob Patel: Acme wants a quote, @Alice Jones?',
      '25 Nov 15:05 Alice Jones: Sent: the quote (https://acme.example/q) [file: quote.pdf https://caliq-test.slack.com/files/U0ALICE01/F1/quote.pdf]',
      '25 Nov 15:07 Bob Patel: Thanks!',
    ]);

    await h.submit({ ...VALID_CALL, notes: 'Quote sent', attachThread: true }, { view });
    await vi.waitFor(() => expect(h?.sim.interactions).toHaveLength(1));
    const notes = notesSent(h);
    expect(notes).toBe(`Quote sent\n\n${transcript}`);
  });

  it('reads the whole thread from a reply, and sends only the notes when the box is unticked', async () => {
    h = await startHarness();
    seedThread(h.fake);
    await h.shortcut({ channelId: SALES, messageTs: '1764083220.000400', threadTs: PARENT, messageText: 'Thanks!' });
    const view = await updatedView(h);
    expect(h.fake.callsTo('conversations.replies')[0]?.args).toMatchObject({ channel: SALES, ts: PARENT });
    expect(textOfView(view)).toContain('Acme wants a quote');

    await h.submit({ ...VALID_CALL, notes: 'Only mine', attachThread: false }, { view });
    await vi.waitFor(() => expect(h?.sim.interactions).toHaveLength(1));
    expect(notesSent(h)).toBe('Only mine');
  });

  it('keeps the single message and says why when the bot is not in the channel; nothing fails', async () => {
    h = await startHarness();
    seedThread(h.fake);
    h.fake.setChannel(SALES, { name: 'sales', isMember: false });
    await h.shortcut({ channelId: SALES, channelName: 'sales', messageTs: PARENT, threadTs: PARENT });
    const call = await h.fake.waitForCall('views.update');
    const view = call.args.view as Record<string, unknown>;
    expect(textOfView(view)).toContain('invite @caliq-interactions to #sales to include the whole thread');
    expect(textOfView(view)).not.toContain('Attach the thread');
    await h.submit({ ...VALID_CALL, notes: 'Single message' }, { view });
    await vi.waitFor(() => expect(h?.sim.interactions).toHaveLength(1));
    expect(notesSent(h)).toBe('Single message');
    expect(h.fake.responses.filter((r) => JSON.stringify(r.body).includes('went wrong'))).toEqual([]);
  });

  it('on a hash conflict keeps what the user typed and still offers the thread', async () => {
    h = await startHarness();
    seedThread(h.fake);
    h.fake.delay('conversations.replies', 400);
    await h.shortcut({ channelId: SALES, messageTs: PARENT, threadTs: PARENT });
    await h.fake.waitForCall('views.open');
    const viewId = 'V0FAKE00001';
    expect(h.fake.viewOf(viewId)).toBeDefined();
    // The user types their notes, and another update (a date hint) changes the view's hash meanwhile.
    h.fake.typeInto(viewId, BLOCK.notes, ELEMENT.notes, { type: 'plain_text_input', value: 'typed by hand' });
    const other = new WebClient('xoxb-other', { slackApiUrl: h.fake.apiUrl, retryConfig: { retries: 0 } });
    const stale = h.fake.viewOf(viewId)?.hash as string;
    await other.views.update({ view_id: viewId, hash: stale, view: h.fake.viewOf(viewId) as never });

    await vi.waitFor(() => expect(textOfView(h?.fake.viewOf(viewId) ?? {})).toContain('Attach the thread'));
    const updates = h.fake.callsTo('views.update').filter((call) => call.token !== 'xoxb-other');
    expect(updates[0]?.args.hash).toBe(stale);
    expect(updates).toHaveLength(2);
    const state = h.fake.viewOf(viewId)?.state as { values: Record<string, Record<string, { value?: string }>> };
    expect(state.values[BLOCK.notes]?.[ELEMENT.notes]?.value).toBe('typed by hand');
  });

  it('keeps a 200-message thread of 40,000-character messages inside the limits the fake enforces', async () => {
    h = await startHarness({ env: { CALIQ_NOTES_MAX_LENGTH: '60000' } });
    h.fake.setChannel(SALES, { name: 'sales' });
    for (let i = 0; i < 230; i += 1) {
      const ts = `${1764083040 + i}.000100`;
      h.fake.addMessage(SALES, { ts, thread_ts: '1764083040.000100', user: BOB, text: `${i} ${'ü'.repeat(40_000)}` });
    }
    await h.shortcut({ channelId: SALES, messageTs: PARENT, threadTs: PARENT });
    const update = await h.fake.waitForCall('views.update');
    const answered = await vi.waitFor(() => {
      const view = h?.fake.viewOf('V0FAKE00001');
      expect(textOfView(view ?? {})).toContain('Attach the thread (200 messages)');
      return view;
    });
    expect(textOfView(update.args.view as Record<string, unknown>)).toMatch(/the oldest \d+ messages are left out/);
    expect(answered).toBeDefined();
  });

  it('offers no thread for a message outside one, and makes no update', async () => {
    h = await startHarness();
    seedThread(h.fake);
    await h.shortcut({ channelId: SALES, messageTs: '1764090000.000100', messageText: 'A lone note' });
    await h.lastOpenedView();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo('conversations.replies')).toHaveLength(0);
    expect(h.fake.callsTo('views.update')).toHaveLength(0);
  });
});
