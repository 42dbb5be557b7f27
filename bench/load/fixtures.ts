// What the load is made of: bench credentials, mapped users, signed command and submission bodies, drain interactions.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InteractionInput } from '../../src/caliq/types.js';
import { CALLBACK, COMMAND } from '../../src/ids.js';
import type { Draft } from '../../src/interactions/draft.js';
import { buildLogModal, encodeModalMetadata } from '../../src/views/index.js';
import { readDefaultSeed } from '../../tools/caliq-simulator/index.js';
import {
  commandBody,
  interactionBody,
  type LogModalInput,
  signSlackRequest,
  stateValues,
  viewSubmissionPayload,
} from '../../tools/slack-stand-in/slack-requests.js';
import type { LoadRequest } from './http-load.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789';
export const BENCH_BOT_TOKEN = 'xoxb-bench-bot-token-000111';
export const BENCH_CALIQ_KEY = 'bench-caliq-api-key-9876543210';
export const BENCH_CHANNEL_ID = 'C0SALES01';

/** What a careful user leaves in the modal: every required field valid, "when" empty (= now), no follow-up. */
export const VALID_MODAL_INPUT: LogModalInput = {
  account: 'ACME01',
  kind: 'C',
  channel: 64,
  contactFirstName: 'Pat',
  contactSurname: 'Lee',
  when: null,
  notes: 'Benchmark call about the renewal.',
  followUpWhen: null,
  followUpBy: null,
  followUpNotes: null,
};

export type BenchUser = { slackUserId: string; employeeId: string };

/** One Slack user per load client, each mapped to an employee that exists in the simulator's seed. */
export function createBenchUsers(count: number): BenchUser[] {
  const employees = readDefaultSeed().employees.map((employee) => employee.ID);
  return Array.from({ length: count }, (_, index) => ({
    slackUserId: `U0BENCH${String(index).padStart(3, '0')}`,
    employeeId: employees[index % employees.length] ?? 'JSMITH',
  }));
}

export function writeEmployeeMap(folder: string, users: readonly BenchUser[]): string {
  const path = join(folder, 'employee-map.csv');
  const rows = users.map((user) => `${user.slackUserId},${user.employeeId}`);
  writeFileSync(path, `slack_user_id,employee_id\n${rows.join('\n')}\n`);
  return path;
}

const signedHeaders = (body: string, contentType = 'application/x-www-form-urlencoded'): Record<string, string> => ({
  'content-type': contentType,
  'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  ...signSlackRequest(body, BENCH_SIGNING_SECRET),
});

/** Any body signed with the bench's secret as Slack sends it: a form (commands, interactions) or JSON (events). */
export function buildSignedRequest(body: string, tag: string, kind: 'form' | 'json' = 'form'): LoadRequest {
  return { body, headers: signedHeaders(body, kind === 'json' ? 'application/json' : undefined), tag };
}

/** A signed `/log-interaction` with no text (opens the modal); tagged with its trigger_id. */
export function buildCommandRequest(user: BenchUser, responseUrl: string): LoadRequest {
  const triggerId = `${Date.now()}.${randomUUID()}`;
  const body = commandBody({ userId: user.slackUserId, channelId: BENCH_CHANNEL_ID, responseUrl, triggerId });
  return { body, headers: signedHeaders(body), tag: triggerId };
}

/**
 * A signed view_submission of a valid log modal with a fresh UniqueID; tagged with that UniqueID. Its response_url
 * names the UniqueID too, so the bench can tell which submission a "✅ Logged" answer belongs to.
 */
export function buildSubmissionRequest(user: BenchUser, responseUrlFor: (uniqueId: string) => string): LoadRequest {
  const uniqueId = randomUUID();
  const privateMetadata = encodeModalMetadata({
    uniqueId,
    replyTo: { responseUrl: responseUrlFor(uniqueId), conversationId: BENCH_CHANNEL_ID },
    source: 'command',
  });
  const payload = viewSubmissionPayload({
    userId: user.slackUserId,
    view: {
      callback_id: CALLBACK.logModal,
      private_metadata: privateMetadata,
      state: { values: stateValues(VALID_MODAL_INPUT) },
    },
  });
  const body = interactionBody(payload);
  return { body, headers: signedHeaders(body), tag: uniqueId };
}

/** The baseline's static modal: the bot's own empty log modal, so both send views.open bodies of the same size. */
export function writeStaticModal(folder: string, responseUrl: string): string {
  const seed = readDefaultSeed();
  const view = buildLogModal({
    draft: {},
    accountField: { kind: 'search' },
    metadata: { uniqueId: randomUUID(), replyTo: { responseUrl, conversationId: BENCH_CHANNEL_ID }, source: 'command' },
    submitterId: 'U0BENCH000',
    channels: seed.channels.map((channel) => ({ id: channel.ID, description: channel.Description })),
  });
  const path = join(folder, 'static-modal.json');
  writeFileSync(path, JSON.stringify(view));
  return path;
}

export const DRAIN_DRAFT: Draft = {
  accountNo: 'ACME01',
  kind: 'C',
  channelId: 64,
  contactFirstName: 'Pat',
  contactSurname: 'Lee',
  notes: 'Benchmark call logged while Caliq was down.',
};

/** The interaction the submission path would journal for VALID_MODAL_INPUT. */
export function buildDrainInteraction(user: BenchUser, uniqueId: string): InteractionInput {
  return {
    uniqueId,
    channelId: 64,
    customer: { accountNo: 'ACME01' },
    kind: 'C',
    contactedBy: user.employeeId,
    contact: { firstName: 'Pat', surname: 'Lee' },
    notes: DRAIN_DRAFT.notes,
  };
}

export { CALLBACK, COMMAND };
