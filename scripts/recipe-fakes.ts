// For scripts/check-production-recipe.sh: starts the Caliq simulator and the Slack stand-in from this checkout, prints
// their URLs as one JSON line, and stops them on SIGTERM. Both are found by folder name, wherever they live.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = path.resolve(import.meta.dirname, '..');
const tracked = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n');

async function load(folder: string): Promise<Record<string, unknown>> {
  const file = tracked.find((name) => name.endsWith(`${folder}/index.ts`));
  if (!file) throw new Error(`no ${folder}/index.ts in this checkout`);
  return import(pathToFileURL(path.join(repo, file)).href) as Promise<Record<string, unknown>>;
}

type Closable = { close(): Promise<void> };
const apiKey = process.env.CALIQ_SIM_API_KEY || 'sim-api-key';
const { startCaliqSimulator } = (await load('caliq-simulator')) as {
  startCaliqSimulator: (options: { apiKey: string; host?: string }) => Promise<Closable & { url: string }>;
};
const { startFakeSlack } = (await load('slack-stand-in')) as {
  startFakeSlack: () => Promise<Closable & { apiUrl: string }>;
};
const [caliq, slack] = await Promise.all([startCaliqSimulator({ apiKey }), startFakeSlack()]);
process.stdout.write(`${JSON.stringify({ caliqUrl: caliq.url, caliqApiKey: apiKey, slackApiUrl: slack.apiUrl })}\n`);

const stop = () => void Promise.allSettled([caliq.close(), slack.close()]).then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
