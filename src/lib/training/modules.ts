/**
 * Training modules as the server and the pages see them: each folder under training/ with its
 * lessons in reading order, its assignment (index front matter: assignTo, dueWithinDays), its
 * quiz if it has one, and a version that changes when a lesson's text or the quiz changes, so a
 * completion can say which version it was.
 */
import { createHash } from 'node:crypto';
import type { PageRecord, SectionRecord } from '../content/types.ts';
import type { QuizDefinition } from './quiz-types.ts';

export interface TrainingLesson {
  /** The last segment of the lesson's address, e.g. verifying-identity. */
  id: string;
  url: string;
  title: string;
  version: string;
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
}

export function lessonId(url: string): string {
  return url.split('/').filter(Boolean).at(-1) ?? '';
}

export function trainingModules(
  site: { pages: readonly PageRecord[]; sections: readonly SectionRecord[] },
  quizzes: readonly QuizDefinition[] = [],
): TrainingModule[] {
  const pages = new Map(site.pages.map((page) => [page.id, page]));
  return site.sections
    .filter((section) => section.isTrainingModule)
    .map((section) => {
      const id = section.dir.split('/').at(-1) as string;
      const index = section.indexPage ? pages.get(section.indexPage) : undefined;
      const lessons = section.pages
        .map((pageId) => pages.get(pageId))
        .filter((page): page is PageRecord => !!page && !page.draft)
        .map((page) => ({ id: lessonId(page.url), url: page.url, title: page.title, version: page.version }));
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
      };
    });
}
