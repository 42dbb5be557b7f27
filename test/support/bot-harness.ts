// Runs the real bot (HTTP or Socket Mode) against the fake Slack and the Caliq simulator, with a real SQLite file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type Bot, createBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { CALLBACK } from '../../src/ids.js';
import { createLogger } from '../../src/logger.js';
import { encodeModalMetadata } from '../../src/views/index.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { type FakeSlack, type FakeSlackUser, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import {
  appHomeOpenedEvent,
  type BlockActionsInput,
  blockActionsPayload,
  blockSuggestionPayload,
  type CommandFields,
  commandBody,
  eventCallbackPayload,
  type GlobalShortcutInput,
  globalShortcutPayload,
  interactionBody,
  type LogModalInput,
  type MessageShortcutInput,
  messageShortcutPayload,
  postToSlackEndpoint,
  type SlackEndpointReply,
  stateValues,
  viewSubmissionPayload,
} from '../../tools/slack-stand-in/slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const CALIQ_KEY = 'test-caliq-api-key-9876543210';
export const BOT_TOKEN = 'xoxb-test-bot-token-000111';

/** A valid call with ACME01 (a customer in the simulator's seed) as a user would fill in the log modal. */
export const VALID_CALL: LogModalInput = {
  account: 'ACME01',
  kind: 'C',
  channel: 64,
  contactFirstName: 'Jane',
  contactSurname: 'Smith',
  when: 'yesterday 3pm',
  notes: 'Renewal talk',
};

/** Alice and Bob are mapped in the employee map file; Carol is nobody's. */
export const ALICE = 'U0ALICE01';
export const BOB = 'U0BOB0001';
export const CAROL = 'U0CAROL01';

/**
 * The body Slack posts when ALICE submits a log modal opened for `uniqueId` with these values; its answers go to a
 * response_url named after the UniqueID. For tests that drive bot processes directly (several of them, restarts).
 */
export function logModalSubmissionBody(fake: FakeSlack, uniqueId: string, values: LogModalInput = VALID_CALL): string {
  const metadata = encodeModalMetadata({
    uniqueId,
    replyTo: { responseUrl: fake.responseUrl(uniqueId), conversationId: 'C0SALES01' },
    source: 'command',
  });
  const payload = viewSubmissionPayload({
    userId: ALICE,
    view: { callback_id: CALLBACK.logModal, private_metadata: metadata, state: { values: stateValues(values) } },
  });
  return interactionBody(payload);
}

export type HarnessOptions = {
  socketMode?: boolean;
  env?: Record<string, string>;
  now?: () => Date;
  users?: Record<string, FakeSlackUser>;
  /** Reuse this database file (a restart); default a new one in a temp folder. */
  databasePath?: string;
  simulator?: CaliqSimulator;
  fakeSlack?: FakeSlack;
  /** false: the reminder loop does not run by itself; the test calls `bot.scheduler.runOnce()`. */
  startReminderLoop?: boolean;
};

