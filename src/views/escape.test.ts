import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, quoteMrkdwn, truncate, truncateMrkdwn } from './escape.js';

const BARE_MENTION = /(?<![\w.%+-])@(channel|here|everyone)\b/i;

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel> look', '&lt;!channel&gt; look'],
    ['hi <@U1>', 'hi &lt;@U1&gt;'],
    ['<http://evil|bank>', '&lt;http://evil|bank&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['already &lt;', 'already &amp;lt;'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeMrkdwn(raw)).toBe(escaped);
  });

  it('breaks bare @channel, @here and @everyone, in any case', () => {
    const escaped = escapeMrkdwn('@here ping @Channel and @EVERYONE.');
    expect(escaped).not.toMatch(BARE_MENTION);
    expect(escaped).toBe('@\u200Bhere ping @\u200BChannel and @\u200BEVERYONE.');
  });

  it('leaves email addresses and other @words alone', () => {
    expect(escapeMrkdwn('mail bob@here.com or @hereford')).toBe('mail bob@here.com or @hereford');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to max with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghijk', 5)).toBe('abcd…');
    expect(truncate('abcdefghijk', 5)).toHaveLength(5);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('ab😀cdef', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});

describe('truncateMrkdwn', () => {
  it('drops a half-cut entity or mention', () => {
    expect(truncateMrkdwn('abc &amp; def', 7)).toBe('abc …');
    expect(truncateMrkdwn('see <@U12345> now', 10)).toBe('see …');
    expect(truncateMrkdwn('x'.repeat(4000), 3000)).toHaveLength(3000);
  });
});

describe('quoteMrkdwn', () => {
  it('quotes every line and escapes user text', () => {
    expect(quoteMrkdwn('one\n> two <@U1>')).toBe('>one\n>&gt; two &lt;@U1&gt;');
  });
});
