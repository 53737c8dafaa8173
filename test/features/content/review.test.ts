import { describe, expect, it } from 'vitest';
import { reviewState } from '../../../src/features/content/review.ts';

describe('reviewState', () => {
  const now = new Date('2026-11-22T15:00:00Z');

  it('is overdue the day after the due date, not on it', () => {
    expect(reviewState('2026-11-21', now)).toBe('overdue');
    expect(reviewState('2026-11-22', now)).toBe('due-soon');
  });

  it('is due soon within two weeks, current after that', () => {
    expect(reviewState('2026-12-06', now)).toBe('due-soon');
    expect(reviewState('2026-12-07', now)).toBe('current');
  });

  it('is unknown without a due date', () => {
    expect(reviewState(undefined, now)).toBe('unknown');
  });
});
