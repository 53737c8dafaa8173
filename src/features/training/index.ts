/**
 * Training modules and their quizzes: files and checks, drawing and grading attempts, progress, what learners see; the shapes and access rules of its routes.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { REPORT_TAGS, TRAINERS, TRAINING_TAGS } from './access.ts';
export { giftToQuiz } from './gift-import.ts';
export { lessonLinks, modulePageView } from './module-pages.ts';
export type { ModuleLinks } from './module-pages.ts';
export { lessonId, moduleIn } from './modules.ts';
export { MODULE_STATUSES } from './progress.ts';
export type { ModuleStatus } from './progress.ts';
export { chooseQuizLanguage, languageName } from './quiz-language.ts';
export { markQuizTranslation } from './quiz-translation-mark.ts';
export { quizTranslationReviews } from './quiz-translation-reviews.ts';
export type { QuizTranslationReview } from './quiz-translation-reviews.ts';
export { QUIZZES_FILE } from './quiz-types.ts';
export type { QuizDefinition } from './quiz-types.ts';
export { defaultQuizzesDir, resolveQuizzesDir } from './quizzes-dir.ts';
export { loadQuizzes } from './quizzes.ts';
export {
  AttemptResultSchema,
  DueDate,
  ModuleParams,
  ModuleProgressSchema,
  NewAssignment,
  QuizLangQuery,
  QuizSchema,
  SourceSchema,
} from './schemas.ts';
