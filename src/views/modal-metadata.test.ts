import { describe, expect, it } from 'vitest';
import type { ModalMetadata } from '../interactions/draft.js';
import { ViewLimitError } from './limits.js';
import { decodeModalMetadata, encodeModalMetadata } from './modal-metadata.js';

const meta: ModalMetadata = {
  uniqueId: '3f2b8c1e-7d4a-4b9e-9c1f-2a6d8e4b7c10',
  replyTo: {
    responseUrl: 'https://hooks.slack.com/commands/T0001/1234567890123/AbCdEfGhIjKlMnOpQrStUvWx',
    conversationId: 'C0123456789',
  },
  source: 'command',
};

describe('modal metadata', () => {
  it('round-trips', () => {
    expect(decodeModalMetadata(encodeModalMetadata(meta))).toEqual(meta);
    const bare: ModalMetadata = { uniqueId: 'u-1', replyTo: {}, source: 'reminder' };
    expect(decodeModalMetadata(encodeModalMetadata(bare))).toEqual(bare);
  });

  it('reads a form opened before the rename, whose reply target says channelId', () => {
    const legacy = JSON.stringify({ uniqueId: 'u-2', replyTo: { channelId: 'C0123456789' }, source: 'command' });
    expect(decodeModalMetadata(legacy)).toEqual({
      uniqueId: 'u-2',
      replyTo: { conversationId: 'C0123456789' },
      source: 'command',
    });
  });

  it.each([
    undefined,
    '',
    'not json',
    'null',
    '[]',
    '{}',
    JSON.stringify({ ...meta, source: 'somewhere' }),
    JSON.stringify({ ...meta, uniqueId: 42 }),
    JSON.stringify({ ...meta, uniqueId: '' }),
    JSON.stringify({ ...meta, replyTo: { responseUrl: 'javascript:alert(1)' } }),
    JSON.stringify({ ...meta, replyTo: 'C123' }),
  ])('rejects %j without throwing', (raw) => {
    expect(decodeModalMetadata(raw)).toBeUndefined();
  });

  it('refuses to encode more than Slack keeps', () => {
    const huge = { ...meta, replyTo: { responseUrl: `https://hooks.slack.com/${'x'.repeat(3000)}` } };
    expect(() => encodeModalMetadata(huge)).toThrow(ViewLimitError);
  });

  it('stays far below the limit with a real response URL', () => {
    expect(encodeModalMetadata(meta).length).toBeLessThan(300);
  });
});
