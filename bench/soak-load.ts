// The soak's steady load: signed log-modal submissions with a follow-up due soon, paced, spread over the instances.
import { randomUUID } from 'node:crypto';
import { CALLBACK } from '../src/ids.js';
import { encodeModalMetadata } from '../src/views/index.js';
import {
  interactionBody,
  signSlackRequest,
  stateValues,
  viewSubmissionPayload,
} from '../tools/slack-stand-in/slack-requests.js';
import { BENCH_CHANNEL_ID, BENCH_SIGNING_SECRET, type BenchUser, VALID_MODAL_INPUT } from './load/fixtures.js';

/** How one submission ended at Slack's end: acked (200, empty body), refused by form errors, or no answer in time. */
export type SubmissionOutcome = 'acked' | 'form_errors' | 'no_ack';

export type Submission = {
  uniqueId: string;
  user: BenchUser;
  sentAt: number;
  outcome?: SubmissionOutcome;
  detail?: string;
};

/** Slack waits 3 seconds for an answer to a view_submission. */
const SLACK_ACK_TIMEOUT_MS = 3000;

/** A view_submission of the valid log modal with a fresh UniqueID and a follow-up for the submitter. */
export function buildFollowUpSubmission(user: BenchUser, followUpWhen: string, responseUrlFor: (id: string) => string) {
  const uniqueId = randomUUID();
  const privateMetadata = encodeModalMetadata({
    uniqueId,
    replyTo: { responseUrl: responseUrlFor(uniqueId), conversationId: BENCH_CHANNEL_ID },
    source: 'command',
  });
  const input = { ...VALID_MODAL_INPUT, followUpWhen, followUpBy: user.slackUserId, followUpNotes: 'Soak follow-up' };
  const payload = viewSubmissionPayload({
    userId: user.slackUserId,
    view: { callback_id: CALLBACK.logModal, private_metadata: privateMetadata, state: { values: stateValues(input) } },
  });
  const body = interactionBody(payload);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    ...signSlackRequest(body, BENCH_SIGNING_SECRET),
  };
  return { uniqueId, body, headers };
}

export type SteadyLoadOptions = {
  ratePerSec: number;
  durationMs: number;
  users: readonly BenchUser[];
  followUpWhen: string;
  responseUrlFor: (uniqueId: string) => string;
  /** The instances' base URLs now; a killed one stays in the rotation (its requests fail) until it is replaced. */
  upstreams: () => readonly string[];
};

/**
 * Sends one submission every 1/rate seconds for the duration, round-robin over the instances as a load balancer
 * would, without waiting for answers; resolves when every answer (or timeout) is in.
 */
export async function runSteadyLoad(options: SteadyLoadOptions): Promise<Submission[]> {
  const submissions: Submission[] = [];
  const inFlight: Promise<void>[] = [];
  const intervalMs = 1000 / options.ratePerSec;
  const started = performance.now();
  for (let sequence = 0; ; sequence++) {
    const slotAt = started + sequence * intervalMs;
    if (slotAt - started >= options.durationMs) break;
    const wait = slotAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const user = options.users[sequence % options.users.length] as BenchUser;
    const upstreams = options.upstreams();
    const url = `${upstreams[sequence % upstreams.length]}/slack/events`;
    const request = buildFollowUpSubmission(user, options.followUpWhen, options.responseUrlFor);
    const submission: Submission = { uniqueId: request.uniqueId, user, sentAt: Date.now() };
    submissions.push(submission);
    inFlight.push(send(url, request, submission));
  }
  await Promise.all(inFlight);
  return submissions;
}

async function send(url: string, request: { body: string; headers: Record<string, string> }, into: Submission) {
  try {
    const answer = await fetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(SLACK_ACK_TIMEOUT_MS),
    });
    const text = await answer.text();
    if (answer.status === 200 && text === '') into.outcome = 'acked';
    else if (answer.status === 200 && text.includes('"errors"')) {
      into.outcome = 'form_errors';
      into.detail = text.slice(0, 200);
    } else {
      into.outcome = 'no_ack';
      into.detail = `HTTP ${answer.status}`;
    }
  } catch (error) {
    into.outcome = 'no_ack';
    into.detail = error instanceof Error ? error.name : String(error);
  }
}
