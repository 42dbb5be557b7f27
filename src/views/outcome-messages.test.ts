import type { ActionsBlock, Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { collectStrings, sampleInteraction, UNIQUE_ID } from '../../test/support/view-fixtures.js';
import { ACTION } from '../ids.js';
import type { MessageView } from './blocks.js';
import { describeInteraction } from './describe.js';
import { listMessageLimitViolations } from './limit-violations.js';
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

const interaction = sampleInteraction();
const body = (message: MessageView) => collectStrings(message.blocks).join('\n');
const buttons = (message: MessageView): Button[] =>
  message.blocks
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.filter((e): e is Button => e.type === 'button'));

describe('describeInteraction', () => {
  it('names kind, customer, contact and time in the reader zone', () => {
    expect(describeInteraction(interaction, 'UTC')).toBe('call with ACME01 (Jane Smith) on Wed 25 Nov 2026, 15:00');
    expect(describeInteraction(interaction, 'America/New_York')).toBe(
      'call with ACME01 (Jane Smith) on Wed 25 Nov 2026, 10:00',
    );
    const byIds = sampleInteraction({ kind: 'E', customer: { customerId: 55 }, contact: { contactId: 9 } });
    expect(describeInteraction({ ...byIds, onDateTime: undefined }, 'UTC')).toBe(
      'email with customer #55 (contact #9)',
    );
  });
});

describe('logged messages', () => {
  it('says what was logged', () => {
    const message = buildLoggedMessage({ interaction, timeZone: 'UTC' });
    expect(message.text).toBe('✅ Logged call with ACME01 (Jane Smith) on Wed 25 Nov 2026, 15:00.');
    expect(body(message)).toContain(message.text);
  });

  it('adds who will be reminded and when, in the reader zone', () => {
    const at = new Date('2026-11-27T09:00:00.000Z');
    const other = buildLoggedMessage({
      interaction,
      timeZone: 'UTC',
      submitterId: 'U0ME',
      followUp: { recipientId: 'U0FOLLOW', at, timeZone: 'Europe/Berlin' },
    });
    expect(other.text).toContain('<@U0FOLLOW> will be reminded on Fri 27 Nov 2026, 10:00 (your time).');
    const self = buildLoggedMessage({
      interaction,
      timeZone: 'UTC',
      submitterId: 'U0ME',
      followUp: { recipientId: 'U0ME', at, timeZone: 'UTC' },
    });
    expect(self.text).toContain("You'll be reminded on Fri 27 Nov 2026, 09:00 (your time).");
  });

  it("shows Caliq's warnings word for word", () => {
    const message = buildLoggedMessage({
      interaction,
      timeZone: 'UTC',
      warnings: [{ id: 301, message: 'Contact created', extraData: 'Jane Smith' }],
    });
    expect(body(message)).toContain('• Contact created — Jane Smith (ID 301)');
  });

  it('covers already logged, saved for later, delivered later and busy', () => {
    expect(buildAlreadyLoggedMessage({ interaction, timeZone: 'UTC' }).text).toContain('already in Caliq');
    const saved = buildSavedForLaterMessage({ interaction, timeZone: 'UTC' }).text;
    expect(saved).toContain("Caliq isn't answering right now. Your call with ACME01 (Jane Smith)");
    expect(saved).toContain("is saved and will be sent automatically; I'll tell you when it's in.");
    expect(buildDeliveredLaterMessage({ interaction, timeZone: 'UTC' }).text).toContain('is now logged');
    expect(buildBusyMessage({ interaction, timeZone: 'UTC' }).text).toContain('already being sent');
  });
});

describe('problem messages', () => {
  it('lists every rejection issue word for word, escaped, with an Edit and resubmit button', () => {
    const message = buildRejectedMessage({
      interaction,
      timeZone: 'UTC',
      uniqueId: UNIQUE_ID,
      issues: [
        { id: 1204, message: 'Customer "ACME01" not found', extraData: 'AccountNo=ACME01' },
        { id: 7, message: 'Contact surname must be < 50 chars & not blank', extraData: '' },
      ],
    });
    const text = body(message);
    expect(text).toContain('• Customer "ACME01" not found — AccountNo=ACME01 (ID 1204)');
    expect(text).toContain('• Contact surname must be &lt; 50 chars &amp; not blank (ID 7)');
    expect(message.text).toContain('Customer "ACME01" not found');
    expect(buttons(message)).toEqual([expect.objectContaining({ action_id: ACTION.editEntry, value: UNIQUE_ID })]);
  });

  it('keeps hundreds of long issues within one message', () => {
    const issues = Array.from({ length: 500 }, (_, i) => ({
      id: i,
      message: `Problem ${i} ${'y'.repeat(400)}`,
      extraData: 'z',
    }));
    const message = buildRejectedMessage({ interaction, timeZone: 'UTC', uniqueId: UNIQUE_ID, issues });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(body(message)).toMatch(/…and \d+ more/);
    expect(listMessageLimitViolations(message)).toEqual([]);
  });

  it('offers Retry and Edit after giving up and after a failure', () => {
    const gaveUp = buildGaveUpMessage({
      interaction,
      timeZone: 'UTC',
      uniqueId: UNIQUE_ID,
      since: new Date('2026-11-25T15:05:00Z'),
    });
    expect(gaveUp.text).toContain('since Wed 25 Nov 2026, 15:05');
    const failed = buildFailedMessage({
      interaction,
      timeZone: 'UTC',
      uniqueId: UNIQUE_ID,
      reason: 'Caliq said <b>Bad date</b>.',
    });
    expect(failed.text).toContain(': Caliq said &lt;b&gt;Bad date&lt;/b&gt;. Nothing was logged');
    for (const message of [gaveUp, failed]) {
      expect(buttons(message).map((b) => [b.action_id, b.value])).toEqual([
        [ACTION.retryEntry, UNIQUE_ID],
        [ACTION.editEntry, UNIQUE_ID],
      ]);
    }
  });

  it('explains a refused API key is not the user’s doing and names the contact', () => {
    const byId = buildMisconfiguredMessage({ interaction, timeZone: 'UTC', contact: 'U0ADMIN' });
    expect(byId.text).toContain('<@U0ADMIN>');
    expect(byId.text).toContain('not something you did');
    expect(byId.text).toContain('saved and will be sent automatically once an admin fixes the key');
    const byMail = buildMisconfiguredMessage({ interaction, timeZone: 'UTC', contact: '<it@acme.example>' });
    expect(byMail.text).toContain('&lt;it@acme.example&gt;');
  });

  it('tells an unmapped user nothing was sent and how to get mapped', () => {
    const you = buildUnmappedUserMessage({ slackUserId: 'U0NEW', mappingContact: 'Priya in Sales Ops', who: 'you' });
    expect(you.text).toContain('Nothing was sent');
    expect(you.text).toContain('`U0NEW,&lt;employee ID&gt;` to the EMPLOYEE_MAP file');
    expect(you.text).toContain('To get you linked, ask Priya in Sales Ops');
    expect(you.text).toContain('Your Slack member ID is `U0NEW`');
    expect(you.text).not.toContain('profile');
    const them = buildUnmappedUserMessage({
      slackUserId: 'U0NEW',
      mappingContact: 'U0ADMIN',
      who: 'follow-up person',
      profileFieldLabel: 'Caliq ID',
    });
    expect(them.text).toContain('<@U0NEW>, the follow-up person');
    expect(them.text).toContain('To get them linked, ask <@U0ADMIN>');
    expect(them.text).toContain('"Caliq ID" field on their Slack profile');
  });
});
