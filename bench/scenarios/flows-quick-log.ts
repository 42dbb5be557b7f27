// Issue 19's quick log, paced: a complete `/log-interaction` line → its preview card at the response_url, then each
// card's Log it pressed → "✅ Logged" replacing the card at the response_url.
import { ACTION } from '../../src/ids.js';
import type { FakeSlackResponse } from '../../tools/slack-stand-in/fake-slack.js';
import { blockActionsPayload, commandBody, interactionBody } from '../../tools/slack-stand-in/slack-requests.js';
import type { ChildService } from '../load/child-service.js';
import { BENCH_CHANNEL_ID, type BenchUser, buildSignedRequest } from '../load/fixtures.js';
import type { Rig } from '../targets/rig.js';
import { ackRow, type FlowRow, type FlowSettings, runPaced, sentAtByTag, sleep, spanRow } from './flows-support.js';

const FLOW = 'quick log';
export const QUICK_LOG_LINE = 'call ACME01 with Jane Smith yesterday 3pm renewal';

type Card = { tag: string; user: BenchUser; value: string };
type Button = { action_id?: string; value?: string };

/** The Log it button's value on a posted card, if the post is a card. */
function logItValue(response: FakeSlackResponse): string | undefined {
  const blocks = ((response.body as { blocks?: unknown } | undefined)?.blocks ?? []) as { elements?: Button[] }[];
  const button = blocks
    .flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id === ACTION.quickLogConfirm);
  return button?.value;
}

const isLogged = (response: FakeSlackResponse): boolean =>
  (response.body as { replace_original?: boolean }).replace_original === true &&
  JSON.stringify(response.body).includes('✅ Logged');

const firstResponses = (responses: readonly FakeSlackResponse[], accept: (response: FakeSlackResponse) => boolean) => {
  const first = new Map<string, FakeSlackResponse>();
  for (const response of responses) if (accept(response) && !first.has(response.id)) first.set(response.id, response);
  return first;
};

export async function measureQuickLog(rig: Rig, bot: ChildService, settings: FlowSettings): Promise<FlowRow[]> {
  const { fake } = rig;
  fake.reset();
  rig.sim.reset();
  rig.sim.setFaults({ latencyMs: settings.caliqLatencyMs });

  const usersByTag = new Map<string, BenchUser>();
  let commands = 0;
  const commandRun = await runPaced(bot, settings, (client) => {
    const tag = `card-${++commands}`;
    const user = rig.users[client] as BenchUser;
    usersByTag.set(tag, user);
    const body = commandBody({
      text: QUICK_LOG_LINE,
      userId: user.slackUserId,
      channelId: BENCH_CHANNEL_ID,
      responseUrl: fake.responseUrl(tag),
    });
    return buildSignedRequest(body, tag);
  });
  await sleep(settings.settleMs);

  const cardPosts = firstResponses(fake.responses, (response) => logItValue(response) !== undefined);
  const toCard: number[] = [];
  const cards: Card[] = [];
  for (const [tag, sentAt] of sentAtByTag(commandRun)) {
    const post = cardPosts.get(tag);
    const value = post && logItValue(post);
    const user = usersByTag.get(tag);
    if (!post || !value || !user) continue;
    toCard.push(post.at - sentAt);
    cards.push({ tag, user, value });
  }

  let presses = 0;
  const pressRun = await runPaced(
    bot,
    settings,
    () => {
      const card = cards[presses++] as Card;
      const tag = `press-${card.tag}`;
      const payload = blockActionsPayload({
        userId: card.user.slackUserId,
        actions: [{ action_id: ACTION.quickLogConfirm, value: card.value }],
        message: { ts: '1732600000.000200', channelId: BENCH_CHANNEL_ID, isEphemeral: true },
        responseUrl: fake.responseUrl(tag),
      });
      return buildSignedRequest(interactionBody(payload), tag);
    },
    cards.length,
  );
  await sleep(settings.settleMs);

  const loggedPosts = firstResponses(fake.responses, isLogged);
  const toLogged: number[] = [];
  let notLogged = 0;
  for (const [tag, sentAt] of sentAtByTag(pressRun)) {
    const post = loggedPosts.get(tag);
    if (post) toLogged.push(post.at - sentAt);
    else notLogged++;
  }
  return [
    ackRow(FLOW, 'command ack', commandRun),
    spanRow(
      FLOW,
      'command sent → preview card at the response_url',
      toCard,
      sentAtByTag(commandRun).size - toCard.length,
    ),
    ackRow(FLOW, 'Log it ack', pressRun),
    spanRow(FLOW, 'Log it sent → "✅ Logged" at the response_url', toLogged, notLogged),
  ];
}
