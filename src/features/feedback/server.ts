/**
 * Page feedback and search gaps on the server: votes, anonymous daily counts, the reports.
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { FeedbackBody, reportPeriod } from './schemas.ts';
export { feedbackDeps, reportViewerScope, searchGapDeps, sectionOfPage, sectionTitle } from './server/deps.ts';
export { recordFeedback } from './server/feedback.ts';
export { feedbackEntries, feedbackSummary, pagesWithNegativeFeedback } from './server/reports.ts';
export { countUnanswered, recordSearch, searchGaps } from './server/search-gaps.ts';
