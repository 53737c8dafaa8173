import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/kit/i18n/index.ts';
import { addDuration, formatDuration, parseDuration } from '../../../src/features/content/duration.ts';

describe('parseDuration', () => {
  it.each([
    ['90d', { amount: 90, unit: 'd' }],
    ['2w', { amount: 2, unit: 'w' }],
    ['6m', { amount: 6, unit: 'm' }],
    ['1y', { amount: 1, unit: 'y' }],
    [' 12 M ', { amount: 12, unit: 'm' }],
  ])('reads %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['six months', '6', 'm6', '0d', '1.5y', '', '6mo'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('addDuration', () => {
  it('adds days and weeks across month and year ends', () => {
    expect(addDuration('2026-12-20', { amount: 14, unit: 'd' })).toBe('2027-01-03');
    expect(addDuration('2026-02-20', { amount: 2, unit: 'w' })).toBe('2026-03-06');
  });

  it('keeps the day of the month, clamped to the last day of shorter months', () => {
    expect(addDuration('2026-03-15', { amount: 6, unit: 'm' })).toBe('2026-09-15');
    expect(addDuration('2026-08-31', { amount: 6, unit: 'm' })).toBe('2027-02-28');
    expect(addDuration('2027-08-31', { amount: 6, unit: 'm' })).toBe('2028-02-29');
    expect(addDuration('2024-02-29', { amount: 1, unit: 'y' })).toBe('2025-02-28');
  });

  it('formats durations for people', () => {
    expect(formatDuration({ amount: 1, unit: 'y' }, translate('en'))).toBe('1 year');
    expect(formatDuration({ amount: 90, unit: 'd' }, translate('en'))).toBe('90 days');
    expect(formatDuration({ amount: 6, unit: 'm' }, translate('de'))).toBe('6 Monate');
    expect(formatDuration({ amount: 2, unit: 'w' }, translate('pl'))).toBe('2 tygodnie');
  });
});
