/**
 * Whether a page is due for review. Kept apart from the manifest because it depends on the
 * current date: the build records `reviewed` and `reviewDue`, and pages and the API compute the
 * state at the moment someone looks, so a page turns overdue without a rebuild.
 *
 * Dates are calendar dates in the organisation's time zone (knowhow.yaml site.timeZone): a page
 * due on 31 March is current until that day ends there, even where it is already 1 April in UTC.
 * Pure and free of Node APIs: the browser uses it too.
 */
import { dateIn } from '../../kit/calendar.ts';
import { addDuration, parseDuration } from './duration.ts';

/** `translation-stale`: a translation whose original changed since it was made (features/content/translations.ts). */
export type ReviewState = 'current' | 'due-soon' | 'overdue' | 'unknown' | 'translation-stale';
export const REVIEW_STATES: readonly ReviewState[] = ['overdue', 'translation-stale', 'due-soon', 'unknown', 'current'];

/** How long before the due date a page counts as due soon, unless knowhow.yaml says (review.dueSoon). */
export const DEFAULT_DUE_SOON = '14d';

export interface ReviewClock {
  /** IANA time zone of the organisation; UTC when unset. */
  timeZone?: string;
  /** A duration as knowhow.yaml writes it, e.g. 14d or 1m. */
  dueSoon?: string;
}

export function todayIso(now: Date = new Date(), timeZone = 'UTC'): string {
  return dateIn(now, timeZone);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}

/** The state of a page due on `reviewDue`, seen on the calendar date `today`. */
export function reviewStateOn(reviewDue: string | undefined, today: string, dueSoon: string = DEFAULT_DUE_SOON): ReviewState {
  if (!reviewDue) return 'unknown';
  if (reviewDue < today) return 'overdue';
  const window = parseDuration(dueSoon) ?? (parseDuration(DEFAULT_DUE_SOON) as NonNullable<ReturnType<typeof parseDuration>>);
  // Due soon when the due date falls within the window from today: with 1m, from 31 January
  // that is up to the end of February.
  return reviewDue <= addDuration(today, window) ? 'due-soon' : 'current';
}

export function reviewState(reviewDue: string | undefined, now: Date = new Date(), clock: ReviewClock = {}): ReviewState {
  return reviewStateOn(reviewDue, todayIso(now, clock.timeZone), clock.dueSoon);
}
