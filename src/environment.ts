// The environment the bot reads, as one zod schema: every variable's name, default and what it must look like.
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

export const environmentSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'the bot token (xoxb-…) from the Slack app page OAuth & Permissions' })
    .startsWith('xoxb-', 'must be a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)',
  }),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HEALTH_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).optional(),
  READINESS_CACHE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(0).default(10),
  STARTUP_TIMEOUT_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive().default(30),
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
  DELIVERY_CONCURRENCY: positiveInt(128),
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

/** What the schema makes of an environment. */
export type Environment = z.infer<typeof environmentSchema>;

export const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** A variable set to an empty string (as .env.example leaves optional ones) counts as unset, so defaults apply. */
export const withoutBlanks = (env: NodeJS.ProcessEnv): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(env).filter(([, value]) => !isBlank(value)));