export type Harness = {
  bot: Bot;
  fake: FakeSlack;
  sim: CaliqSimulator;
  /** `http://127.0.0.1:PORT/slack/events` in HTTP mode. */
  eventsUrl: string;
  baseUrl: string;
  databasePath: string;
  logLines: string[];
  command(fields?: CommandFields): Promise<SlackEndpointReply>;
  /** A command answered after its ack through its response_url (`status`, `followups`): that answer's body. */
  commandAnswer(fields?: CommandFields): Promise<Record<string, unknown>>;
  shortcut(input?: MessageShortcutInput): Promise<SlackEndpointReply>;
  /** Submits the log modal the fake last opened (or the given view, e.g. as last updated) with these field values. */
  submit(
    values: LogModalInput,
    options?: { view?: Record<string, unknown>; userId?: string },
  ): Promise<SlackEndpointReply>;
  action(input: BlockActionsInput): Promise<SlackEndpointReply>;
  globalShortcut(input?: GlobalShortcutInput): Promise<SlackEndpointReply>;
  /** Posts an Events API event_callback (JSON) around the given event. */
  event(event: Record<string, unknown>): Promise<SlackEndpointReply>;
  /** The user opened the app's Home tab. */
  openHome(userId?: string): Promise<SlackEndpointReply>;
  /** A block_suggestion from the log modal's account search, as if the user typed `value`. */
  suggest(value: string, options?: { userId?: string }): Promise<SlackEndpointReply>;
  /** The last view the bot opened with views.open. */
  lastOpenedView(): Promise<Record<string, unknown>>;
  stop(options?: { keepServers?: boolean }): Promise<void>;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const folder = mkdtempSync(join(tmpdir(), 'caliq-slack-e2e-'));
  const databasePath = options.databasePath ?? join(folder, 'journal.db');
  const mapPath = join(folder, 'employee-map.csv');
  writeFileSync(mapPath, `slack_user_id,employee_id,email\n${ALICE},JSMITH,jane.smith@example.com\n${BOB},RPATEL,\n`);

  const sim = options.simulator ?? (await startCaliqSimulator({ apiKey: CALIQ_KEY }));
  const fake = options.fakeSlack ?? (await startFakeSlack());
  for (const [id, user] of Object.entries(options.users ?? {})) fake.setUser(id, user);

  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ...(options.socketMode
      ? { SLACK_APP_TOKEN: 'xapp-1-A0CALIQ01-test-token' }
      : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    PORT: '0',
    SLACK_API_URL: fake.apiUrl,
    CALIQ_BASE_URL: sim.url,
    CALIQ_API_KEY: CALIQ_KEY,
    CALIQ_TIMEOUT_MS: '2000',
    CALIQ_RETRIES: '0',
    EMPLOYEE_MAP: mapPath,
    DATABASE_PATH: databasePath,
    DELIVERY_RETRY_BASE_SECONDS: '0.1',
    DELIVERY_RETRY_MAX_SECONDS: '0.5',
    LOG_LEVEL: 'debug',
    READINESS_CACHE_SECONDS: '0',
    ...options.env,
  });
  const logger = createLogger({ level: 'debug', destination, secrets: [BOT_TOKEN, SIGNING_SECRET, CALIQ_KEY] });
  const bot = await createBot(config, {
    logger,
    now: options.now,
    slackRetries: 0,
    startReminderLoop: options.startReminderLoop,
  });
  const { port } = await bot.start();
  // The customer list and names are loading (or failing, with Caliq down): wait, so a test sees one form or the other.
  await Promise.allSettled([bot.deps.reference.customers.get(), bot.deps.reference.customerNames.get()]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const eventsUrl = `${baseUrl}/slack/events`;
  const post = (body: string) => postToSlackEndpoint(eventsUrl, body, { signingSecret: SIGNING_SECRET });
  const postEvent = (event: Record<string, unknown>) =>
    postToSlackEndpoint(eventsUrl, JSON.stringify(eventCallbackPayload(event)), {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/json',
    });

  const lastOpenedView = async () => {
    const call = await fake.waitForCall('views.open');
    const opened = fake.callsTo('views.open').at(-1) ?? call;
    return opened.args.view as Record<string, unknown>;
  };

  let commandAnswers = 0;
  return {
    bot,
    fake,
    sim,
    eventsUrl,
    baseUrl,
    databasePath,
    logLines,
    command: (fields = {}) => post(commandBody({ responseUrl: fake.responseUrl(), ...fields })),
    async commandAnswer(fields = {}) {
      const id = `command-answer-${++commandAnswers}`;
      const reply = await post(commandBody({ ...fields, responseUrl: fake.responseUrl(id) }));
      if (reply.status !== 200 || reply.body !== '')
        throw new Error(`command not acked empty: ${reply.status} ${reply.body}`);
      const answer = await fake.waitForResponse((response) => response.id === id);
      return answer.body as Record<string, unknown>;
    },
    shortcut: (input = {}) =>
      post(interactionBody(messageShortcutPayload({ responseUrl: fake.responseUrl(), ...input }))),
    async submit(values, submitOptions = {}) {
      const view = submitOptions.view ?? (await lastOpenedView());
      const payload = viewSubmissionPayload({
        userId: submitOptions.userId ?? ALICE,
        view: {
          callback_id: view.callback_id as string,
          private_metadata: view.private_metadata as string,
          // Slack's view_submission carries the view's blocks too (the thread's transcript rides in them).
          ...(Array.isArray(view.blocks) ? { blocks: view.blocks } : {}),
          state: { values: stateValues(values) as Record<string, unknown> },
        },
      });
      return post(interactionBody(payload));
    },
    action: (input) => post(interactionBody(blockActionsPayload(input))),
    globalShortcut: (input = {}) => post(interactionBody(globalShortcutPayload(input))),
    event: (event) => postEvent(event),
    openHome: (userId = ALICE) => postEvent(appHomeOpenedEvent({ userId })),
    suggest: (value, suggestOptions = {}) =>
      post(interactionBody(blockSuggestionPayload({ value, userId: suggestOptions.userId ?? ALICE }))),
    lastOpenedView,
    async stop(stopOptions = {}) {
      await bot.stop();
      if (!stopOptions.keepServers) {
        if (!options.simulator) await sim.close();
        if (!options.fakeSlack) await fake.close();
      }
      if (!options.databasePath) rmSync(folder, { recursive: true, force: true });
    },
  };
}
