// Every button, command and shortcut ends by telling the person how it went, also when the database or Slack fails
// after the ack: what did not happen, in plain words, where they are looking.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION } from '../../src/ids.js';
import { StoreUnavailableError } from '../../src/store/errors.js';
import type { FakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import type { Harness } from '../support/bot-harness.js';
import {
  ALICE,
  BOB,
  BOB_DM,
  buttonsOf,
  createReminderWorld,
  logFollowUp,
  onlyReminderOf,
  type PressTarget,
  postedDms,
  pressDone,
  pressSnooze,
  type ReminderWorld,
  textOf,
} from './reminders-support.js';

const databaseAway = () => new StoreUnavailableError('connection refused (test)');

/** Everything one person was told after their request: response_url posts, ephemerals and DMs. */
function toldTo(fake: FakeSlack, userId: string): string[] {
  const viaResponseUrl = fake.responses.map((response) => textOf(response.body as Record<string, unknown>));
  const ephemeral = fake
    .callsTo('chat.postEphemeral')
    .filter((call) => call.args.user === userId)
    .map((call) => textOf(call.args));
  const dms = fake.callsTo('chat.postMessage').map((call) => textOf(call.args));
  return [...viaResponseUrl, ...ephemeral, ...dms];
}

async function expectTold(fake: FakeSlack, userId: string, sentence: string): Promise<void> {
  await vi.waitFor(() => expect(toldTo(fake, userId).join('\n')).toContain(sentence), { timeout: 5000 });
}

describe('every request answers after its ack', () => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await createReminderWorld();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await world.reset();
  });
  afterAll(async () => {
    await world.close();
  });

  /** Logs a follow-up for Bob and sends its reminder DM; returns the DM's buttons and where it is. */
  async function remindBob(h: Harness) {
    await logFollowUp(h, { followUpWhen: 'next Friday' });
    const reminder = await onlyReminderOf(h);
    world.now = reminder.dueAt;
    expect(await h.bot.scheduler.runOnce()).toBe(1);
    const sent = await h.bot.deps.reminders.get(reminder.id);
    const buttons = buttonsOf(postedDms(h.fake).at(-1)?.args.blocks);
    if (!sent?.sentTs || !buttons) throw new Error('the reminder DM was not recorded with its buttons');
    const dm: PressTarget = { ts: sent.sentTs, channelId: BOB_DM };
    return { id: reminder.id, buttons, dm };
  }

  it('Done with the database away: Bob is told the follow-up was not marked done, and why', async () => {
    const h = await world.startBot();
    const { id, buttons, dm } = await remindBob(h);
    vi.spyOn(h.bot.deps.reminders, 'markDone').mockRejectedValue(databaseAway());

    await pressDone(h, BOB, buttons.done, dm);
    await expectTold(h.fake, BOB, 'The follow-up was not marked done: the bot’s database did not answer');
    expect((await h.bot.deps.reminders.get(id))?.state).toBe('sent');
    expect(h.logLines.join('\n')).toContain('a request failed after its ack');
  });

  it('Snooze with the database away: Bob is told the follow-up was not snoozed', async () => {
    const h = await world.startBot();
    const { buttons, dm } = await remindBob(h);
    vi.spyOn(h.bot.deps.reminders, 'snooze').mockRejectedValue(databaseAway());

    await pressSnooze(h, BOB, buttons.snooze['1h'] ?? '', dm);
    await expectTold(h.fake, BOB, 'The follow-up was not snoozed: the bot’s database did not answer');
  });

  it('Log follow-up when Slack refuses to open the form: Bob is told the form did not open, and why', async () => {
    const h = await world.startBot();
    const { buttons, dm } = await remindBob(h);
    h.fake.respondWith('views.open', { ok: false, error: 'expired_trigger_id' });

    await h.action({
      userId: BOB,
      actions: [
        { action_id: ACTION.reminderLogFollowUp, block_id: 'reminder_actions', type: 'button', value: buttons.log },
      ],
      message: { ts: dm.ts, channelId: dm.channelId, isEphemeral: false },
    });
    await expectTold(
      h.fake,
      BOB,
      'The form to log the follow-up did not open: Slack’s window to open a form had closed',
    );
  });

  it('Retry and Edit with the journal away: Alice is told her entry was not sent again / the form did not open', async () => {
    const h = await world.startBot();
    vi.spyOn(h.bot.deps.journal, 'get').mockRejectedValue(databaseAway());
    const press = (actionId: string) =>
      h.action({
        userId: ALICE,
        actions: [{ action_id: actionId, block_id: 'entry_actions', type: 'button', value: 'some-unique-id' }],
        message: { ts: '1700000000.000100', channelId: 'C0SALES01', isEphemeral: false },
      });

    await press(ACTION.retryEntry);
    await expectTold(h.fake, ALICE, 'Your entry was not sent again: the bot’s database did not answer');
    await press(ACTION.editEntry);
    await expectTold(h.fake, ALICE, 'The form to edit your entry did not open: the bot’s database did not answer');
  });

  it('the command when Slack refuses to open the form: the answer says the form did not open', async () => {
    const h = await world.startBot();
    h.fake.respondWith('views.open', { ok: false, error: 'ratelimited' });

    await h.command({ text: '' });
    await expectTold(h.fake, ALICE, 'The log form did not open: Slack refused the request (ratelimited)');
  });
});
