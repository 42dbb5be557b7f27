// Issue 19's Workflow Builder step, paced: `function_executed` events → `functions.completeSuccess` at Slack, with the
// interaction logged in Caliq on the way.
import { FUNCTION } from '../../src/ids.js';
import { eventCallbackPayload, type FakeSlackCall, functionExecutedEvent } from '../../tools/slack-stand-in/index.js';
import type { ChildService } from '../load/child-service.js';
import { type BenchUser, buildSignedRequest } from '../load/fixtures.js';
import type { Rig } from '../targets/rig.js';
import { ackRow, type FlowRow, type FlowSettings, runPaced, sentAtByTag, sleep, spanRow } from './flows-support.js';

const FLOW = 'workflow step';

export async function measureWorkflowStep(rig: Rig, bot: ChildService, settings: FlowSettings): Promise<FlowRow[]> {
  const { fake } = rig;
  fake.reset();
  rig.sim.reset();
  rig.sim.setFaults({ latencyMs: settings.caliqLatencyMs });

  let executions = 0;
  const run = await runPaced(bot, settings, (client) => {
    const executionId = `Fx0BENCH${String(++executions).padStart(6, '0')}`;
    const user = rig.users[client] as BenchUser;
    const event = functionExecutedEvent({
      callbackId: FUNCTION.logInteraction,
      executionId,
      inputs: {
        person: user.slackUserId,
        account: 'ACME01',
        kind: 'call',
        contact: 'Jane Smith',
        when: 'yesterday 3pm',
        notes: 'Renewal',
      },
    });
    return buildSignedRequest(JSON.stringify(eventCallbackPayload(event)), executionId, 'json');
  });
  await sleep(settings.settleMs);

  const completions = new Map<string, FakeSlackCall>();
  for (const call of fake.calls) {
    if (call.method !== 'functions.completeSuccess' && call.method !== 'functions.completeError') continue;
    const id = String(call.args.function_execution_id);
    if (!completions.has(id)) completions.set(id, call);
  }
  const toComplete: number[] = [];
  let failed = 0;
  for (const [executionId, sentAt] of sentAtByTag(run)) {
    const end = completions.get(executionId);
    // Caliq is up, so anything but "logged" (an error, or "waiting" in the journal) counts against the flow.
    const logged =
      end?.method === 'functions.completeSuccess' && (end.args.outputs as { status?: string })?.status === 'logged';
    if (end && logged) toComplete.push(end.at - sentAt);
    else failed++;
  }
  return [
    ackRow(FLOW, '`function_executed` ack', run),
    spanRow(FLOW, 'event sent → `functions.completeSuccess` at Slack', toComplete, failed),
  ];
}
