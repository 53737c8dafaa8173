/**
 * Training modules as the server and the pages see them: each folder under training/ with its
 * lessons in reading order, its assignment (index front matter: assignTo, dueWithinDays), its
 * quiz if it has one, and a version that changes when a lesson's text or the quiz changes, so a
 * completion can say which version it was.
 */
import { createHash } from 'node:crypto';
import type { PageRecord, SectionRecord } from '../content/index.ts';
import type { QuizDefinition } from './quiz-types.ts';

export interface TrainingLesson {
  /** The last segment of the lesson's address, e.g. verifying-identity. */
  id: string;
  url: string;
  title: string;
  version: string;
}

/**
 * A module in another language: where its page is translated (index.de.md), its title there,
 * and its lessons, each the translation where there is one, else the original. Lesson ids are
 * the original's, so progress is one whatever language a lesson was read in.
 */
export interface ModuleTranslation {
  lang: string;
  url: string;
  title: string;
  lessons: TrainingLesson[];
}

export interface TrainingModule {
  /** The module's folder name, e.g. new-agent-onboarding. */
  id: string;
  url: string;
  title: string;
  summary?: string;
  lessons: TrainingLesson[];
  /** Job roles the module is assigned to. */
  assignTo: string[];
  dueWithinDays?: number;
  quiz?: QuizDefinition;
  version: string;
  /** The language the module is written in: its page's. */
  lang: string;
  translations: ModuleTranslation[];
}

export function lessonId(url: string): string {
  return url.split('/').filter(Boolean).at(-1) ?? '';
}

export function trainingModules(
  site: { pages: readonly PageRecord[]; sections: readonly SectionRecord[] },
  quizzes: readonly QuizDefinition[] = [],
): TrainingModule[] {
  const pages = new Map(site.pages.map((page) => [page.id, page]));
  const byUrl = new Map(site.pages.map((page) => [page.url, page]));
  return site.sections
    .filter((section) => section.isTrainingModule)
    .map((section) => {
      const id = section.dir.split('/').at(-1) as string;
      const index = section.indexPage ? pages.get(section.indexPage) : undefined;
      // Sections list originals only: a translated lesson is the same lesson, not another one.
      const lessonPages = section.pages.map((pageId) => pages.get(pageId)).filter((page): page is PageRecord => !!page && !page.draft);
      const lessons = lessonPages.map((page) => ({ id: lessonId(page.url), url: page.url, title: page.title, version: page.version }));
      const quiz = quizzes.find((candidate) => candidate.module === id);
      const version = createHash('sha256')
        .update(JSON.stringify([lessons.map((lesson) => [lesson.id, lesson.version]), quiz?.version ?? null]))
        .digest('hex')
        .slice(0, 12);
      return {
        id,
        url: section.url,
        title: index?.title ?? section.title,
        ...(index?.summary ? { summary: index.summary } : {}),
        lessons,
        assignTo: index?.assignTo ?? [],
        ...(index?.dueWithinDays !== undefined ? { dueWithinDays: index.dueWithinDays } : {}),
        ...(quiz ? { quiz } : {}),
        version,
        lang: index?.lang ?? lessonPages[0]?.lang ?? 'en',
        translations: index ? translationsOf(index, lessonPages, byUrl) : [],
      };
    });
}

function translationsOf(index: PageRecord, lessons: readonly PageRecord[], byUrl: ReadonlyMap<string, PageRecord>): ModuleTranslation[] {
  const inLanguage = (page: PageRecord, lang: string) => {
    const url = page.translations.find((translation) => translation.lang === lang)?.url;
    const translated = url ? byUrl.get(url) : undefined;
    return translated && !translated.draft ? translated : undefined;
  };
  return index.translations.flatMap(({ lang }) => {
    const page = inLanguage(index, lang);
    if (!page) return [];
    return [
      {
        lang,
        url: page.url,
        title: page.title,
        lessons: lessons.map((original) => {
          const lesson = inLanguage(original, lang) ?? original;
          return { id: lessonId(original.url), url: lesson.url, title: lesson.title, version: original.version };
        }),
      },
    ];
  });
}

/** The module as a reader of `lang` sees it: its translation, else the original. */
export function moduleIn(
  module: TrainingModule,
  lang: string | null | undefined,
): { lang: string; url: string; title: string; lessons: TrainingLesson[] } {
  return module.translations.find((translation) => translation.lang === lang) ?? module;
}
