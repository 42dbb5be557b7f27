// The physical limit: a bare Bolt app (same Bolt as the bot) that acks the command, opens a static modal, acks submissions.
// Run as a child process: node --import tsx bench/targets/bare-bolt-app.ts, configured by the environment the bench passes.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import type { ModalView } from '@slack/types';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`baseline: ${name} is not set`);
  return value;
}

async function startBaseline(): Promise<void> {
  const modal = JSON.parse(readFileSync(requireEnv('BASELINE_MODAL_PATH'), 'utf8')) as ModalView;
  const ready = (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ready"}');
  };
  const app = new App({
    token: requireEnv('SLACK_BOT_TOKEN'),
    signingSecret: requireEnv('SLACK_SIGNING_SECRET'),
    clientOptions: { slackApiUrl: requireEnv('SLACK_API_URL') },
    logLevel: LogLevel.WARN,
    customRoutes: [{ path: '/readyz', method: ['GET'], handler: ready }],
  });
  app.command(requireEnv('BASELINE_COMMAND'), async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: modal });
  });
  app.view(requireEnv('BASELINE_CALLBACK_ID'), async ({ ack }) => {
    await ack();
  });
  await app.start(Number(requireEnv('PORT')));
  const stop = () => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

startBaseline().catch((error: unknown) => {
  process.stderr.write(`baseline could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
