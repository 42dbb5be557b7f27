// What the two Bolt targets beside the bot share as child processes: the App from the environment the bench passes,
// GET /readyz, the port, and a clean stop on SIGTERM. Their listeners are theirs; this is only the process around them.
import type { ServerResponse } from 'node:http';
import { App, LogLevel } from '@slack/bolt';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${process.argv[1] ?? 'bench target'}: ${name} is not set`);
  return value;
}

/** Builds the app, lets `register` add the listeners, starts it on PORT; exits 1 when it cannot start. */
export function runBoltApp(name: string, register: (app: App) => void): void {
  const ready = (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ready"}');
  };
  const start = async () => {
    const app = new App({
      token: requireEnv('SLACK_BOT_TOKEN'),
      signingSecret: requireEnv('SLACK_SIGNING_SECRET'),
      clientOptions: { slackApiUrl: requireEnv('SLACK_API_URL') },
      logLevel: LogLevel.WARN,
      customRoutes: [{ path: '/readyz', method: ['GET'], handler: ready }],
    });
    register(app);
    await app.start(Number(requireEnv('PORT')));
    const stop = () => {
      app.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  };
  start().catch((error: unknown) => {
    process.stderr.write(`${name} could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
