// Turns Slack's escaped message markup (<@U1|jane>, <https://x|label>, &amp;) into text a person can read in Caliq.

/** A Slack user ID → the person's name, when known (a thread transcript names everyone it mentions). */
export type NameOf = (userId: string) => string | undefined;

function readableLink(target: string, label: string | undefined, nameOf: NameOf | undefined): string {
  if (target.startsWith('@')) return `@${label ?? nameOf?.(target.slice(1)) ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!subteam^S1|@team>, <!date^1392734382^{date}|fallback>
    if (label !== undefined) return label.startsWith('@') || target.startsWith('!date') ? label : `@${label}`;
    return `@${target.slice(1).split('^')[0]}`;
  }
  const address = target.startsWith('mailto:') ? target.slice('mailto:'.length) : target;
  if (label === undefined || label === '' || label === address || label === target) return address;
  // Keep the address too: the label alone would lose where the link went.
  return `${label} (${address})`;
}

/** Unescapes Slack's `<…>` links and the three HTML entities Slack escapes. */
export function unescapeSlackText(text: string, nameOf?: NameOf): string {
  return text
    .replace(/<([^<>|]+)(?:\|([^<>]*))?>/g, (_match, target: string, label: string | undefined) =>
      readableLink(target, label, nameOf),
    )
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
