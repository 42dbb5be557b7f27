// The bench runs the bot with the Node flags production uses (scripts/start.sh), not Node's defaults.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeBotCommand, startNodeFlags } from '../bench/targets/launch.js';

describe('the bench launches the bot as npm start does', () => {
  it('takes the heap flags from the exec line of scripts/start.sh', () => {
    const flags = startNodeFlags();
    expect(flags.length).toBeGreaterThan(0);
    const script = readFileSync(new URL('../scripts/start.sh', import.meta.url), 'utf8');
    const execLine = script.split('\n').find((line) => line.trim().startsWith('exec node')) ?? '';
    for (const flag of flags) expect(execLine).toContain(flag);
    expect(flags.some((flag) => flag.startsWith('--max-old-space-size='))).toBe(true);
    expect(describeBotCommand('dist')).toBe(`node ${flags.join(' ')} dist/main.js`);
  });
});
