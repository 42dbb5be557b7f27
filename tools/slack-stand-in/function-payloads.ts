// The `function_executed` event Slack sends when a workflow reaches one of the app's custom steps.
import { FAKE_SLACK_IDS } from './fake-slack-answers.js';

type Json = Record<string, unknown>;

export type FunctionExecutedInput = {
  callbackId: string;
  inputs: Json;
  /** Default: a new ID per event (`Fx…`); pass the same one to replay a delivery. */
  executionId?: string;
  /** The workflow token Bolt uses for complete() and fail(). */
  botAccessToken?: string;
};

let executions = 0;

/** The inner event; wrap it with eventCallbackPayload (HTTP) or send it over the fake socket. */
export const functionExecutedEvent = (input: FunctionExecutedInput): Json => {
  executions += 1;
  const now = Math.floor(Date.now() / 1000);
  return {
    type: 'function_executed',
    function: {
      id: 'Fn0CALIQ01',
      callback_id: input.callbackId,
      title: 'Log interaction to Caliq',
      description: 'Logs a customer interaction in Caliq',
      type: 'app',
      input_parameters: [],
      output_parameters: [],
      app_id: FAKE_SLACK_IDS.appId,
      date_created: now,
      date_updated: now,
      date_deleted: 0,
    },
    inputs: input.inputs,
    function_execution_id: input.executionId ?? `Fx0FAKE${String(executions).padStart(6, '0')}`,
    workflow_execution_id: `Wx0FAKE${String(executions).padStart(6, '0')}`,
    event_ts: `${now}.000100`,
    bot_access_token: input.botAccessToken ?? 'xwfp-test-workflow-token',
  };
};
