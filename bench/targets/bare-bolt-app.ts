// The physical limit: a bare Bolt app (same Bolt as the bot) that acks the command, opens a static modal, acks submissions.
// Run as a child process: node --import tsx bench/targets/bare-bolt-app.ts, configured by the environment the bench passes.
import { readFileSync } from 'node:fs';
import type { ModalView } from '@slack/types';
import { requireEnv, runBoltApp } from './bolt-process.js';

runBoltApp('baseline', (app) => {
  const modal = JSON.parse(readFileSync(requireEnv('BASELINE_MODAL_PATH'), 'utf8')) as ModalView;
  app.command(requireEnv('BASELINE_COMMAND'), async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: modal });
  });
  app.view(requireEnv('BASELINE_CALLBACK_ID'), async ({ ack }) => {
    await ack();
  });
});
