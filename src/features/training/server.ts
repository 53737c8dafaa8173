/**
 * Training on the server: the catalogue with answer keys, learners, assignments, attempts, results and the managers' reports.
 *
 * What the server and its pages may use of this feature's server side (its database, sessions
 * and services). They import it from here, never from its files.
 */
export { assignModule, listAssignments, removeAssignment, requestRetake } from './server/assignments.ts';
export { listAttempts, openAttempt, submitAttempt } from './server/attempts.ts';
export type { QuizForLearner } from './server/attempts.ts';
export { trainingDeps } from './server/deps.ts';
export { findModule, learnerProgress, markLessonDone, moduleProgressOf } from './server/learner.ts';
export { completionRecords, questionStatistics, trainingReport } from './server/reports.ts';
export { resultOf } from './server/results.ts';
export type { AttemptResult } from './server/results.ts';
export { distinctSources, sourceLink } from './server/sources.ts';
