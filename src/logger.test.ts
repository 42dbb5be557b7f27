import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets, toBoltLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createLogger', () => {
  it('redacts secret fields wherever they sit in a logged object', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ destination, level: 'info' });
    logger.info(
      { apiKey: 'k1', request: { headers: { authorization: 'Bearer abc' }, body: { apiKey: 'k2' } } },
      'call',
    );
    await flush();
    const line = lines.join('\n');
    expect(line).toContain('[Redacted]');
    expect(line).not.toMatch(/"k1"|"k2"|Bearer abc/);
  });

  it('removes secret values from messages and library errors (including their stacks and causes)', async () => {
    const { lines, destination } = capture();
    const secret = 'super-secret-api-key-777';
    const logger = createLogger({ destination, secrets: [secret] });
    const error = new Error(`request failed for key=${secret}`, { cause: new Error(`inner ${secret}`) });
    logger.error({ err: error }, `failed with ${secret}`);
    logger.info({ url: 'https://x/?token=xoxb-1234567890-abcdef' }, 'token in a url');
    await flush();
    const text = lines.join('\n');
    expect(lines.length).toBe(2);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('xoxb-1234567890-abcdef');
    expect(text).toContain('request failed for key=[Redacted]');
  });
});

describe('scrubSecrets', () => {
  it('scrubs bearer tokens and JSON-escaped secrets', () => {
    expect(scrubSecrets('Authorization: Bearer xyz.abc', [])).toBe('Authorization: Bearer [Redacted]');
    expect(scrubSecrets('{"k":"a\\"quoted-secret"}', ['a"quoted-secret'])).toBe('{"k":"[Redacted]"}');
  });
});

describe('toBoltLogger', () => {
  it('keeps every argument Bolt passes, the error under err', async () => {
    const { lines, destination } = capture();
    const bolt = toBoltLogger(createLogger({ destination, level: 'debug' }));
    bolt.setName('bolt-app');
    bolt.error('An incoming event was not acknowledged', new Error('boom'), { extra: 1 });
    await flush();
    const record = JSON.parse(lines[0] ?? '{}');
    expect(record.msg).toBe('An incoming event was not acknowledged');
    expect(record.module).toBe('bolt-app');
    expect(record.err.message).toBe('boom');
    expect(record.detail).toEqual({ extra: 1 });
  });
});
