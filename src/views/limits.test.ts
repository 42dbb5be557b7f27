import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  collectStrings,
  sampleEntry,
  sampleInteraction,
  sampleReminder,
  UNIQUE_ID,
} from '../../test/support/view-fixtures.js';
import { buildAccountSuggestions } from './account-options.js';
import type { MessageView } from './blocks.js';
import {
  buildChannelLinkedMessage,
  buildChannelLinkProblemMessage,
  buildChannelUnlinkedMessage,
} from './channel-link-messages.js';
import { buildHelpMessage } from './help-message.js';
import { listMessageLimitViolations, listModalLimitViolations } from './limit-violations.js';
import { SLACK_LIMITS } from './limits.js';
import { type AccountFieldInput, buildLogModal } from './log-modal.js';
import {
  buildAlreadyLoggedMessage,
  buildBusyMessage,
  buildDeliveredLaterMessage,
  buildLoggedMessage,
  buildSavedForLaterMessage,
} from './outcome-messages.js';
import {
  buildFailedMessage,
  buildGaveUpMessage,
  buildMisconfiguredMessage,
  buildRejectedMessage,
  buildUnmappedUserMessage,
} from './problem-messages.js';
import {
  buildFollowupsListMessage,
  buildNotYourReminderMessage,
  buildReminderDoneMessage,
  buildReminderMessage,
  buildReminderSnoozedMessage,
} from './reminder-messages.js';
import { buildStatusMessage } from './status-message.js';

// Worst-case user text: long, multi-line, full of characters that escaping lengthens, and mention attempts.
const long = `${'<!channel> & <@U1> <http://evil|bank> @here '.repeat(120)}\nend`;
const now = new Date('2026-11-27T12:00:00.000Z');
const interaction = sampleInteraction({
  customer: { accountNo: '<@U1>&&&&&' },
  contact: { firstName: long.slice(0, 50), surname: long.slice(50, 100) },
  notes: long,
  followUp: { at: '2026-11-28T09:00:00.000Z', by: 'E1', notes: long },
});
const reminder = sampleReminder({ interaction });
const issues = Array.from({ length: 80 }, (_, i) => ({ id: i, message: long, extraData: long }));
const ctx = { interaction, timeZone: 'Pacific/Chatham' };
const hostileLink = {
  conversationId: long,
  teamId: undefined,
  accountNo: long,
  channelName: long,
  linkedBySlackUserId: long,
  linkedAt: now,
};

const messages: Record<string, MessageView> = {
  logged: buildLoggedMessage({
    ...ctx,
    followUp: { recipientId: 'U0F', at: now, timeZone: 'UTC' },
    warnings: issues,
  }),
  alreadyLogged: buildAlreadyLoggedMessage(ctx),
  savedForLater: buildSavedForLaterMessage(ctx),
  deliveredLater: buildDeliveredLaterMessage(ctx),
  busy: buildBusyMessage(ctx),
  rejected: buildRejectedMessage({ ...ctx, issues, uniqueId: UNIQUE_ID }),
  gaveUp: buildGaveUpMessage({ ...ctx, uniqueId: UNIQUE_ID, since: now }),
  failed: buildFailedMessage({ ...ctx, uniqueId: UNIQUE_ID, reason: long }),
  misconfigured: buildMisconfiguredMessage({ ...ctx, contact: long }),
  unmapped: buildUnmappedUserMessage({
    slackUserId: 'U0NEW',
    mappingContact: long,
    who: 'you',
    profileFieldLabel: long,
  }),
  status: buildStatusMessage(
    Array.from({ length: 70 }, (_, i) =>
      sampleEntry({ uniqueId: `e${i}`, interaction, lastError: long, createdAt: now }),
    ),
    'UTC',
    now,
  ),
  reminder: buildReminderMessage({ reminder, timeZone: 'UTC', late: true, now }),
  reminderDone: buildReminderDoneMessage({ reminder, timeZone: 'UTC', doneBy: 'U0F', doneAt: now }),
  reminderSnoozed: buildReminderSnoozedMessage({ reminder, timeZone: 'UTC', until: now }),
  followups: buildFollowupsListMessage(
    Array.from({ length: 70 }, (_, i) => sampleReminder({ id: `r${i}`, interaction })),
    'UTC',
    now,
  ),
  followupsEmpty: buildFollowupsListMessage([], 'UTC', now),
  statusEmpty: buildStatusMessage([], 'UTC', now),
  notYours: buildNotYourReminderMessage(),
  help: buildHelpMessage(),
  linked: buildChannelLinkedMessage({
    link: hostileLink,
    replaced: { ...hostileLink, accountNo: long },
    command: long,
  }),
  unlinked: buildChannelUnlinkedMessage({ removed: hostileLink, conversationId: 'C1', unlinkedBy: 'U0F' }),
  unknownAccount: buildChannelLinkProblemMessage({ reason: 'unknown_account', accountNo: long, command: long }),
  accountsUnavailable: buildChannelLinkProblemMessage({ reason: 'accounts_unavailable', accountNo: long }),
  cannotSeeChannel: buildChannelLinkProblemMessage({ reason: 'cannot_see_channel', botUserId: long }),
  slackFailed: buildChannelLinkProblemMessage({ reason: 'slack_failed', error: long }),
};

