// Reads the environment once, validates it with zod and returns one frozen, typed Config (or names every problem).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Environment, environmentSchema, isBlank, withoutBlanks } from './environment.js';

/** The app's own folder (where package.json is): one level up from this file, in src/ and in dist/ alike. */
export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The folder that relative paths (DATABASE_PATH, EMPLOYEE_MAP) and the .env file are read from: CALIQ_SLACK_HOME when
 * set, else the app's folder. Never the working directory, so the bot finds the same files however it is started.
 */
export function homeFolder(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.CALIQ_SLACK_HOME?.trim();
  return home ? path.resolve(APP_ROOT, home) : APP_ROOT;
}

/** One delivery attempt (every Caliq try with its timeout) must end before its lease does, or two could overlap. */
const minimumLeaseMs = (e: { CALIQ_TIMEOUT_MS: number; CALIQ_RETRIES: number }): number =>
  e.CALIQ_TIMEOUT_MS * (e.CALIQ_RETRIES + 1);

function leaseProblems(e: Environment): string[] {
  if (e.DELIVERY_LEASE_SECONDS === undefined || e.DELIVERY_LEASE_SECONDS * 1000 > minimumLeaseMs(e)) return [];
  return [
    `DELIVERY_LEASE_SECONDS is invalid: must be above CALIQ_TIMEOUT_MS × (CALIQ_RETRIES + 1) = ${minimumLeaseMs(e) / 1000} seconds, so an attempt ends before another instance may take the entry over`,
  ];
}

/** The one rule that spans two variables: HTTP mode needs the signing secret, Socket Mode the app token. */
function modeProblems(env: NodeJS.ProcessEnv): string[] {
  if (isBlank(env.SLACK_APP_TOKEN) && isBlank(env.SLACK_SIGNING_SECRET)) {
    return [
      'SLACK_SIGNING_SECRET is required in HTTP mode (Slack app page → Basic Information → Signing Secret); or set SLACK_APP_TOKEN to run in Socket Mode',
    ];
  }
  return [];
}

export type Config = Readonly<{
  /** The folder relative paths were resolved against (CALIQ_SLACK_HOME, else the app's folder). */
  home: string;
  /** The secret values to redact from logs and messages (secretsOfEnvironment of the environment read). */
  secrets: readonly string[];
  slack: Readonly<{
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    socketMode: boolean;
    port: number;
    apiUrl: string | undefined;
    /** The emoji (name without colons) whose reaction offers to log a message; undefined means off. */
    logReaction: string | undefined;
  }>;
  caliq: Readonly<{
    baseUrl: string;
    apiKey: string;
    timeZone: string;
    dateFormat: string;
    timeoutMs: number;
    retries: number;
    referenceTtlMs: number;
    defaultChannelId: number | undefined;
    /** Caliq documents no Notes limit: the user's notes plus a thread transcript stay within this. */
    notesMaxLength: number;
  }>;
  people: Readonly<{ employeeMapPath: string; profileFieldLabel: string | undefined; mappingContact: string }>;
  database: Readonly<{
    path: string;
    synchronous: 'NORMAL' | 'FULL';
    /** PostgreSQL when set (DATABASE_URL); SQLite at `path` otherwise. */
    url: string | undefined;
    poolSize: number;
    statementTimeoutMs: number;
    /** PostgreSQL schema for the bot's tables (default: the server's search_path, usually public). */
    schema: string | undefined;
  }>;
  delivery: Readonly<{
    giveUpAfterMs: number;
    concurrency: number;
    retryBaseMs: number;
    retryMaxMs: number;
    /** How long one attempt holds an entry; another instance takes it over once this has passed. */
    leaseMs: number;
    pollIntervalMs: number;
  }>;
  reminders: Readonly<{ pollIntervalMs: number }>;
  log: Readonly<{ level: string; pretty: boolean }>;
  /** GET /metrics (Prometheus) on the health port. */
  metrics: Readonly<{ enabled: boolean }>;
  health: Readonly<{
    /** HEALTH_PORT: /healthz, /readyz and /metrics on a port of their own; undefined shares PORT. */
    port: number | undefined;
    /** How long one readiness result is reused, so frequent probes cost Caliq and Slack one call per interval. */
    readinessCacheMs: number;
  }>;
  /** The longest the start-up checks of Slack and Caliq may take together. */
  startup: Readonly<{ timeoutMs: number }>;
}>;

