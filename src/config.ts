// Reads the environment once, validates it with zod and returns one frozen, typed Config (or names every problem).
import { z } from 'zod';

const isIanaZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (fallback: number) =>
  z.coerce.number({ error: 'must be a whole number' }).int().positive('must be above 0').default(fallback);

const environmentSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'the bot token (xoxb-…) from the Slack app page OAuth & Permissions' })
    .startsWith('xoxb-', 'must be a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)',
  }),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  SLACK_API_URL: optionalText.pipe(z.url('must be a URL such as https://slack.com/api/').optional()),
  LOG_REACTION: optionalText
    .transform((value) => value?.replace(/^:|:$/g, ''))
    .refine((value) => value === undefined || /^[a-z0-9_+'-]+$/.test(value), {
      message: 'must be an emoji name such as caliq or memo (with or without the colons)',
    }),
  CALIQ_BASE_URL: z.url({ error: 'the Caliq API host as a URL, e.g. https://api.caliq.com' }),
  CALIQ_API_KEY: z.string({ error: 'the key issued by Caliq support' }).min(1, 'must not be empty'),
  CALIQ_TIME_ZONE: z
    .string()
    .default('Europe/London')
    .refine(isIanaZone, { message: 'must be an IANA time zone name such as Europe/London' }),
  CALIQ_DATE_FORMAT: z.string().min(1).default("yyyy-MM-dd'T'HH:mm:ss"),
  CALIQ_TIMEOUT_MS: positiveInt(10_000),
  CALIQ_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  CALIQ_REFERENCE_TTL_SECONDS: positiveInt(600),
  CALIQ_DEFAULT_CHANNEL_ID: z.coerce.number().int().positive().optional(),
  CALIQ_NOTES_MAX_LENGTH: z.coerce
    .number({ error: 'must be a whole number of characters' })
    .int()
    .min(5000, 'must be at least 5000 (the 3000 of your own notes and room for a thread)')
    .max(60_000, 'must be at most 60000 (a longer transcript would not fit in a Slack form)')
    .default(20_000),
  EMPLOYEE_MAP: z.string().min(1).default('./employee-map.csv'),
  EMPLOYEE_PROFILE_FIELD: optionalText,
  MAPPING_CONTACT: z.string().min(1).default('your Slack admin'),
  DATABASE_PATH: z.string().min(1).default('./data/caliq-slack.db'),
  DATABASE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL'], { error: 'must be NORMAL or FULL' }).default('NORMAL'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/db' })
      .optional(),
  ),
  DATABASE_POOL_SIZE: positiveInt(10),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(2_000),
  DATABASE_SCHEMA: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: 'must be a lower-case identifier such as caliq_slack' })
      .optional(),
  ),
  DELIVERY_GIVE_UP_HOURS: z.coerce.number().positive().default(24),
  DELIVERY_CONCURRENCY: positiveInt(8),
  DELIVERY_RETRY_BASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive().default(5),
  DELIVERY_RETRY_MAX_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive().default(300),
  DELIVERY_LEASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive().optional(),
  DELIVERY_POLL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive().default(15),
  REMINDER_POLL_SECONDS: positiveInt(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFlag,
  METRICS_ENABLED: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
});

const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** One delivery attempt (every Caliq try with its timeout) must end before its lease does, or two could overlap. */
const minimumLeaseMs = (e: { CALIQ_TIMEOUT_MS: number; CALIQ_RETRIES: number }): number =>
  e.CALIQ_TIMEOUT_MS * (e.CALIQ_RETRIES + 1);

function leaseProblems(e: z.infer<typeof environmentSchema>): string[] {
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
}>;

/** Raised when the environment cannot make a Config; its message lists every problem, never a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      `Configuration is incomplete; fix these environment variables (see .env.example and the README):\n${problems
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
  }
}

/** Builds the Config from an environment (process.env by default). Throws ConfigError naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to an empty string (as .env.example leaves optional ones) counts as unset, so defaults apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => !isBlank(value)));
  const parsed = environmentSchema.safeParse(present);
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
  return Object.freeze({
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
      employeeMapPath: e.EMPLOYEE_MAP,
      profileFieldLabel: e.EMPLOYEE_PROFILE_FIELD,
      mappingContact: e.MAPPING_CONTACT,
    }),
    database: Object.freeze({
      path: e.DATABASE_PATH,
      synchronous: e.DATABASE_SYNCHRONOUS,
      url: e.DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      schema: e.DATABASE_SCHEMA,
    }),
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
  });
}

/** The values that must never appear in a log line or an error shown to anyone. */
export function secretsOf(config: Config): string[] {
  const tokens = [config.slack.botToken, config.slack.signingSecret, config.slack.appToken, config.caliq.apiKey];
  return [
    ...tokens.filter((value): value is string => typeof value === 'string' && value.length >= 6),
    // A database password may be short, yet must never show: it is redacted whatever its length.
    ...databasePasswords(config.database.url),
  ];
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
