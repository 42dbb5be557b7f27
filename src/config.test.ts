import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from './config.js';

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
    expect(config.database.path).toBe('./data/caliq-slack.db');
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
});

describe('database settings', () => {
  it('uses SQLite by default and PostgreSQL when DATABASE_URL is set, with the documented defaults', () => {
    const sqlite = loadConfig(minimalHttp).database;
    expect(sqlite).toMatchObject({
      url: undefined,
      path: './data/caliq-slack.db',
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
