// A fake of Slack's Web API, response_url and Socket Mode on a real loopback HTTP server, recording every call.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AnswerContext,
  createWorkspace,
  DEFAULT_ANSWERS,
  type FakeSlackAnswer,
  type FakeSlackArgs,
  type FakeSlackChannel,
  type FakeSlackUser,
  type FakeTeamProfileField,
} from './fake-slack-answers.js';
import { createFakeSocketServer, type SocketAck, type SocketEnvelope } from './fake-slack-socket.js';
import type { FakeSlackMessage } from './fake-slack-threads.js';
import { createWaitList } from './wait-list.js';

export type {
  FakeSlackAnswer,
  FakeSlackArgs,
  FakeSlackChannel,
  FakeSlackUser,
  FakeTeamProfileField,
} from './fake-slack-answers.js';
export { FAKE_SLACK_IDS } from './fake-slack-answers.js';
export type { SocketAck, SocketEnvelope, SocketEnvelopeType } from './fake-slack-socket.js';
export type { FakeSlackMessage } from './fake-slack-threads.js';

/** One Web API call as received. `at` is `performance.now()` on arrival (compare with performance.now()). */
export type FakeSlackCall = { method: string; args: FakeSlackArgs; token: string | undefined; at: number };

/** One POST to a response_url stand-in; `status` is what the fake answered. */
export type FakeSlackResponse = { id: string; body: unknown; at: number; status: number };

export type AnswerSource = FakeSlackAnswer | ((args: FakeSlackArgs) => FakeSlackAnswer);

export type RespondWithOptions = {
  /** How many calls this answer serves before the next override (or the default) takes over; default: all. */
  times?: number;
  /** HTTP status to answer with (e.g. 429 with a `retry-after` header); default 200. */
  status?: number;
  headers?: Record<string, string>;
  /**
   * Runs the default answer first, so its effects stay (a posted message is kept), then answers with this one: a call
   * that reached Slack but whose answer was lost, e.g. `{ status: 500, afterDefault: true }`.
   */
  afterDefault?: boolean;
};

export type FakeSlack = {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** What `clientOptions.slackApiUrl` takes: `http://127.0.0.1:PORT/api/`. */
  apiUrl: string;
  calls: FakeSlackCall[];
  responses: FakeSlackResponse[];
  /** Acks received over Socket Mode, in order. */
  socketAcks: SocketAck[];
  callsTo(method: string): FakeSlackCall[];
  /** The first recorded matching call, or the next one to arrive; rejects after timeoutMs (default 5000). */
  waitForCall(method: string, predicate?: (call: FakeSlackCall) => boolean, timeoutMs?: number): Promise<FakeSlackCall>;
  waitForResponse(predicate?: (response: FakeSlackResponse) => boolean, timeoutMs?: number): Promise<FakeSlackResponse>;
  /** Overrides are served first-in first-out; one without `times` stays until reset(). */
  respondWith(method: string, answer: AnswerSource, options?: RespondWithOptions): void;
  /** Delays every answer to `method` by `ms` (the call is still recorded on arrival). */
  delay(method: string, ms: number): void;
  setUser(userId: string, user: FakeSlackUser): void;
  /** Makes conversations.info know this conversation (unknown ones answer channel_not_found). */
  setChannel(channelId: string, channel: FakeSlackChannel): void;
  /** The Home tab last published for the user, as the fake stored it. */
  homeOf(userId: string): Record<string, unknown> | undefined;
  setTeamProfileFields(fields: FakeTeamProfileField[]): void;
  /** Puts a message in a conversation (a reply when it has a `thread_ts` other than its own ts). */
  addMessage(conversationId: string, message: FakeSlackMessage): void;
  /** A conversation's messages as the fake holds them, oldest first (the app's DMs include what it posted). */
  messagesIn(conversationId: string): FakeSlackMessage[];
  /** Names another organisation's team for team.info (Slack Connect). */
  setTeam(teamId: string, name: string): void;
  /** What a person typed into an open view's input; like Slack, typing does not change the view's hash. */
  typeInto(viewId: string, blockId: string, actionId: string, value: Record<string, unknown>): void;
  /** An open view as the fake holds it (blocks, hash, state). */
  viewOf(viewId: string): Record<string, unknown> | undefined;
  /** A response_url pointing at this fake: `http://127.0.0.1:PORT/respond/<id>`. */
  responseUrl(id?: string): string;
  /** Status for every later response_url POST (e.g. 404 for an expired URL); 200 again after reset(). */
  respondUrlStatus(status: number): void;
  sendEnvelope(envelope: SocketEnvelope, timeoutMs?: number): Promise<SocketAck>;
  waitForSocketClient(timeoutMs?: number): Promise<void>;
  /** Forgets calls, responses, acks, overrides, delays, users and views; keeps the server and socket clients. */
  reset(): void;
  close(): Promise<void>;
};

type Override = {
  answer: AnswerSource;
  remaining: number | undefined;
  status: number;
  headers: Record<string, string>;
  afterDefault: boolean;
};

/** Form fields that are free text: never JSON-decode them, even when they look like JSON. */
const TEXT_FIELDS = new Set(['text', 'markdown_text', 'fallback', 'email', 'private_metadata']);

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** @slack/web-api sends a form whose non-scalar values (view, blocks) are JSON strings; turn them back into objects. */
const parseArgs = (raw: string, contentType: string, query: URLSearchParams): FakeSlackArgs => {
  if (contentType.startsWith('application/json')) return raw ? (JSON.parse(raw) as FakeSlackArgs) : {};
  const args: FakeSlackArgs = {};
  for (const [key, value] of [...query, ...new URLSearchParams(raw)]) {
    args[key] = value;
    if (TEXT_FIELDS.has(key) || !/^\s*[[{]/.test(value)) continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Not JSON after all: keep the string, as Slack would.
    }
  }
  return args;
};

const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
};

