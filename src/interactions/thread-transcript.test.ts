// The transcript: one line per person's message in the reader's zone, plain words, cut from the oldest end only.
import { describe, expect, it } from 'vitest';
import {
  buildThreadOffer,
  composeNotes,
  type ThreadMessage,
  TRANSCRIPT_LINE_MAX,
  transcriptBudget,
} from './thread-transcript.js';

const message = (over: Partial<ThreadMessage> = {}): ThreadMessage => ({
  ts: '1764083040.000200',
  authorName: 'Jane Smith',
  text: 'Hello',
  files: [],
  fromBot: false,
  ...over,
});

describe('buildThreadOffer', () => {
  it('writes one line per message: time in the reader’s zone, author, plain text, files, then the permalink', () => {
    const offer = buildThreadOffer(
      [
        message({ text: 'Quote for <@U0BOB|bob>? See <https://acme.example/q|the quote>' }),
        message({
          ts: '1764086640.000300',
          authorName: 'Bob Patel',
          text: 'ask <@U0ALICE01>\nsoon',
          files: [{ name: 'quote.pdf', permalink: 'https://files.example/quote.pdf' }],
        }),
        message({ ts: '1764086700.000400', authorName: 'caliq-interactions', text: 'Logged', fromBot: true }),
      ],
      {
        timeZone: 'America/New_York',
        permalink: 'https://x.slack.com/archives/C1/p1764083040000200',
        budget: 10_000,
        nameOf: (id) => (id === 'U0ALICE01' ? 'Alice Jones' : undefined),
      },
    );
    expect(offer).toMatchObject({ messageCount: 2, leftOut: 0 });
    expect(offer.transcript.split('\n')).toEqual([
      'Slack thread (2 messages): https://x.slack.com/archives/C1/p1764083040000200',
      '25 Nov 10:04 Jane Smith: Quote for @bob? See the quote (https://acme.example/q)',
      '25 Nov 11:04 Bob Patel: ask @Alice Jones / soon [file: quote.pdf https://files.example/quote.pdf]',
    ]);
  });

  it('drops the oldest whole messages to fit the budget and says how many', () => {
    const messages = Array.from({ length: 10 }, (_, i) =>
      message({ ts: String(1764083040 + i * 60), text: `message ${i} ${'x'.repeat(80)}` }),
    );
    const offer = buildThreadOffer(messages, { timeZone: 'UTC', budget: 500 });
    expect(offer.transcript.length).toBeLessThanOrEqual(500);
    expect(offer.leftOut).toBeGreaterThan(0);
    expect(offer.transcript).toContain(`the oldest ${offer.leftOut} left out`);
    expect(offer.transcript).toContain('message 9');
    expect(offer.transcript).not.toContain('message 0 ');
  });

  it('cuts a single enormous message to one line of at most TRANSCRIPT_LINE_MAX', () => {
    const offer = buildThreadOffer([message({ text: 'y'.repeat(40_000) }), message()], {
      timeZone: 'UTC',
      budget: 17_000,
    });
    const lines = offer.transcript.split('\n');
    expect(lines[1]?.length).toBe(TRANSCRIPT_LINE_MAX);
    expect(lines[1]?.endsWith('…')).toBe(true);
  });
});

describe('composeNotes', () => {
  it('puts the transcript below the user’s words and never cuts those words', () => {
    const transcript = 'Slack thread (3 messages)\nline one\nline two\nline three';
    expect(composeNotes('My notes', transcript, 1000)).toBe(`My notes\n\n${transcript}`);
    const tight = composeNotes(
      'My notes',
      transcript,
      'My notes'.length + 2 + 'Slack thread (3 messages)\nline three'.length,
    );
    expect(tight).toBe('My notes\n\nSlack thread (3 messages)\nline three');
    expect(composeNotes('x'.repeat(50), transcript, 40)).toBe('x'.repeat(50));
  });

  it('leaves room for a full notes field in the budget', () => {
    expect(transcriptBudget(20_000)).toBe(16_998);
  });
});
