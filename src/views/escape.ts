// Makes user text safe inside mrkdwn (no forged mentions or links) and shortens text to Slack's limits.

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Escapes `&`, `<` and `>` as Slack asks, so user text cannot form `<!channel>`, `<@U…>` or `<http://evil|bank>`, and
 * breaks bare `@channel` / `@here` / `@everyone` with a zero-width space, which Slack would otherwise notify with
 * (not inside an email address such as `bob@here.com`).
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(?<![\w.%+-])@(channel|here|everyone)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/** Cuts text to at most `max` characters, ending with `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Cuts mrkdwn that is already escaped or built by us: also drops a half-cut entity (`&am`) or a half-cut mention or
 * link (`<@U12`), which Slack would show as garbage.
 */
export function truncateMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  const cut = truncate(mrkdwn, max).slice(0, -1);
  return `${cut.replace(/&[a-z#0-9]*$/i, '').replace(/<[^>]*$/, '')}…`;
}

/** Escapes user text and shows it as a mrkdwn block quote, line by line. */
export function quoteMrkdwn(text: string): string {
  return escapeMrkdwn(text.trim())
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
