// The demo: the real bot between a Caliq simulator and a Slack stand-in, played through one logged call and its reminder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { type Bot, createBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { ACTION, CALLBACK } from '../../src/ids.js';
import { createLogger } from '../../src/logger.js';
import { type CaliqSimulator, startCaliqSimulator } from '../caliq-simulator/index.js';
import {
  commandBody,
  type FakeSlack,
  interactionBody,
  type LogModalInput,
  postToSlackEndpoint,
  startFakeSlack,
  stateValues,
  viewSubmissionPayload,
} from '../slack-stand-in/index.js';
import { renderMessage, renderModal } from './render-blocks.js';

export type DemoOptions = {
  write: (text: string) => void;
  /** How long after the "✅ Logged" answer the follow-up falls due on the bot's (moved) clock. Default 3 s. */
  reminderAfterMs?: number;
};

type Json = Record<string, unknown>;

const SIGNING_SECRET = 'demo-signing-secret-not-a-real-one';
const BOT_TOKEN = 'xoxb-demo-bot-token-not-a-real-one';
const CALIQ_KEY = 'demo-caliq-key-not-a-real-one';
const USER = { id: 'U0DEMOALICE', name: 'alice', zone: 'Europe/London' };
const COMMAND_TEXT = 'call ACME01 yesterday 3pm talked about the renewal, they want a revised quote';
const WAIT_MS = 15_000;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Everything the demo started, so it can all be stopped whatever happens. */
type Parts = { folder: string; sim?: CaliqSimulator; fake?: FakeSlack; bot?: Bot };

async function stopAll(parts: Parts): Promise<void> {
  await parts.bot?.stop();
  await Promise.allSettled([parts.sim?.close(), parts.fake?.close()]);
  rmSync(parts.folder, { recursive: true, force: true });
}