describe('every builder stays within Slack limits with worst-case input', () => {
  it.each(Object.entries(messages))('%s', (_name, message) => {
    expect(message.text.trim()).not.toBe('');
    expect(listMessageLimitViolations(message)).toEqual([]);
    // Serialisable as-is: no Dates, undefined fields or other non-JSON values reach Slack.
    expect(JSON.parse(JSON.stringify(message))).toEqual(message);
    expect(JSON.stringify(message.blocks).length).toBeLessThan(SLACK_LIMITS.messageText * 4);
  });

  it.each(Object.entries(messages))('%s lets no mention or link through', (_name, message) => {
    const all = [message.text, ...collectStrings(message.blocks)].join('\n');
    expect(all).not.toMatch(/<!channel>|<@U1>|<http:\/\/evil|(?<![\w.%+-])@here\b/);
  });

  const accountFields: Array<[string, AccountFieldInput]> = [
    ['text field', { kind: 'text' }],
    ['search', { kind: 'search', selected: { accountNo: 'ACME01', name: long } }],
  ];
  it.each(accountFields)('the modal with a hostile draft and 150 channels, account %s', (_name, accountField) => {
    const view: ModalView = buildLogModal({
      draft: { accountNo: long, contactFirstName: long, notes: long, followUpNotes: long, when: long },
      accountField,
      accountFromChannel: long,
      metadata: { uniqueId: UNIQUE_ID, replyTo: { responseUrl: 'https://hooks.slack.com/x' }, source: 'edit' },
      submitterId: 'U0ME',
      channels: Array.from({ length: 150 }, (_, i) => ({ id: i, description: long })),
      hints: { when: long, followUpWhen: long, followUpBy: long },
    });
    expect(listModalLimitViolations(view)).toEqual([]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('account suggestions: 100 options at most, each within the option limits', () => {
    const accounts = Array.from({ length: 150 }, (_, i) => ({ accountNo: `A${i}`, name: long }));
    const { options } = buildAccountSuggestions(accounts);
    expect(options).toHaveLength(SLACK_LIMITS.staticSelectOptions);
    for (const option of options) {
      expect(option.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.optionText);
      expect(option.value?.length).toBeLessThanOrEqual(SLACK_LIMITS.optionValue);
    }
  });
});

describe('the limit checker itself', () => {
  it('finds what Slack would refuse', () => {
    const bad = {
      text: '',
      blocks: [
        ...Array.from({ length: 50 }, () => ({ type: 'divider' })),
        { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'ok' }, value: 'v'.repeat(2001) },
            { type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'ok' } },
          ],
        },
      ],
    };
    expect(listMessageLimitViolations(bad)).toEqual([
      'text: empty',
      'blocks: 52, limit 50',
      'blocks[50].text: 3001 characters, limit 3000',
      'blocks[51].elements[0].value: 2001 characters, limit 2000',
      'blocks[51].elements[1]: action_id a used twice',
    ]);
    const view: ModalView = {
      type: 'modal',
      title: { type: 'plain_text', text: 'A title that is far too long' },
      blocks: [
        {
          type: 'input',
          label: { type: 'plain_text', text: 'x' },
          element: { type: 'plain_text_input', max_length: 4000 },
        },
      ],
    };
    expect(listModalLimitViolations(view)).toEqual([
      'title: 28 characters, limit 24',
      'submit: required with inputs',
      'blocks[0].element.max_length: 4000, limit 3000',
    ]);
  });
});

describe('layering', () => {
  it('views import no Bolt and do no I/O or clock reads', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const sources = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const source = readFileSync(`${dir}${file}`, 'utf8');
      expect(source, file).not.toMatch(/from '@slack\/(bolt|web-api)'/);
      expect(source, file).not.toMatch(/from 'node:(fs|http|https|net)'|better-sqlite3|from 'ky'/);
      expect(source, file).not.toMatch(/Date\.now\(|new Date\(\)/);
    }
  });
});
