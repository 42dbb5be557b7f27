// The tutorial peer: the bot as Slack's Bolt tutorials would write it, to compare with what a team would run instead.
// The command acks and opens a static log modal; the submission checks the required fields, reads the user's zone,
// parses the date, acks, then calls Caliq and answers at the response_url, both with fetch. No journal, no retries.
// Run as a child process: node --import tsx bench/targets/tutorial-peer-app.ts, configured by the bench's environment.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ModalView } from '@slack/types';
import * as chrono from 'chrono-node';
import { BLOCK, CALLBACK, COMMAND, ELEMENT } from '../../src/ids.js';
import { requireEnv, runBoltApp } from './bolt-process.js';

type Field = keyof typeof BLOCK;
type Metadata = { uniqueId: string; replyTo: { responseUrl: string; conversationId: string } };

const REQUIRED: Partial<Record<Field, string>> = {
  account: 'Which customer?',
  kind: 'Call, email or visit?',
  channel: 'Which channel?',
  contactFirstName: 'Who did you talk to?',
  contactSurname: 'Who did you talk to?',
};

runBoltApp('tutorial peer', (app) => {
  const modal = JSON.parse(readFileSync(requireEnv('PEER_MODAL_PATH'), 'utf8')) as ModalView;
  const caliqUrl = `${requireEnv('CALIQ_BASE_URL')}/api/v1/InteractionCreate`;
  const apiKey = requireEnv('CALIQ_API_KEY');
  // Slack user → Caliq employee, from the same CSV the bot reads (slack_user_id,employee_id).
  const employees = new Map(
    readFileSync(requireEnv('EMPLOYEE_MAP'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',') as [string, string]),
  );
  // Minutes east of UTC, per user: users.info once per user.
  const zoneOffsets = new Map<string, number>();

  app.command(COMMAND, async ({ ack, body, client }) => {
    await ack();
    const metadata: Metadata = {
      uniqueId: randomUUID(),
      replyTo: { responseUrl: body.response_url, conversationId: body.channel_id },
    };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: { ...modal, private_metadata: JSON.stringify(metadata) },
    });
  });

  app.view(CALLBACK.logModal, async ({ ack, body, view, client, logger }) => {
    const read = (field: Field): string => {
      const element = view.state.values[BLOCK[field]]?.[ELEMENT[field]];
      return (element?.selected_option?.value ?? element?.value ?? '').trim();
    };
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(REQUIRED)) {
      if (!read(field as Field)) errors[BLOCK[field as Field]] = message;
    }
    const userId = body.user.id;
    let offset = zoneOffsets.get(userId);
    if (offset === undefined) {
      const { user } = await client.users.info({ user: userId });
      offset = (user?.tz_offset ?? 0) / 60;
      zoneOffsets.set(userId, offset);
    }
    const when = read('when') ? chrono.parseDate(read('when'), { instant: new Date(), timezone: offset }) : new Date();
    if (!when) errors[BLOCK.when] = 'Try "yesterday 3pm" or "25/11 14:30".';
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();

    const { uniqueId, replyTo } = JSON.parse(view.private_metadata) as Metadata;
    try {
      const response = await fetch(caliqUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          apiKey,
          UniqueID: uniqueId,
          AccountNo: read('account'),
          ChannelID: Number(read('channel')),
          Kind: read('kind'),
          ContactedBy: employees.get(userId) ?? '',
          ContactedFirstName: read('contactFirstName'),
          ContactedSurname: read('contactSurname'),
          OnDateTime: when?.toISOString(),
          Notes: read('notes'),
        }),
      });
      const answer = (await response.json()) as { InteractionAddData?: { OK?: boolean } };
      const text = answer.InteractionAddData?.OK ? '✅ Logged' : '❌ Caliq did not take it. Please try again.';
      await fetch(replyTo.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    } catch (error) {
      logger.error(error);
    }
  });
});