export async function runDemo(options: DemoOptions): Promise<void> {
  const say = (text = '') => options.write(`${text}\n`);
  const parts: Parts = { folder: mkdtempSync(join(tmpdir(), 'caliq-slack-demo-')) };
  const logLines: string[] = [];
  try {
    const sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
    parts.sim = sim;
    const fake = await startFakeSlack();
    parts.fake = fake;
    fake.setUser(USER.id, { tz: USER.zone, realName: 'Alice Example', email: 'alice@example.com' });
    const mapPath = join(parts.folder, 'employee-map.csv');
    writeFileSync(mapPath, `slack_user_id,employee_id,email\n${USER.id},JSMITH,alice@example.com\n`);

    // The bot's clock, which the demo moves forward to the follow-up instead of making you wait until tomorrow.
    let clockOffsetMs = 0;
    const now = () => new Date(Date.now() + clockOffsetMs);
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      CALIQ_BASE_URL: sim.url,
      CALIQ_API_KEY: CALIQ_KEY,
      CALIQ_TIME_ZONE: USER.zone,
      EMPLOYEE_MAP: mapPath,
      DATABASE_PATH: join(parts.folder, 'journal.db'),
    });
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const logger = createLogger({ level: 'warn', destination, secrets: [BOT_TOKEN, SIGNING_SECRET, CALIQ_KEY] });
    const bot = await createBot(config, { logger, now, slackRetries: 0 });
    parts.bot = bot;
    const { port } = await bot.start();
    await bot.deps.reference.warmUp();
    const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    const post = (body: string) => postToSlackEndpoint(eventsUrl, body, { signingSecret: SIGNING_SECRET });

    say('caliq-slack demo: the real bot, with a Caliq simulator and a stand-in for Slack, all on this machine.');
    say(`  Caliq simulator  ${sim.url}`);
    say(`  Slack stand-in   ${fake.apiUrl}`);
    say(`  the bot          ${eventsUrl}`);
    say();

    say(`1. @${USER.name} types in #sales:`);
    say(`     /log-interaction ${COMMAND_TEXT}`);
    const responseUrl = fake.responseUrl('demo-command');
    const commandReply = await post(
      commandBody({ text: COMMAND_TEXT, userId: USER.id, userName: USER.name, responseUrl }),
    );
    if (commandReply.status !== 200) throw new Error(`the bot answered the command with HTTP ${commandReply.status}`);
    say(`   The bot acknowledges in ${Math.round(commandReply.elapsedMs)} ms and opens this modal (views.open):`);
    const opened = await fake.waitForCall('views.open', undefined, WAIT_MS);
    const view = opened.args.view as Json;
    say(renderModal(view, '     '));
    say();

    const channel = firstChannelOption(view);
    const filled: LogModalInput = {
      account: 'ACME01',
      kind: 'C',
      channel,
      contactFirstName: 'Jane',
      contactSurname: 'Smith',
      when: 'yesterday 3pm',
      notes: 'talked about the renewal, they want a revised quote',
      followUpWhen: 'tomorrow',
      followUpBy: USER.id,
      followUpNotes: 'Send the revised quote',
    };
    say(`2. @${USER.name} adds the contact (Jane Smith), the channel (${channel.text}), a follow-up "tomorrow"`);
    say('   for herself ("Send the revised quote"), and presses Log.');
    const submission = viewSubmissionPayload({
      userId: USER.id,
      view: {
        callback_id: CALLBACK.logModal,
        private_metadata: view.private_metadata as string,
        state: { values: stateValues(filled) as Json },
      },
    });
    const submitted = await post(interactionBody(submission));
    if (submitted.status !== 200 || submitted.body !== '') {
      throw new Error(`the modal was not accepted: HTTP ${submitted.status} ${submitted.body}`);
    }
    say(`   The bot journals it, acknowledges in ${Math.round(submitted.elapsedMs)} ms and the modal closes.`);
    say();

    const answer = await fake.waitForResponse(
      (response) => response.id === 'demo-command' && /Logged/.test(JSON.stringify(response.body)),
      WAIT_MS,
    );
    say(`3. Caliq accepts it; the bot answers @${USER.name} in #sales (only she sees it):`);
    say(renderMessage(answer.body as Json, '     '));
    say();

    const [reminder] = await bot.deps.reminders.listOpenFor(USER.id, new Date('2100-01-01T00:00:00Z'));
    if (!reminder) throw new Error('the bot created no follow-up reminder');
    const dueAt = DateTime.fromJSDate(reminder.dueAt, { zone: USER.zone }).toFormat("ccc d LLL yyyy, HH:mm '('z')'");
    const lead = options.reminderAfterMs ?? 3000;
    say(`4. The follow-up is due ${dueAt}. The demo moves the bot's clock to ${seconds(lead)} before then`);
    say('   and lets the reminder loop run as it would overnight.');
    clockOffsetMs = reminder.dueAt.getTime() - lead - Date.now();
    const waitingSince = performance.now();
    bot.scheduler.nudge();
    const dm = await fake.waitForCall(
      'chat.postMessage',
      (call) => JSON.stringify(call.args).includes(ACTION.reminderDone),
      WAIT_MS + lead,
    );
    say(`   ${seconds(performance.now() - waitingSince)} later, @${USER.name} gets a direct message:`);
    say(renderMessage(dm.args as Json, '     '));
    say();
    const entry = await bot.deps.journal.get(reminder.uniqueId);
    const stored = sim.interactions.filter((interaction) => interaction.uniqueId === reminder.uniqueId);
    if (entry?.state !== 'logged' || stored.length !== 1) throw new Error('the journal and Caliq do not agree');
    say(`Done: Caliq holds the interaction ${reminder.uniqueId} once and the journal says logged.`);
    say('Everything the demo started is stopped now.');
  } catch (error) {
    if (logLines.length > 0) options.write(`The bot's log:\n${logLines.slice(-20).join('\n')}\n`);
    throw error;
  } finally {
    await stopAll(parts);
  }
}

/** The channel the user picks: the modal's preselected one, else its first option. */
function firstChannelOption(view: Json): { value: string; text: string } {
  const blocks = (view.blocks ?? []) as Json[];
  const select = blocks.map((block) => block.element as Json | undefined).find((el) => el?.type === 'static_select');
  const option = ((select?.initial_option as Json | undefined) ?? (select?.options as Json[] | undefined)?.[0]) as
    | { value: string; text: { text: string } }
    | undefined;
  if (!option) throw new Error('the modal offers no Caliq channel to choose');
  return { value: option.value, text: option.text.text };
}
