import { describe, expect, it } from 'vitest';
import { addDays, dateIn, isValidTimeZone } from '../../../src/kit/calendar.ts';

describe('training dates', () => {
  it('takes the calendar date in the organisation’s time zone', () => {
    const lateEvening = new Date('2026-01-31T23:30:00Z');
    expect(dateIn(lateEvening, 'UTC')).toBe('2026-01-31');
    expect(dateIn(lateEvening, 'Europe/Berlin')).toBe('2026-02-01');
    expect(dateIn(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(dateIn(new Date('2026-06-30T12:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-07-01');
  });

  it('adds calendar days across month ends and leap days', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2028-01-31', 30)).toBe('2028-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    // A summer-time change in between changes nothing: these are dates, not instants.
    expect(addDays('2026-03-25', 7)).toBe('2026-04-01');
  });

  it('knows a time zone from a typo', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Europe/Londn')).toBe(false);
  });
});