export const startFakeSlack = async (options: { port?: number } = {}): Promise<FakeSlack> => {
  let workspace = createWorkspace();
  const calls = createWaitList<FakeSlackCall>();
  const responses = createWaitList<FakeSlackResponse>();
  const overrides = new Map<string, Override[]>();
  const delays = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = createFakeSocketServer();
  let responseUrlStatus = 200;
  let responseCounter = 0;
  let baseUrl = '';

  const answerFor = (method: string, args: FakeSlackArgs, token: string | undefined) => {
    const queue = overrides.get(method);
    const override = queue?.[0];
    if (queue && override) {
      if (override.remaining !== undefined && --override.remaining <= 0) queue.shift();
      if (override.afterDefault) defaultAnswerFor(method, args, token);
      const body = typeof override.answer === 'function' ? override.answer(args) : override.answer;
      return { status: override.status, body, headers: override.headers };
    }
    return defaultAnswerFor(method, args, token);
  };

  const defaultAnswerFor = (method: string, args: FakeSlackArgs, token: string | undefined) => {
    const answer = DEFAULT_ANSWERS[method];
    if (!answer) return { status: 200, body: { ok: false, error: 'unknown_method' }, headers: {} };
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' }, headers: {} };
    const context: AnswerContext = { workspace, socketUrl: `${baseUrl.replace(/^http/, 'ws')}/socket` };
    return { status: 200, body: answer(args, context), headers: {} };
  };

  const handleApiCall = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(await readBody(request), request.headers['content-type'] ?? '', url.searchParams);
    const bearer = request.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    calls.record({ method, args, token, at: performance.now() });
    const wait = delays.get(method);
    if (wait) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, wait);
        timers.add(timer);
      });
    }
    const { status, body, headers } = answerFor(method, args, token);
    sendJson(response, status, body, headers);
  };

  const handleResponseUrl = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const raw = await readBody(request);
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // respond() always sends JSON; keep anything else as text so the test can see it.
    }
    const status = responseUrlStatus;
    responses.record({
      id: decodeURIComponent(url.pathname.slice('/respond/'.length)),
      body,
      at: performance.now(),
      status,
    });
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(status === 200 ? 'ok' : 'expired_url');
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handle = url.pathname.startsWith('/api/')
      ? handleApiCall
      : url.pathname.startsWith('/respond/') && request.method === 'POST'
        ? handleResponseUrl
        : undefined;
    if (!handle) {
      sendJson(response, 404, { ok: false, error: 'not_found' });
      return;
    }
    handle(request, response, url).catch((error: unknown) => {
      sendJson(response, 500, { ok: false, error: 'fake_slack_failure', detail: String(error) });
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname === '/socket') {
      sockets.handleUpgrade(request, socket, head);
    } else {
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const describeCalls = () => calls.items.map((call) => call.method).join(', ') || 'none';

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    calls: calls.items,
    responses: responses.items,
    socketAcks: sockets.acks,
    callsTo: (method) => calls.items.filter((call) => call.method === method),
    waitForCall: (method, predicate = () => true, timeoutMs = 5000) =>
      calls.waitFor(
        (call) => call.method === method && predicate(call),
        timeoutMs,
        () => `no matching ${method} call within ${timeoutMs} ms; calls so far: ${describeCalls()}`,
      ),
    waitForResponse: (predicate = () => true, timeoutMs = 5000) =>
      responses.waitFor(
        predicate,
        timeoutMs,
        () => `no matching response_url POST within ${timeoutMs} ms (${responses.items.length} received)`,
      ),
    respondWith(method, answer, { times, status = 200, headers = {}, afterDefault = false } = {}) {
      const queue = overrides.get(method) ?? [];
      queue.push({ answer, remaining: times, status, headers, afterDefault });
      overrides.set(method, queue);
    },
    delay: (method, ms) => void delays.set(method, ms),
    setUser: (userId, user) => void workspace.users.set(userId, { ...workspace.users.get(userId), ...user }),
    setChannel: (channelId, channel) => void workspace.channels.set(channelId, channel),
    homeOf: (userId) => workspace.homes.get(userId),
    setTeamProfileFields(fields) {
      workspace.teamProfileFields = fields;
    },
    addMessage(conversationId, message) {
      workspace.messages.set(conversationId, [...(workspace.messages.get(conversationId) ?? []), message]);
    },
    messagesIn: (conversationId) => [...(workspace.messages.get(conversationId) ?? [])],
    setTeam: (teamId, name) => void workspace.teams.set(teamId, name),
    typeInto(viewId, blockId, actionId, value) {
      const stored = workspace.views.get(viewId)?.view;
      if (!stored) throw new Error(`no view ${viewId} in the fake`);
      const state = stored.state as { values: Record<string, Record<string, unknown>> };
      state.values[blockId] = { ...state.values[blockId], [actionId]: value };
    },
    viewOf: (viewId) => workspace.views.get(viewId)?.view,
    responseUrl: (id) => `${baseUrl}/respond/${encodeURIComponent(id ?? `r${++responseCounter}`)}`,
    respondUrlStatus(status) {
      responseUrlStatus = status;
    },
    sendEnvelope: (envelope, timeoutMs) => sockets.sendEnvelope(envelope, timeoutMs),
    waitForSocketClient: (timeoutMs = 5000) => sockets.waitForClient(timeoutMs),
    reset() {
      calls.clear();
      responses.clear();
      sockets.clearAcks();
      overrides.clear();
      delays.clear();
      workspace = createWorkspace();
      responseUrlStatus = 200;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
