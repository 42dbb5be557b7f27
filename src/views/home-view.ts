// The App Home tab: a button to log, the person's latest entries, their open follow-ups and the linked channels.
import type { HomeView, KnownBlock } from '@slack/types';
import { formatInZone } from '../dates/index.js';
import { ACTION } from '../ids.js';
import type { ChannelLink, JournalEntry, Reminder } from '../store/index.js';
import { buttonElement, contextBlock, plainText, sectionBlock } from './blocks.js';
import { describeLinkedChannel } from './channel-link-messages.js';
import { describeInteraction } from './describe.js';
import { escapeMrkdwn } from './escape.js';
import { SLACK_LIMITS } from './limits.js';
import { buildEntryButtons } from './problem-messages.js';
import { buildReminderButtons, describeFollowUpLine } from './reminder-messages.js';
import { describeEntryState } from './status-message.js';

export const HOME_ENTRIES = 10;
/** A Home tab holds at most 100 blocks, like a modal. */
const MAX_BLOCKS = SLACK_LIMITS.modalBlocks;
/** Follow-ups take two blocks each; the rest of the budget goes to them and the links. */
const MAX_FOLLOW_UPS = 20;
/** Links are listed one per line, many lines to a section. */
const LINKS_PER_SECTION = 25;

export type HomeViewInput = {
  /** The person's latest entries, newest first (only the first 10 are shown). */
  entries: readonly JournalEntry[];
  /** Their open follow-ups (not done), any order. */
  followUps: readonly Reminder[];
  links: readonly ChannelLink[];
  timeZone: string;
  now: Date;
  /** The slash command as the workspace registered it. */
  command: string;
};

function header(text: string): KnownBlock {
  return { type: 'header', text: plainText(text) };
}

function entryBlocks(entries: readonly JournalEntry[], timeZone: string): KnownBlock[] {
  const shown = entries.slice(0, HOME_ENTRIES);
  if (shown.length === 0) return [contextBlock('Nothing logged yet. Press *Log interaction* to start.')];
  return shown.flatMap((entry) => {
    const section = sectionBlock(`${describeInteraction(entry.interaction, timeZone)}\n${describeEntryState(entry)}`);
    return entry.state === 'logged' ? [section] : [section, buildEntryButtons(entry.uniqueId)];
  });
}

function followUpBlocks(followUps: readonly Reminder[], timeZone: string, now: Date): KnownBlock[] {
  const open = followUps
    .filter((reminder) => reminder.state !== 'done')
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  if (open.length === 0) return [contextBlock('No open follow-ups.')];
  const shown = open.slice(0, MAX_FOLLOW_UPS);
  const blocks: KnownBlock[] = shown.flatMap((reminder) => [
    sectionBlock(describeFollowUpLine(reminder, timeZone, now)),
    buildReminderButtons(reminder),
  ]);
  if (open.length > shown.length) {
    blocks.push(contextBlock(`…and ${open.length - shown.length} more, due later. \`followups\` lists them all.`));
  }
  return blocks;
}

function mentionChannel(link: ChannelLink): string {
  return /^[CG][A-Z0-9]+$/.test(link.conversationId) ? `<#${link.conversationId}>` : describeLinkedChannel(link);
}

function linkBlocks(links: readonly ChannelLink[], command: string, budget: number): KnownBlock[] {
  const cmd = escapeMrkdwn(command);
  if (links.length === 0) {
    return [contextBlock(`No channels linked yet. In a customer’s channel, type \`${cmd} link ACCOUNT\`.`)];
  }
  const sections = Math.max(1, budget - 1);
  // Only the lines that fit are built: a workspace may link thousands of channels.
  const shown = links.slice(0, sections * LINKS_PER_SECTION);
  // A mention, not the stored name: Slack shows a private channel's name only to its members.
  const lines = shown.map((link) => `${mentionChannel(link)} → *${escapeMrkdwn(link.accountNo)}*`);
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < lines.length; start += LINKS_PER_SECTION) {
    blocks.push(sectionBlock(lines.slice(start, start + LINKS_PER_SECTION).join('\n')));
  }
  if (shown.length < links.length)
    blocks.push(contextBlock(`…and ${links.length - shown.length} more linked channels.`));
  return blocks;
}

/** The Home tab for one person; pure, within Slack's 100 blocks, every piece of user text escaped. */
export function buildHomeView(input: HomeViewInput): HomeView {
  const { timeZone, now } = input;
  const top: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: '👋 Log customer calls, emails and visits in Caliq, and keep your follow-ups.' },
      accessory: buttonElement({
        text: 'Log interaction',
        actionId: ACTION.homeLogInteraction,
        value: 'home',
        style: 'primary',
      }),
    },
    { type: 'divider' },
    header(`Your last ${HOME_ENTRIES} entries`),
    ...entryBlocks(input.entries, timeZone),
    { type: 'divider' },
    header('Your open follow-ups'),
    ...followUpBlocks(input.followUps, timeZone, now),
    { type: 'divider' },
    header('Channels linked to accounts'),
  ];
  const footer = contextBlock(`Updated ${formatInZone(now, timeZone)} (your time).`);
  const links = linkBlocks(input.links, input.command, MAX_BLOCKS - top.length - 1);
  return { type: 'home', blocks: [...top, ...links, footer] };
}
