// Signed requests into the real Bolt app over HTTP, as Slack sends them: signature headers, form bodies, timing.
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { COMMAND } from '../../src/ids.js';
import { FAKE_SLACK_IDS } from './fake-slack-answers.js';
import { createTriggerId, UNREACHABLE_RESPONSE_URL } from './slack-payloads.js';

export * from './function-payloads.js';
export * from './slack-payloads.js';

export type SlackSignatureHeaders = { 'x-slack-signature': string; 'x-slack-request-timestamp': string };

/** Slack's v0 scheme: HMAC-SHA256 over `v0:<timestamp>:<raw body>`, hex, prefixed `v0=`. */
export const signSlackRequest = (
  rawBody: string,
  signingSecret: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders => {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSeconds) };
};

export type SlackEndpointReply = { status: number; body: string; json: unknown; elapsedMs: number };

export type PostOptions = {
  signingSecret: string;
  /** Unix seconds for the signature; default now. Use an old one to test replay protection. */
  timestamp?: number;
  /** Sign with the wrong secret, so the signature is well-formed but does not match. */
  badSignature?: boolean;
  /** Default `application/x-www-form-urlencoded`; the Events API sends `application/json`. */
  contentType?: string;
};

/**
 * POSTs a raw body exactly as Slack does (Content-Type without charset: Bolt parses anything else as JSON).
 * Uses a fresh connection with `connection: close` so the app's server can stop without waiting on keep-alive.
 */
export const postToSlackEndpoint = (
  url: string,
  rawBody: string,
  options: PostOptions,
): Promise<SlackEndpointReply> => {
  const secret = options.badSignature ? `${options.signingSecret}-wrong` : options.signingSecret;
  const headers = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(rawBody)),
    connection: 'close',
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signSlackRequest(rawBody, secret, options.timestamp),
  };
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const outgoing = httpRequest(url, { method: 'POST', headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = body ? JSON.parse(body) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: incoming.statusCode ?? 0, body, json, elapsedMs: performance.now() - startedAt });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(rawBody);
  });
};

export type CommandFields = {
  text?: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  /** `directmessage` for a DM, `privategroup` for a private channel, else the channel's name. */
  channelName?: string;
  triggerId?: string;
  responseUrl?: string;
  teamId?: string;
  teamDomain?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  command?: string;
  apiAppId?: string;
  isEnterpriseInstall?: boolean;
};

/** The form body of a `/log-interaction` command with every field Slack sends, in Slack's order. */
export const commandBody = (fields: CommandFields = {}): string => {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.teamId ?? FAKE_SLACK_IDS.teamId,
    team_domain: fields.teamDomain ?? FAKE_SLACK_IDS.teamDomain,
  });
  if (fields.enterpriseId) form.set('enterprise_id', fields.enterpriseId);
  if (fields.enterpriseName) form.set('enterprise_name', fields.enterpriseName);
  const rest: Record<string, string> = {
    channel_id: fields.channelId ?? 'C0SALES01',
    channel_name: fields.channelName ?? 'sales',
    user_id: fields.userId ?? 'U0ALICE01',
    user_name: fields.userName ?? 'alice',
    command: fields.command ?? COMMAND,
    text: fields.text ?? '',
    api_app_id: fields.apiAppId ?? FAKE_SLACK_IDS.appId,
    is_enterprise_install: String(fields.isEnterpriseInstall ?? false),
    response_url: fields.responseUrl ?? UNREACHABLE_RESPONSE_URL,
    trigger_id: fields.triggerId ?? createTriggerId(),
  };
  for (const [key, value] of Object.entries(rest)) form.set(key, value);
  return form.toString();
};

/** The form body of any interactive request: `payload=<urlencoded JSON>`. */
export const interactionBody = (payload: object): string =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
