// Issue 17's figures: the message shortcut on a reply in a 50-message thread, paced — shortcut sent → views.open at
// Slack, and → the views.update that offers the thread; first, one at a time, that nothing is called before views.open.
import { decodeModalMetadata, listModalLimitViolations } from '../../src/views/index.js';
import type { FakeSlack, FakeSlackCall } from '../../tools/slack-stand-in/fake-slack.js';
import {
  createTriggerId,
  interactionBody,
  messageShortcutPayload,
  postToSlackEndpoint,
} from '../../tools/slack-stand-in/slack-requests.js';
import type { ChildService } from '../load/child-service.js';
import { BENCH_CHANNEL_ID, BENCH_SIGNING_SECRET, type BenchUser, buildSignedRequest } from '../load/fixtures.js';
import type { Rig } from '../targets/rig.js';
import { ackRow, type FlowRow, type FlowSettings, runPaced, sentAtByTag, sleep, spanRow } from './flows-support.js';

const FLOW = 'message shortcut, 50-message thread';
const THREAD_LENGTH = 50;
const PARENT_SECONDS = 1_764_083_040;
const tsOf = (index: number): string => `${PARENT_SECONDS + index * 60}.000100`;
const PARENT_TS = tsOf(0);
/** The shortcut is used on a reply in the middle of the thread. */
const REPLY_TS = tsOf(25);
const CUSTOMER = 'U0CUST0001';
const REP = 'U0REP00001';
const offersThread = (call: FakeSlackCall): boolean =>
  JSON.stringify((call.args.view as { blocks?: unknown } | undefined)?.blocks ?? []).includes('Attach the thread');

/** #sales with a parent and 49 replies, customer and rep taking turns. */
function seedThread(fake: FakeSlack): void {
  fake.setChannel(BENCH_CHANNEL_ID, { name: 'sales' });
  fake.setUser(CUSTOMER, { realName: 'Jane Smith' });
  fake.setUser(REP, { realName: 'Pat Lee' });
  for (let index = 0; index < THREAD_LENGTH; index++) {
    fake.addMessage(BENCH_CHANNEL_ID, {
      ts: tsOf(index),
      thread_ts: PARENT_TS,
      user: index % 2 === 0 ? CUSTOMER : REP,
      text: `Message ${index + 1} about the renewal of the ACME01 contract, prices and the delivery date.`,
    });
  }
}

const shortcutBody = (fake: FakeSlack, user: BenchUser, triggerId: string): string =>
  interactionBody(
    messageShortcutPayload({
      userId: user.slackUserId,
      channelId: BENCH_CHANNEL_ID,
      messageTs: REPLY_TS,
      threadTs: PARENT_TS,
      messageUserId: CUSTOMER,
      messageText: 'Message 26 about the renewal',
      triggerId,
      responseUrl: fake.responseUrl('bench'),
    }),
  );

/** Waits until the fake has received no call for `quietMs`, so a probe sees only the calls its own shortcut causes. */
async function waitForQuiet(fake: FakeSlack, quietMs: number): Promise<void> {
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await sleep(quietMs);
  }
}

/**
 * Shortcuts one at a time on a quiet bot: for each, the Web API methods called between the shortcut and its
 * views.open (there should be none).
 */
async function probeCallsBeforeOpen(rig: Rig, bot: ChildService, probes: number): Promise<string[][]> {
  const before: string[][] = [];
  for (let probe = 0; probe < probes; probe++) {
    await waitForQuiet(rig.fake, 500);
    const first = rig.fake.calls.length;
    const triggerId = createTriggerId();
    const user = rig.users[probe % rig.users.length] as BenchUser;
    await postToSlackEndpoint(`${bot.baseUrl}/slack/events`, shortcutBody(rig.fake, user, triggerId), {
      signingSecret: BENCH_SIGNING_SECRET,
    });
    await rig.fake.waitForCall('views.open', (call) => call.args.trigger_id === triggerId, 10_000);
    const calls = rig.fake.calls.slice(first);
    const open = calls.findIndex((call) => call.method === 'views.open' && call.args.trigger_id === triggerId);
    before.push(calls.slice(0, open).map((call) => call.method));
  }
  return before;
}

/** `callsBeforeOpen`: per lone probe shortcut, the methods called before its views.open. */
export type ThreadShortcutResult = { rows: FlowRow[]; callsBeforeOpen: string[][] };

export async function measureThreadShortcut(
  rig: Rig,
  bot: ChildService,
  settings: FlowSettings,
): Promise<ThreadShortcutResult> {
  const { fake } = rig;
  fake.reset();
  rig.sim.reset();
  rig.sim.setFaults({ latencyMs: settings.caliqLatencyMs });
  seedThread(fake);
  const callsBeforeOpen = await probeCallsBeforeOpen(rig, bot, 5);
  await waitForQuiet(fake, 500);
  fake.reset();
  seedThread(fake);

  const run = await runPaced(bot, settings, (client) => {
    const triggerId = createTriggerId();
    return buildSignedRequest(shortcutBody(fake, rig.users[client] as BenchUser, triggerId), triggerId);
  });
  await sleep(settings.settleMs);

  const opens = new Map(fake.callsTo('views.open').map((call) => [String(call.args.trigger_id), call]));
  const threadUpdates = new Map<string, FakeSlackCall>();
  for (const call of fake.callsTo('views.update').filter(offersThread)) {
    const uniqueId = decodeModalMetadata((call.args.view as { private_metadata?: string }).private_metadata)?.uniqueId;
    if (uniqueId && !threadUpdates.has(uniqueId)) threadUpdates.set(uniqueId, call);
  }
  const toOpen: number[] = [];
  const toUpdate: number[] = [];
  let missingOpen = 0;
  let missingUpdate = 0;
  for (const [triggerId, sentAt] of sentAtByTag(run)) {
    const open = opens.get(triggerId);
    if (!open) {
      missingOpen++;
      missingUpdate++;
      continue;
    }
    toOpen.push(open.at - sentAt);
    const uniqueId = decodeModalMetadata((open.args.view as { private_metadata?: string }).private_metadata)?.uniqueId;
    const update = uniqueId ? threadUpdates.get(uniqueId) : undefined;
    // Slack refuses a view over its limits; such an update reached the fake but did not offer the thread.
    if (!update || listModalLimitViolations(update.args.view as never).length > 0) missingUpdate++;
    else toUpdate.push(update.at - sentAt);
  }
  return {
    callsBeforeOpen,
    rows: [
      ackRow(FLOW, 'shortcut ack', run),
      spanRow(FLOW, 'shortcut sent → `views.open` at Slack', toOpen, missingOpen),
      spanRow(FLOW, 'shortcut sent → thread `views.update` at Slack', toUpdate, missingUpdate),
    ],
  };
}
