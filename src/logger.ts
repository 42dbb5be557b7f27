// pino with every secret redacted (by field path and by value, in messages and library errors) and a Bolt adapter.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field paths that hold secrets wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  '*.*.apiKey',
  'token',
  '*.token',
  '*.*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
];

const escapeForRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces any of the given secret values (and Bearer tokens) in a serialized log line. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let scrubbed = line.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1[Redacted]');
  scrubbed = scrubbed.replace(/\bx(?:oxb|oxp|app|oxa|oxe)-[A-Za-z0-9-]{6,}/g, '[Redacted]');
  for (const secret of secrets) {
    if (secret.length < 6) continue;
    scrubbed = scrubbed.replace(new RegExp(escapeForRegExp(secret), 'g'), '[Redacted]');
    const json = JSON.stringify(secret).slice(1, -1);
    if (json !== secret) scrubbed = scrubbed.replace(new RegExp(escapeForRegExp(json), 'g'), '[Redacted]');
  }
  return scrubbed;
}

export type LoggerOptions = {
  level?: string;
  pretty?: boolean;
  /** Secret values to remove from every line, wherever they appear (messages, stacks, library errors). */
  secrets?: readonly string[];
  /** Where lines go; stdout by default. Tests pass a stream to read what was written. */
  destination?: DestinationStream;
};

/** The root logger; modules take `logger.child({ module: 'name' })`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const transport =
    options.pretty && !options.destination
      ? pino.transport({ target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } })
      : undefined;
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'caliq-slack' },
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      serializers: { err: pino.stdSerializers.errWithCause, error: pino.stdSerializers.errWithCause },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    options.destination ?? transport ?? pino.destination({ dest: 1, sync: false }),
  );
}

const boltLevels: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Splits Bolt's variadic log arguments into pino's (object, message) form without dropping any of them. */
function toPinoArgs(args: unknown[]): [Record<string, unknown>, string] {
  const texts: string[] = [];
  const extra: unknown[] = [];
  let err: unknown;
  for (const arg of args) {
    if (typeof arg === 'string') texts.push(arg);
    else if (arg instanceof Error && err === undefined) err = arg;
    else extra.push(arg);
  }
  const fields: Record<string, unknown> = {};
  if (err !== undefined) fields.err = err;
  if (extra.length === 1) fields.detail = extra[0];
  if (extra.length > 1) fields.detail = extra;
  return [fields, texts.join(' ') || (err instanceof Error ? err.message : '')];
}

/** Adapts a pino logger to Bolt's Logger interface, keeping every argument Bolt passes. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  let child = logger.child({ module: name });
  return {
    // Bolt logs at debug on every request; the arguments are sorted only for a level that will be written.
    debug: (...args: unknown[]) => child.isLevelEnabled('debug') && child.debug(...toPinoArgs(args)),
    info: (...args: unknown[]) => child.isLevelEnabled('info') && child.info(...toPinoArgs(args)),
    warn: (...args: unknown[]) => child.warn(...toPinoArgs(args)),
    error: (...args: unknown[]) => child.error(...toPinoArgs(args)),
    setLevel: (level: LogLevel) => {
      child.level = level;
    },
    getLevel: () => boltLevels[child.level] ?? LogLevel.INFO,
    setName: (newName: string) => {
      name = newName;
      child = logger.child({ module: name });
    },
  };
}
