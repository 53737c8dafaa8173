/**
 * Review states in English, for `npm run review` and the chat digest, which speak English like
 * every command-line tool. Pages use the catalogues' `reviewState.*` in the reader's language.
 */
import type { ReviewState } from '../content/index.ts';

export const REVIEW_LABELS: Record<ReviewState, string> = {
  overdue: 'Overdue',
  'translation-stale': 'Translation out of date',
  'due-soon': 'Due soon',
  unknown: 'No review date',
  current: 'Current',
};
