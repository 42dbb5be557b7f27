import { describe, expect, it } from 'vitest';
import { createLoopBusy } from './loop-busy.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* the loop is busy */
  }
};

describe('createLoopBusy', () => {
  it('says busy after a window the loop spent running code, and idle after one it spent waiting', async () => {
    const busy = createLoopBusy({ windowMs: 100, threshold: 0.8 });
    expect(busy()).toBe(false);
    for (let n = 0; n < 12; n++) {
      spin(15);
      await sleep(0);
    }
    expect(busy()).toBe(true);
    await sleep(150);
    expect(busy()).toBe(false);
  });
});
