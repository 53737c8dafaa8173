/**
 * Quiz translations as the review list sees them. A translation is reviewed with its original;
 * once the original's words change (quiz-words.ts), it is listed as `translation-stale` for the
 * module's owner, like a page's translation, until a translator brings it up to date and marks
 * it. Public facts only (file, owner, whether it is stale): the answers stay in the quizzes file.
 */
import { t } from '../../kit/i18n/index.ts';
import type { PageRecord, SectionRecord } from '../content/index.ts';
import { trainingModules } from './modules.ts';
import type { QuizDefinition } from './quiz-types.ts';

export interface QuizTranslationReview {
  /** The quiz's title in the translation's language, e.g. "Quiz: Umgang mit Beschwerden". */
  title: string;
  /** The quiz page in the translation's language. */
  url: string;
  /** The translation's file relative to the content folder, as pages' files are (../quizzes/basics.de.yaml). */
  file: string;
  /** The module's: its index page's owner, last review and interval. */
  owner?: string;
  reviewed?: string;
  reviewEvery: string;
  /** The module's address, for the section it is listed under. */
  moduleUrl: string;
  stale: boolean;
}

export function quizTranslationReviews(
  site: { pages: readonly PageRecord[]; sections: readonly SectionRecord[] },
  quizzes: readonly QuizDefinition[],
): QuizTranslationReview[] {
  return trainingModules(site, quizzes).flatMap((module) => {
    const index = site.pages.find((page) => page.url === module.url && !page.translationOf);
    if (!module.quiz || !index || index.draft) return [];
    return module.quiz.translations.map((translation) => {
      const title = module.translations.find((other) => other.lang === translation.lang)?.title ?? module.title;
      return {
        title: t(translation.lang, 'quiz.title', { module: title }),
        url: `/quiz/${encodeURIComponent(module.id)}/?lang=${encodeURIComponent(translation.lang)}`,
        file: `../${translation.file}`,
        ...(index.owner ? { owner: index.owner } : {}),
        ...(index.reviewed ? { reviewed: index.reviewed } : {}),
        reviewEvery: index.reviewEvery,
        moduleUrl: module.url,
        stale: translation.stale,
      };
    });
  });
}
