// The Workflow Builder step end to end: function_executed into the real Bolt app, the journal, the Caliq simulator, and
// functions.completeSuccess / completeError on the fake Slack, with the step's outputs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FUNCTION } from '../../src/ids.js';
import { uniqueIdForExecution } from '../../src/listeners/functions/log-interaction-step.js';
import type { FakeSlackCall } from '../../tools/slack-stand-in/fake-slack.js';
import { functionExecutedEvent } from '../../tools/slack-stand-in/slack-requests.js';
import { ALICE, BOB, CAROL, type Harness, startHarness } from '../support/bot-harness.js';

type Json = Record<string, unknown>;

const STEP = { person: ALICE, account: 'ACME01', kind: 'call', contact: 'Jane Smith', when: 'yesterday 3pm' };

describe('the "Log interaction to Caliq" workflow step', () => {
  let h: Harness;
  let folder: string;
  let runs = 0;

  beforeAll(async () => {
    // Bob is mapped to an employee ID Caliq does not know, so Caliq (not the bot) rejects him as the follow-up person.
    folder = mkdtempSync(join(tmpdir(), 'caliq-slack-step-'));
    const mapPath = join(folder, 'employee-map.csv');
    writeFileSync(mapPath, `slack_user_id,employee_id,email\n${ALICE},JSMITH,\n${BOB},GHOST99,\n`);
    h = await startHarness({ env: { EMPLOYEE_MAP: mapPath, CALIQ_DEFAULT_CHANNEL_ID: '64' } });
  });
  afterAll(async () => {
    await h.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    h.fake.reset();
    h.sim.reset();
    h.sim.setFaults({ down: false });
  });

  /** Runs the step with these inputs; resolves with how it ended (which method, its arguments, the token used). */
  async function runStep(inputs: Json, executionId = `Fx0STEP${++runs}`): Promise<FakeSlackCall> {
    const event = functionExecutedEvent({ callbackId: FUNCTION.logInteraction, inputs, executionId });
    const reply = await h.event(event);
    expect(reply.status).toBe(200);
    const ended = (call: FakeSlackCall) => call.args.function_execution_id === executionId;
    return Promise.race([
      h.fake.waitForCall('functions.completeSuccess', ended, 8000),
      h.fake.waitForCall('functions.completeError', ended, 8000),
    ]);
  }

  it('logs the interaction and completes with logged, its UniqueID and no issues, using the workflow token', async () => {
    const end = await runStep({ ...STEP, notes: 'Renewal talk' }, 'Fx0STEPOK1');
    expect(end.method).toBe('functions.completeSuccess');
    expect(end.token).toBe('xwfp-test-workflow-token');
    const uniqueId = uniqueIdForExecution('Fx0STEPOK1');
    expect(end.args.outputs).toEqual({ unique_id: uniqueId, status: 'logged', issues: '' });
    expect(h.sim.interactions).toHaveLength(1);
    expect(h.sim.interactions[0]?.body).toMatchObject({
      UniqueID: uniqueId,
      AccountNo: 'ACME01',
      Kind: 'C',
      ChannelID: 64,
      ContactedBy: 'JSMITH',
      ContactedFirstName: 'Jane',
      ContactedSurname: 'Smith',
      Notes: 'Renewal talk',
    });
    expect(await h.bot.deps.journal.get(uniqueId)).toMatchObject({ state: 'logged', source: 'workflow' });
    // The outputs carry the answer; the person gets no message about it.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(0);
  });

  it('logs once when Slack delivers the same execution twice', async () => {
    const first = await runStep(STEP, 'Fx0STEPTWICE');
    h.fake.reset();
    const second = await runStep(STEP, 'Fx0STEPTWICE');
    expect(first.args.outputs).toMatchObject({ status: 'logged' });
    expect(second.args.outputs).toEqual(first.args.outputs);
    expect(h.sim.interactions).toHaveLength(1);
  });

  it('reads a timestamp as the time it happened', async () => {
    const at = new Date('2026-11-20T14:30:00Z');
    await runStep({ ...STEP, when: undefined, when_timestamp: at.getTime() / 1000 });
    expect(h.sim.interactions[0]?.body.OnDateTime).toBe('2026-11-20T14:30:00');
  });

  it('completes with waiting when Caliq is down, and the journal delivers it later (the person hears by DM)', async () => {
    h.sim.setFaults({ down: true });
    const end = await runStep(STEP, 'Fx0STEPWAIT');
    const uniqueId = uniqueIdForExecution('Fx0STEPWAIT');
    expect(end.method).toBe('functions.completeSuccess');
    expect(end.args.outputs).toEqual({ unique_id: uniqueId, status: 'waiting', issues: '' });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    h.sim.setFaults({ down: false });
    await vi.waitFor(async () => expect((await h.bot.deps.journal.get(uniqueId))?.state).toBe('logged'), {
      timeout: 10_000,
    });
    expect(h.sim.interactions.filter((stored) => stored.uniqueId === uniqueId)).toHaveLength(1);
    const dm = await h.fake.waitForCall('chat.postMessage', (call) => String(call.args.text).includes('Caliq is back'));
    expect(dm.args.channel).toBe(`D${ALICE}`);
  });

  it("completes with rejected and Caliq's issues as text when Caliq refuses the data", async () => {
    const end = await runStep({ ...STEP, follow_up_when: 'next Friday 10am', follow_up_person: BOB });
    expect(end.method).toBe('functions.completeSuccess');
    const outputs = end.args.outputs as Json;
    expect(outputs.status).toBe('rejected');
    expect(outputs.issues).toContain('GHOST99');
  });

  it('fails the step with the words the form shows when the input is bad, and sends nothing', async () => {
    const end = await runStep({ person: ALICE, account: 'NOPE99', kind: 'fax', contact: 'Jane', when: 'blah blah' });
    expect(end.method).toBe('functions.completeError');
    const error = String(end.args.error);
    expect(error).toContain('“fax” is not a kind: use call, email or visit.');
    expect(error).toContain('No customer with account number NOPE99 in Caliq.');
    expect(error).toContain("Enter the contact's surname.");
    expect(h.sim.received.filter((request) => request.endpoint === 'InteractionCreate')).toHaveLength(0);
  });

  it('fails the step for a person with no Caliq employee ID, saying how to map them', async () => {
    const end = await runStep({ ...STEP, person: CAROL });
    expect(end.method).toBe('functions.completeError');
    expect(String(end.args.error)).toContain(`${CAROL},<employee ID>`);
    expect(h.sim.interactions).toHaveLength(0);
  });
});
