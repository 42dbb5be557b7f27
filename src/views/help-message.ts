// The `help` answer: what the command does, its sub-commands with examples, and the message shortcut.
import { COMMAND } from '../ids.js';
import { contextBlock, type MessageView, sectionBlock } from './blocks.js';
import { escapeMrkdwn } from './escape.js';

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
    '*More*',
    `• \`${cmd} status\`: entries from the last 7 days that haven't reached Caliq yet, with Retry and Edit`,
    `• \`${cmd} followups\`: your open follow-ups, overdue first`,
    `• \`${cmd} help\`: this message`,
  ].join('\n');
  const shortcut =
    '*From a message*\nChoose *Log interaction* in a message’s ⋮ menu to start an entry from that message.';
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
