// Checks that Slack's escaped markup becomes readable text.
import { describe, expect, it } from 'vitest';
import { unescapeSlackText } from './slack-text.js';

describe('unescapeSlackText', () => {
  it.each([
    ['<@U123|jane> said hi', '@jane said hi'],
    ['ask <@U123>', 'ask @U123'],
    ['in <#C1|sales>', 'in #sales'],
    ['in <#C1>', 'in #C1'],
    ['mail <mailto:a@b.com|a@b.com>', 'mail a@b.com'],
    ['mail <mailto:a@b.com|Anna>', 'mail Anna (a@b.com)'],
    ['see <https://x.example/q?a=1&amp;b=2|the quote>', 'see the quote (https://x.example/q?a=1&b=2)'],
    ['see <https://x.example>', 'see https://x.example'],
    ['<!here> look', '@here look'],
    ['<!subteam^S1|@sales-team> look', '@sales-team look'],
    ['<!date^1392734382^{date}|Feb 18, 2014> ok', 'Feb 18, 2014 ok'],
    ['Smith &amp; Sons &lt;ltd&gt;', 'Smith & Sons <ltd>'],
    ['literal &amp;lt; stays', 'literal &lt; stays'],
  ])('%j → %j', (input, expected) => {
    expect(unescapeSlackText(input)).toBe(expected);
  });
});
