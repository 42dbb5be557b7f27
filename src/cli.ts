// Entry point of the journal CLI (`npm run journal -- list`, or `node dist/cli.js list` after a build).
import path from 'node:path';
import dotenv from 'dotenv';
import { runCli } from './cli/index.js';
import { homeFolder } from './config.js';

// The bot's own .env (CALIQ_SLACK_HOME, else the app's folder), so the CLI finds the journal the bot writes.
dotenv.config({ path: path.join(homeFolder(), '.env'), quiet: true });
// Instants are printed in UTC whatever the machine's zone.
process.env.TZ = 'UTC';
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
