// A stored reply target reads the same whether it was written as conversationId or, before the rename, channelId.
import { describe, expect, it } from 'vitest';
import { readReplyTarget } from './draft.js';

describe('readReplyTarget', () => {
  it('reads today’s shape as it is', () => {
    expect(readReplyTarget({ responseUrl: 'https://hooks.slack.test/r/1', conversationId: 'C1' })).toEqual({
      responseUrl: 'https://hooks.slack.test/r/1',
      conversationId: 'C1',
    });
  });

  it('reads a row written before the rename (channelId) as the conversation', () => {
    expect(readReplyTarget({ channelId: 'C9' })).toEqual({ conversationId: 'C9' });
  });

  it('keeps nothing that is not a string, and reads no target at all as an empty one', () => {
    expect(readReplyTarget({ responseUrl: 42, conversationId: null })).toEqual({});
    expect(readReplyTarget(undefined)).toEqual({});
  });
});
