// The Workflow Builder step "Log interaction to Caliq": the same checks, journal and delivery as the form; the step
// completes with Caliq's answer (logged, rejected) or with `waiting` when Caliq is away, and fails on bad input.
import { createHash } from 'node:crypto';
import type { App } from '@slack/bolt';
import { formatWhenPhrase } from '../../dates/index.js';
import { FUNCTION } from '../../ids.js';
import { type Draft, readStepInputs, resolveChannel, type StepInputs } from '../../interactions/index.js';
import type { JournalEntry } from '../../store/index.js';
import { buildRequestFailedMessage, describeUnmappedStepPerson, formatIssue } from '../../views/index.js';
import { causeOf } from '../after-ack.js';
import type { ListenerDeps } from '../deps.js';
import { checkDraft } from '../quick-log/preview.js';

export type StepStatus = 'logged' | 'waiting' | 'rejected';
export type StepOutputs = { unique_id: string; status: StepStatus; issues: string };
type StepEnd = { outputs: StepOutputs } | { error: string };

/**
 * The UniqueID of one run of the step, from its execution ID: if Slack delivers the event again, the journal finds the
 * same entry and Caliq is not sent a second interaction.
 */
export function uniqueIdForExecution(functionExecutionId: string): string {
  const hex = createHash('sha256').update(`caliq-slack:${functionExecutionId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What the step reports once the first attempt is over: Caliq's answer, or waiting while the journal keeps trying. */
function outputsOf(entry: JournalEntry): StepEnd {
  const issues = entry.issues.map(formatIssue).join('\n');
  switch (entry.state) {
    case 'logged':
      return { outputs: { unique_id: entry.uniqueId, status: 'logged', issues } };
    case 'rejected':
      return { outputs: { unique_id: entry.uniqueId, status: 'rejected', issues } };
    case 'pending':
      return { outputs: { unique_id: entry.uniqueId, status: 'waiting', issues } };
    case 'failed':
      return {
        error: `Caliq could not read this interaction (${entry.lastError ?? 'no reason given'}); nothing was logged.`,
      };
  }
}

export function registerLogInteractionStep(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'workflow-step' });

  async function run(executionId: string, teamId: string | undefined, inputs: StepInputs): Promise<StepEnd> {
    const read = readStepInputs(inputs);
    if (!read.person) return { error: read.problems.join(' ') };
    const person = read.person;
    const uniqueId = uniqueIdForExecution(executionId);
    // A step has no 3-second form to keep open, so the mapping may take as long as Slack and the map need.
    const employee = await deps.people.resolveEmployee(person);
    if (!employee.ok)
      return { error: describeUnmappedStepPerson(person, employee.reason, deps.config.people.mappingContact) };
    const timeZone = deps.people.timeZoneOf(person) ?? (await deps.people.resolveTimeZone(person));
    const draft: Draft = { ...read.draft };
    if (read.whenAt) draft.when = formatWhenPhrase(read.whenAt, timeZone);
    const channel = resolveChannel(read.channelName, {
      channels: deps.reference.channels.current(),
      defaultChannelId: deps.config.caliq.defaultChannelId,
    });
    if (channel.channelId !== undefined) draft.channelId = channel.channelId;
    const checked = await checkDraft(deps, { userId: person, uniqueId, draft });
    const problems = [...read.problems, ...(channel.problem ? [channel.problem] : [])];
    if (!checked.ok) {
      if ('unmapped' in checked) return { error: checked.unmapped.text };
      const formProblems = Object.values(checked.errors).filter((words) => words !== undefined);
      return { error: [...problems, ...formProblems].join(' ') };
    }
    if (problems.length > 0) return { error: problems.join(' ') };
    const { interaction } = checked.result;
    const accepted = await deps.delivery.accept({
      uniqueId,
      slackUserId: person,
      slackTeamId: teamId,
      interaction,
      draft,
      // No conversation to answer in: later news (delivered, gave up) goes to the person by DM.
      replyTo: {},
      followUpSlackUserId: interaction.followUp ? draft.followUpBy : undefined,
      source: 'workflow',
    });
    const result = await deps.delivery.send(accepted);
    log.info({ uniqueId, executionId, status: result.status }, 'workflow step sent');
    return outputsOf(result.entry);
  }

  app.function(FUNCTION.logInteraction, { autoAcknowledge: true }, async ({ event, body, complete, fail }) => {
    const executionId = event.function_execution_id;
    const teamId = (body as { team_id?: string }).team_id;
    let end: StepEnd;
    try {
      end = await run(executionId, teamId, event.inputs as StepInputs);
    } catch (error) {
      log.error({ err: error, executionId }, 'the workflow step failed');
      end = { error: buildRequestFailedMessage('workflow_step', causeOf(error)).text.replace(/^⚠️ /, '') };
    }
    if ('error' in end) {
      log.info({ executionId, error: end.error }, 'workflow step refused its input');
      await fail({ error: end.error });
    } else {
      await complete({ outputs: end.outputs });
    }
  });
}
