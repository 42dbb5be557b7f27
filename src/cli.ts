// Entry point of the journal CLI (`npm run journal -- list`, or `node dist/cli.js list` after a build).
import 'dotenv/config';
import { runCli } from './cli/index.js';

// Instants are printed in UTC whatever the machine's zone.
process.env.TZ = 'UTC';
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
