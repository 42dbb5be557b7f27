import { describe, expect, it, vi } from 'vitest';
import { startDeadline, withDeadline } from './deadline.js';

describe('deadline', () => {
  it('aborts with a TimeoutError once the time is up, as AbortSignal.timeout does', async () => {
    const { signal } = startDeadline(10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('leaves no timer behind once the call is over, however it ended', async () => {
    vi.useFakeTimers();
    try {
      await withDeadline(10_000, async () => 'answer');
      await expect(
        withDeadline(10_000, async () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
