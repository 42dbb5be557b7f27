import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, ConfigError, loadConfig, secretsOf, secretsOfEnvironment } from './config.js';

const minimalHttp = {
  SLACK_BOT_TOKEN: 'xoxb-test-token-123',
  SLACK_SIGNING_SECRET: 'signing-secret-abc',
  CALIQ_BASE_URL: 'http://127.0.0.1:4010',
  CALIQ_API_KEY: 'caliq-key-xyz',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('names every missing variable at once, including the mode rule', () => {
    const problems = problemsOf({});
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'SLACK_BOT_TOKEN',
      'CALIQ_BASE_URL',
      'CALIQ_API_KEY',
      'SLACK_SIGNING_SECRET',
    ]);
    expect(problems.every((problem) => problem.includes('is required'))).toBe(true);
  });

  it('says how each invalid value is wrong without printing any value', () => {
    const env = {
      ...minimalHttp,
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      PORT: 'eighty',
      CALIQ_TIME_ZONE: 'Mars/Base',
    };
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SLACK_BOT_TOKEN is invalid: must be a bot token starting with xoxb-');
    expect(message).toContain('PORT is invalid');
    expect(message).toContain('CALIQ_TIME_ZONE is invalid: must be an IANA time zone name');
    expect(message).not.toContain('xoxp-user-token-secret');
    expect(message).not.toContain('eighty');
  });

  it('applies defaults and treats blank variables as unset', () => {
    const config = loadConfig({ ...minimalHttp, PORT: '', CALIQ_DEFAULT_CHANNEL_ID: '', SLACK_APP_TOKEN: '' });
    expect(config.slack.port).toBe(3000);
    expect(config.slack.socketMode).toBe(false);
    expect(config.caliq.timeZone).toBe('Europe/London');
    expect(config.caliq.dateFormat).toBe("yyyy-MM-dd'T'HH:mm:ss");
    expect(config.caliq.defaultChannelId).toBeUndefined();
    expect(config.database.path).toBe(path.join(APP_ROOT, 'data', 'caliq-slack.db'));
    expect(config.people.employeeMapPath).toBe(path.join(APP_ROOT, 'employee-map.csv'));
    expect(config.health).toEqual({ port: undefined, readinessCacheMs: 10_000 });
    expect(config.startup).toEqual({ timeoutMs: 30_000 });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.caliq)).toBe(true);
  });

  it('runs in Socket Mode when the app token is set, without a signing secret', () => {
    const { SLACK_SIGNING_SECRET: _unused, ...rest } = minimalHttp;
    const config = loadConfig({ ...rest, SLACK_APP_TOKEN: 'xapp-1-A1-123-abc' });
    expect(config.slack.socketMode).toBe(true);
    expect(config.slack.signingSecret).toBeUndefined();
  });

  it('lists the secrets to redact', () => {
    expect(secretsOf(loadConfig(minimalHttp)).sort()).toEqual(
      ['caliq-key-xyz', 'signing-secret-abc', 'xoxb-test-token-123'].sort(),
    );
  });

  it('finds the same secrets in an environment that makes no valid Config, so a failed start-up is scrubbed too', () => {
    const broken = { ...minimalHttp, CALIQ_BASE_URL: 'not a url', DATABASE_URL: 'postgres://bot:pw@db:5432/x' };
    expect(() => loadConfig(broken)).toThrow(ConfigError);
    expect(secretsOfEnvironment(broken).sort()).toEqual(
      ['caliq-key-xyz', 'pw', 'signing-secret-abc', 'xoxb-test-token-123'].sort(),
    );
  });
});

describe('where relative paths point', () => {
  it('anchors DATABASE_PATH and EMPLOYEE_MAP at the app folder, whatever the working directory', () => {
    expect(APP_ROOT).toBe(path.resolve(import.meta.dirname, '..') + path.sep);
    const before = process.cwd();
    process.chdir(path.parse(before).root);
    try {
      const config = loadConfig({ ...minimalHttp, DATABASE_PATH: 'var/bot.db', EMPLOYEE_MAP: './people.csv' });
      expect(config.home).toBe(APP_ROOT);
      expect(config.database.path).toBe(path.join(APP_ROOT, 'var', 'bot.db'));
      expect(config.people.employeeMapPath).toBe(path.join(APP_ROOT, 'people.csv'));
    } finally {
      process.chdir(before);
    }
  });

  it('anchors them at CALIQ_SLACK_HOME when set, and leaves absolute paths alone', () => {
    const config = loadConfig({
      ...minimalHttp,
      CALIQ_SLACK_HOME: '/srv/caliq-slack',
      EMPLOYEE_MAP: '/etc/caliq-slack/employee-map.csv',
    });
    expect(config.home).toBe('/srv/caliq-slack');
    expect(config.database.path).toBe('/srv/caliq-slack/data/caliq-slack.db');
    expect(config.people.employeeMapPath).toBe('/etc/caliq-slack/employee-map.csv');
  });
});

