// The log modal's notice lines, in plain words: where the contact came from, a shared channel, why a thread is missing.

/** The bot's handle as the manifest names it (bot_user.display_name), for "invite @… to #channel". */
export const BOT_HANDLE = '@caliq-interactions';

export type ThreadProblemKind = 'not_in_channel' | 'not_visible' | 'missing_scope' | 'rate_limited' | 'failed';

const listOf = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** "Contact from Slack: Jane Smith, Acme Corp". */
export function describeContactFromSlack(name: string, organisation: string | undefined): string {
  return `Contact from Slack: ${name}${organisation ? `, ${organisation}` : ''}. Change the names if they are not right.`;
}

/** "Contact from the pasted email: Jane Smith". */
export function describeContactFromEmail(name: string): string {
  return `Contact from the pasted email's From: line: ${name}.`;
}

/** "#acme-shared is shared with Acme Corp; nothing you log is posted there". */
export function describeSharedChannel(channelName: string | undefined, organisations: readonly string[]): string {
  const where = channelName ? `#${channelName}` : 'This channel';
  const withWhom = organisations.length > 0 ? listOf(organisations) : 'another organisation';
  return `${where} is shared with ${withWhom}; nothing you log is posted there.`;
}

/** Why only the single message is in the form, and what to do about it. */
export function describeThreadProblem(problem: ThreadProblemKind, channelName: string | undefined): string {
  const where = channelName ? `#${channelName}` : 'this channel';
  const only = 'Only this message is included, not its thread';
  switch (problem) {
    case 'not_in_channel':
      return `${only}: invite ${BOT_HANDLE} to ${where} to include the whole thread.`;
    case 'not_visible':
      return `${only}: I can't read this conversation (a private channel I'm not in, or a direct message between people). Invite ${BOT_HANDLE} to include threads from a private channel.`;
    case 'missing_scope':
      return `${only}: the app may not read message history yet. Ask your Slack admin to reinstall it with the new permissions.`;
    case 'rate_limited':
      return `${only}: Slack asked me to slow down. Try the shortcut again in a minute to include the thread.`;
    default:
      return `${only}: Slack did not give me the thread this time. Try the shortcut again to include it.`;
  }
}

/** Shown while the form opened from a reaction's prompt waits for the message it logs. */
export const READING_MESSAGE = 'Reading the message…';

/** The reaction's message could not be read: the form stays empty to fill in by hand. */
export function describeMessageUnreadable(problem: ThreadProblemKind, channelName: string | undefined): string {
  const where = channelName ? `#${channelName}` : 'that channel';
  if (problem === 'not_in_channel' || problem === 'not_visible') {
    return `I could not read that message: invite ${BOT_HANDLE} to ${where}, or fill in the form yourself.`;
  }
  return 'I could not read that message just now; fill in the form yourself, or use the button again in a minute.';
}
