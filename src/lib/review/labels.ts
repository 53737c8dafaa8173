/** Review states as people read them, on the dashboard, in the CLI and in the webhook digest. */
import type { ReviewState } from '../content/review.ts';

export const REVIEW_LABELS: Record<ReviewState, string> = {
  overdue: 'Overdue',
  'translation-stale': 'Translation out of date',
  'due-soon': 'Due soon',
  unknown: 'No review date',
  current: 'Current',
};
