// Parts start in order and stop in reverse, and one failing stop does not keep the others running.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type Part, startParts, stopParts } from './lifecycle.js';

const silent = pino({ level: 'silent' });

function recordingParts(events: string[], failingStop?: string): Part[] {
  return ['stores', 'slack', 'delivery'].map((name) => ({
    name,
    start: async () => void events.push(`start ${name}`),
    stop: async () => {
      events.push(`stop ${name}`);
      if (name === failingStop) throw new Error(`${name} would not stop`);
    },
  }));
}

describe('startParts and stopParts', () => {
  it('starts parts in the listed order and stops them in the reverse order', async () => {
    const events: string[] = [];
    const parts = recordingParts(events);
    await startParts(parts);
    await stopParts(parts, silent);
    expect(events).toEqual([
      'start stores',
      'start slack',
      'start delivery',
      'stop delivery',
      'stop slack',
      'stop stores',
    ]);
  });

  it('stops every other part when one fails to stop, and logs which', async () => {
    const events: string[] = [];
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line)) });
    await stopParts(recordingParts(events, 'slack'), logger);
    expect(events).toEqual(['stop delivery', 'stop slack', 'stop stores']);
    expect(warnings).toMatchObject([{ part: 'slack', msg: 'a part did not stop cleanly' }]);
  });

  it('skips parts with nothing to start or stop', async () => {
    await expect(startParts([{ name: 'nothing' }])).resolves.toBeUndefined();
    await expect(stopParts([{ name: 'nothing' }], silent)).resolves.toBeUndefined();
  });
});
