/** The whole handbook as one model: the content folder's pages and sections with the training modules' quizzes. */
import type { Problem, Settings, PageRecord, SectionRecord } from '../content/index.ts';
import type { QuizTranslationReview, QuizDefinition } from '../training/index.ts';

export interface SiteModel {
  contentDir: string;
  settings: Settings;
  pages: PageRecord[];
  sections: SectionRecord[];
  /** The training modules' quizzes, answer keys included: only the server may get them (dist/server/knowhow-quizzes.json). */
  quizzes: QuizDefinition[];
  /** The quizzes' translations as the review list sees them: without answers, so in the manifest. */
  quizTranslations: QuizTranslationReview[];
  problems: Problem[];
  /** Non-page files that pages link to or show, to be copied into the site. */
  assets: string[];
  /** When the model was built (ISO), the build time for the health endpoint. */
  builtAt: string;
}
