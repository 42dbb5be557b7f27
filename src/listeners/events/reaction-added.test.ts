// The repeat filter: one prompt per person and message within a minute, and another once the minute has passed.
import { describe, expect, it } from 'vitest';
import { createRepeatFilter, REPEAT_WINDOW_MS } from './reaction-added.js';

describe('createRepeatFilter', () => {
  it('lets the first through, holds repeats for a minute, then lets the next through', () => {
    let now = new Date('2026-12-07T10:00:00Z');
    const filter = createRepeatFilter(() => now);
    expect(filter.isFirst('U1:C1:1.2')).toBe(true);
    expect(filter.isFirst('U1:C1:1.2')).toBe(false);
    expect(filter.isFirst('U2:C1:1.2')).toBe(true);
    now = new Date(now.getTime() + REPEAT_WINDOW_MS - 1);
    expect(filter.isFirst('U1:C1:1.2')).toBe(false);
    now = new Date(now.getTime() + 1);
    expect(filter.isFirst('U1:C1:1.2')).toBe(true);
  });
});
