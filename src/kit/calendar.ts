/**
 * Calendar dates in the organisation's time zone (knowhow.yaml site.timeZone): training due
 * dates and review dates are dates there. A module given at 23:30 UTC on 31 January in Berlin was
 * given on 1 February, and a date is met until the end of that day there.
 */

/**
 * One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one, and
 * every search answer, review status and training due date asks for today's date.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function dateIn(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `date` plus `days` calendar days: 31 January + 30 days is 2 March, or 1 March in a leap year. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