describe('health and start-up settings', () => {
  it('reads a separate health port, the readiness cache and the start-up bound', () => {
    const config = loadConfig({
      ...minimalHttp,
      HEALTH_PORT: '9090',
      READINESS_CACHE_SECONDS: '0',
      STARTUP_TIMEOUT_SECONDS: '5',
    });
    expect(config.health).toEqual({ port: 9090, readinessCacheMs: 0 });
    expect(config.startup.timeoutMs).toBe(5000);
    expect(problemsOf({ ...minimalHttp, HEALTH_PORT: 'admin', STARTUP_TIMEOUT_SECONDS: '0' })).toEqual([
      'HEALTH_PORT is invalid: must be a port number',
      expect.stringMatching(/^STARTUP_TIMEOUT_SECONDS is invalid/),
    ]);
  });
});

describe('database settings', () => {
  it('uses SQLite by default and PostgreSQL when DATABASE_URL is set, with the documented defaults', () => {
    const sqlite = loadConfig(minimalHttp).database;
    expect(sqlite).toMatchObject({
      url: undefined,
      path: path.join(APP_ROOT, 'data', 'caliq-slack.db'),
      poolSize: 10,
      statementTimeoutMs: 2000,
    });
    const postgres = loadConfig({
      ...minimalHttp,
      DATABASE_URL: 'postgres://bot:p%40ss-word-1@db.internal:5432/caliq',
      DATABASE_POOL_SIZE: '4',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
    }).database;
    expect(postgres).toMatchObject({ url: 'postgres://bot:p%40ss-word-1@db.internal:5432/caliq', poolSize: 4 });
    expect(postgres.statementTimeoutMs).toBe(1500);
  });

  it('refuses a URL that is not PostgreSQL, without echoing it', () => {
    const problems = problemsOf({ ...minimalHttp, DATABASE_URL: 'mysql://root:hunter22@db/caliq' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL is invalid/);
    expect(problems[0]).not.toContain('hunter22');
  });

  it('counts the database password, as written and decoded, among the secrets', () => {
    const config = loadConfig({ ...minimalHttp, DATABASE_URL: 'postgres://bot:p%40ss-word-1@db.internal:5432/caliq' });
    expect(secretsOf(config)).toEqual(expect.arrayContaining(['p%40ss-word-1', 'p@ss-word-1']));
  });

  it('takes a delivery lease only longer than one whole attempt at Caliq', () => {
    const base = { ...minimalHttp, CALIQ_TIMEOUT_MS: '2000', CALIQ_RETRIES: '1' };
    expect(loadConfig(base).delivery.leaseMs).toBe(9000);
    expect(loadConfig({ ...base, DELIVERY_LEASE_SECONDS: '4.5' }).delivery.leaseMs).toBe(4500);
    expect(problemsOf({ ...base, DELIVERY_LEASE_SECONDS: '4' })).toEqual([
      expect.stringMatching(/^DELIVERY_LEASE_SECONDS is invalid: must be above .* = 4 seconds/),
    ]);
  });

  it('reads the Notes limit (default 20000, 5000 to 60000) and the log reaction (colons dropped, unset is off)', () => {
    const config = loadConfig(minimalHttp);
    expect(config.caliq.notesMaxLength).toBe(20_000);
    expect(config.slack.logReaction).toBeUndefined();
    expect(loadConfig({ ...minimalHttp, LOG_REACTION: ':caliq:' }).slack.logReaction).toBe('caliq');
    expect(problemsOf({ ...minimalHttp, CALIQ_NOTES_MAX_LENGTH: '4000' })).toEqual([
      expect.stringMatching(/^CALIQ_NOTES_MAX_LENGTH is invalid: must be at least 5000/),
    ]);
    expect(problemsOf({ ...minimalHttp, LOG_REACTION: 'two words' })).toEqual([
      expect.stringMatching(/^LOG_REACTION is invalid/),
    ]);
  });
});
