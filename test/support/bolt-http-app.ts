// A plain Bolt app in HTTP mode on a free port, its Web API calls going to the fake Slack: for tests of Bolt wiring.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { FAKE_SLACK_IDS, type FakeSlack } from '../../tools/slack-stand-in/fake-slack.js';

export type BoltHttpApp = { app: App; endpoint: string };

/** `register` adds the listeners before the app starts; `endpoint` is where signed requests go. */
export async function startBoltHttpApp(
  fake: FakeSlack,
  options: { token: string; signingSecret: string; register: (app: App) => void },
): Promise<BoltHttpApp> {
  const app = new App({
    token: options.token,
    signingSecret: options.signingSecret,
    botId: FAKE_SLACK_IDS.botId,
    botUserId: FAKE_SLACK_IDS.botUserId,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  options.register(app);
  const server = (await app.start(0)) as Server;
  return { app, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}
