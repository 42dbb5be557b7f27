// `npm run demo`: runs the demo and exits 0 when the user saw their call logged and its reminder arrive.
import { runDemo } from './run-demo.js';

// As in src/main.ts: the bot computes dates in each user's zone and needs a process zone without daylight saving.
process.env.TZ = 'UTC';
try {
  await runDemo({ write: (text) => process.stdout.write(text) });
} catch (error) {
  process.stderr.write(`The demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
