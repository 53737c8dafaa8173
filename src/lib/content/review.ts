/**
 * Whether a page is due for review. Kept apart from the manifest because it depends on the
 * current date: the build records `reviewed` and `reviewDue`, and pages and the API compute the
 * state at the moment someone looks, so a page turns overdue without a rebuild.
 */
export type ReviewState = 'current' | 'due-soon' | 'overdue' | 'unknown';

/** How many days before the due date a page counts as due soon. */
export const DUE_SOON_DAYS = 14;

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}

export function reviewState(reviewDue: string | undefined, now: Date = new Date()): ReviewState {
  if (!reviewDue) return 'unknown';
  const daysLeft = daysBetween(todayIso(now), reviewDue);
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= DUE_SOON_DAYS) return 'due-soon';
  return 'current';
}
