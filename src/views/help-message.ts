// The `help` answer: what the command does, its sub-commands with examples, the shortcuts and the Home tab.
import { COMMAND } from '../ids.js';
import { contextBlock, type MessageView, sectionBlock } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import { STATUS_WINDOW_DAYS } from './status-message.js';

/** Usage of the slash command (its name as the workspace registered it) and the "Log interaction" shortcut. */
export function buildHelpMessage(command: string = COMMAND): MessageView {
  const cmd = escapeMrkdwn(command);
  const intro = `👋 I log your customer calls, emails and visits in Caliq, and remind you of follow-ups.`;
  const usage = [
    '*Log an interaction*',
    `\`${cmd}\` opens the form.`,
    `\`${cmd} [text]\` fills in what it can from your text first, for example:`,
    `• \`${cmd} call ACME01 yesterday 3pm discussed renewal\``,
    `• \`${cmd} visit BOLT22 today 10:00\``,
    '',
    '*Quick log: one line, a preview, one press*',
    `Name the contact with \`with First Surname\` (or add \`follow up …\`) and I show a preview instead of the form; ` +
      'nothing is sent until you press *Log it* (within 15 minutes). Parts go in any order, in any case:',
    `• \`${cmd} call ACME01 with Jane Smith yesterday 3pm discussed renewal\``,
    `• \`${cmd} emailed account Acme Engineering, with Jane Smith via Web, notes: sent the quote\``,
    `• \`${cmd} visit BOLT22 with Raj Patel, follow up Friday 10am with @bob\``,
    'Kind: call, email or visit (called, phoned, emailed, met…). Account: its number, or `account Name,`. ' +
      'Channel: `via Sales Rep,` (else your last one). `follow up <when>` alone means you follow up. ' +
      'In a linked channel the account can be left out, and a first name you have logged there before is enough.',
    '',
    '*More*',
    `• \`${cmd} status\`: entries from the last ${STATUS_WINDOW_DAYS} days that haven't reached Caliq yet, with Retry and Edit`,
    `• \`${cmd} followups\`: your open follow-ups, overdue first`,
    `• \`${cmd} help\`: this message`,
    '',
    '*A customer’s channel*',
    `• \`${cmd} link ACME01\`: link this channel to account ACME01; from then on the form starts with it here`,
    `• \`${cmd} unlink\`: remove this channel’s link`,
  ].join('\n');
  const shortcut = [
    '*From a message*\nChoose *Log interaction* in a message’s ⋮ menu to start an entry from that message.',
    '*From anywhere*\nChoose *Log interaction* in the ⚡ shortcuts menu, or open my *Home* tab to see your latest ' +
      'entries, your follow-ups and the linked channels.',
  ].join('\n\n');
  return {
    text: `${intro} Type ${cmd} to start, or ${cmd} help for more.`,
    blocks: [
      sectionBlock(intro),
      sectionBlock(usage),
      sectionBlock(shortcut),
      contextBlock('Dates can be typed as you’d say them: "now", "yesterday 3pm", "25/11 14:30", "next Friday".'),
    ],
  };
}
