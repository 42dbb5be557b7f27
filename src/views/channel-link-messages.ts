// The answers to `link` and `unlink`: linked (and what it replaced), unlinked, and each reason a link was refused.
import type { ChannelLink } from '../store/index.js';
import { contextBlock, type MessageView, sectionBlock } from './blocks.js';
import { mentionUser } from './describe.js';
import { escapeMrkdwn } from './escape.js';

/** Why a link or unlink did not happen; each has its own plain answer. */
export type ChannelLinkProblem =
  | { reason: 'no_account'; command: string }
  | { reason: 'unknown_account'; accountNo: string; command: string }
  | { reason: 'accounts_unavailable'; accountNo: string }
  | { reason: 'not_a_channel' }
  | { reason: 'cannot_see_channel'; botUserId: string | undefined }
  | { reason: 'slack_failed'; error: string };

/** `#name` when known, else a channel mention Slack renders for whoever may see it; escaped. */
export function describeLinkedChannel(link: Pick<ChannelLink, 'conversationId' | 'channelName'>): string {
  if (link.channelName) return `#${escapeMrkdwn(link.channelName)}`;
  return /^[CG][A-Z0-9]+$/.test(link.conversationId) ? `<#${link.conversationId}>` : escapeMrkdwn(link.conversationId);
}

function message(text: string, note?: string): MessageView {
  return { text, blocks: note ? [sectionBlock(text), contextBlock(note)] : [sectionBlock(text)] };
}

export function buildChannelLinkedMessage(input: {
  link: ChannelLink;
  replaced: ChannelLink | undefined;
  command: string;
}): MessageView {
  const { link, replaced } = input;
  const account = `*${escapeMrkdwn(link.accountNo)}*`;
  const channel = describeLinkedChannel(link);
  let text = `🔗 ${mentionUser(link.linkedBySlackUserId)} linked ${channel} to Caliq account ${account}.`;
  if (replaced && replaced.accountNo !== link.accountNo) {
    text += ` This replaces its earlier link to *${escapeMrkdwn(replaced.accountNo)}* (linked by ${mentionUser(replaced.linkedBySlackUserId)}).`;
  } else if (replaced) {
    text += ' It was already linked to that account; the link is now in your name.';
  }
  const note =
    `From now on ${escapeMrkdwn(input.command)} and the *Log interaction* shortcut in this channel start with ` +
    `${account} filled in. \`${escapeMrkdwn(input.command)} unlink\` removes the link.`;
  return message(text, note);
}

export function buildChannelUnlinkedMessage(input: {
  removed: ChannelLink | undefined;
  conversationId: string;
  unlinkedBy: string;
}): MessageView {
  if (!input.removed) {
    return message('This channel isn’t linked to a Caliq account, so there was nothing to unlink.');
  }
  const { removed } = input;
  return message(
    `✂️ ${mentionUser(input.unlinkedBy)} unlinked ${describeLinkedChannel(removed)} from Caliq account ` +
      `*${escapeMrkdwn(removed.accountNo)}* (linked by ${mentionUser(removed.linkedBySlackUserId)}).`,
    'New entries from this channel start with an empty account again.',
  );
}

export function buildChannelLinkProblemMessage(problem: ChannelLinkProblem): MessageView {
  switch (problem.reason) {
    case 'no_account': {
      const cmd = escapeMrkdwn(problem.command);
      return message(`Which account? Type \`${cmd} link ACCOUNT\`, for example \`${cmd} link ACME01\`.`);
    }
    case 'unknown_account':
      return message(
        `❌ Caliq has no account *${escapeMrkdwn(problem.accountNo)}*, so I didn’t link this channel. ` +
          `Check the account number and try \`${escapeMrkdwn(problem.command)} link ACCOUNT\` again.`,
      );
    case 'accounts_unavailable':
      return message(
        `⏳ I can’t check account *${escapeMrkdwn(problem.accountNo)}* right now: Caliq’s customer list hasn’t ` +
          'loaded (Caliq may be unreachable). Nothing was linked; please try again in a few minutes.',
      );
    case 'not_a_channel':
      return message('Only channels can be linked to an account, not direct messages or group DMs.');
    case 'cannot_see_channel': {
      const me = problem.botUserId ? mentionUser(problem.botUserId) : '@Caliq Interactions';
      return message(`🙈 I’m not in this channel, so I can’t link it. Invite me with /invite ${me}, then try again.`);
    }
    case 'slack_failed':
      return message(
        `⚠️ Slack didn’t tell me about this channel (${escapeMrkdwn(problem.error)}), so nothing was linked. ` +
          'Please try again in a moment.',
      );
  }
}