/** Raised when the environment cannot make a Config; its message lists every problem, never a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      `Configuration is incomplete; fix these environment variables (see .env.example and docs/configuration.md):\n${problems
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
  }
}

type DatabaseVariables = Pick<
  Environment,
  | 'DATABASE_PATH'
  | 'DATABASE_SYNCHRONOUS'
  | 'DATABASE_URL'
  | 'DATABASE_POOL_SIZE'
  | 'DATABASE_STATEMENT_TIMEOUT_MS'
  | 'DATABASE_SCHEMA'
>;

function databaseSettingsOf(e: DatabaseVariables, home: string): Config['database'] {
  return Object.freeze({
    path: e.DATABASE_PATH === ':memory:' ? e.DATABASE_PATH : path.resolve(home, e.DATABASE_PATH),
    synchronous: e.DATABASE_SYNCHRONOUS,
    url: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    schema: e.DATABASE_SCHEMA,
  });
}

const databaseSchema = environmentSchema.pick({
  DATABASE_PATH: true,
  DATABASE_SYNCHRONOUS: true,
  DATABASE_URL: true,
  DATABASE_POOL_SIZE: true,
  DATABASE_STATEMENT_TIMEOUT_MS: true,
  DATABASE_SCHEMA: true,
});

/**
 * Only the database settings, read as the bot reads them (same defaults, same home folder), for tools that open the
 * bot's database without being the bot (the journal CLI). Throws ConfigError naming every problem.
 */
export function loadDatabaseSettings(env: NodeJS.ProcessEnv = process.env): Config['database'] {
  const parsed = databaseSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} is invalid: ${issue.message}`));
  }
  return databaseSettingsOf(parsed.data, homeFolder(env));
}

/** Builds the Config from an environment (process.env by default). Throws ConfigError naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(withoutBlanks(env));
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const name = issue.path.join('.') || 'environment';
          return isBlank(env[name]) ? `${name} is required: ${issue.message}` : `${name} is invalid: ${issue.message}`;
        })),
    ...modeProblems(env),
    ...(parsed.success ? leaseProblems(parsed.data) : []),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const home = homeFolder(env);
  return Object.freeze({
    home,
    secrets: Object.freeze(secretsOfEnvironment(env)),
    slack: Object.freeze({
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      socketMode: e.SLACK_APP_TOKEN !== undefined,
      port: e.PORT,
      apiUrl: e.SLACK_API_URL,
      logReaction: e.LOG_REACTION,
    }),
    caliq: Object.freeze({
      baseUrl: e.CALIQ_BASE_URL,
      apiKey: e.CALIQ_API_KEY,
      timeZone: e.CALIQ_TIME_ZONE,
      dateFormat: e.CALIQ_DATE_FORMAT,
      timeoutMs: e.CALIQ_TIMEOUT_MS,
      retries: e.CALIQ_RETRIES,
      referenceTtlMs: e.CALIQ_REFERENCE_TTL_SECONDS * 1000,
      defaultChannelId: e.CALIQ_DEFAULT_CHANNEL_ID,
      notesMaxLength: e.CALIQ_NOTES_MAX_LENGTH,
    }),
    people: Object.freeze({
      employeeMapPath: path.resolve(home, e.EMPLOYEE_MAP),
      profileFieldLabel: e.EMPLOYEE_PROFILE_FIELD,
      mappingContact: e.MAPPING_CONTACT,
    }),
    database: databaseSettingsOf(e, home),
    delivery: Object.freeze({
      giveUpAfterMs: e.DELIVERY_GIVE_UP_HOURS * 3_600_000,
      concurrency: e.DELIVERY_CONCURRENCY,
      retryBaseMs: e.DELIVERY_RETRY_BASE_SECONDS * 1000,
      retryMaxMs: e.DELIVERY_RETRY_MAX_SECONDS * 1000,
      leaseMs: e.DELIVERY_LEASE_SECONDS ? e.DELIVERY_LEASE_SECONDS * 1000 : minimumLeaseMs(e) + 5_000,
      pollIntervalMs: e.DELIVERY_POLL_SECONDS * 1000,
    }),
    reminders: Object.freeze({ pollIntervalMs: e.REMINDER_POLL_SECONDS * 1000 }),
    log: Object.freeze({ level: e.LOG_LEVEL, pretty: e.LOG_PRETTY }),
    metrics: Object.freeze({ enabled: e.METRICS_ENABLED }),
    health: Object.freeze({ port: e.HEALTH_PORT, readinessCacheMs: e.READINESS_CACHE_SECONDS * 1000 }),
    startup: Object.freeze({ timeoutMs: e.STARTUP_TIMEOUT_SECONDS * 1000 }),
  });
}

/** The variables whose values must never appear in a log line or an error shown to anyone. */
const SECRET_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'CALIQ_API_KEY'] as const;

/**
 * The secret values an environment holds, also when it makes no valid Config (a failed start-up is scrubbed too).
 * Values shorter than 6 characters are left out (they would blank ordinary words), except a database password.
 */
export function secretsOfEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  const values = SECRET_VARIABLES.map((name) => env[name]?.trim());
  return [
    ...values.filter((value): value is string => typeof value === 'string' && value.length >= 6),
    // A database password may be short, yet must never show: it is redacted whatever its length.
    ...databasePasswords(env.DATABASE_URL?.trim()),
  ];
}

/** The values that must never appear in a log line or an error shown to anyone, as read with the Config. */
export function secretsOf(config: Config): string[] {
  return [...config.secrets];
}

/** The password in a postgres:// URL, as written and decoded; none when the URL has none. */
export function databasePasswords(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const written = new URL(url).password;
    if (!written) return [];
    const decoded = decodeURIComponent(written);
    return decoded === written ? [written] : [written, decoded];
  } catch {
    return [];
  }
}
