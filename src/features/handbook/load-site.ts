/**
 * Loads the whole content folder into the site model: settings, every page's record, the
 * sections, the training modules' quizzes (from the quizzes folder beside it), and every problem
 * found on the way. The content check, the build and the pages all read this one model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkSite,
  lastCommitDates,
  buildContentIndex,
  loadOwners,
  isPageFile,
  todayIso,
  linkTranslations,
  listFiles,
  buildSections,
  loadSettings,
  withPublicUrl,
} from '../content/index.ts';
import { loadPage, type PageContext } from '../content/reader.ts';
import type { Problem, LoadedPage } from '../content/index.ts';
import { quizTranslationReviews, loadQuizzes, defaultQuizzesDir } from '../training/index.ts';
import type { SiteModel } from './types.ts';

export interface LoadOptions {
  now?: Date;
  /** Outlines the renderer already recorded; pages without one are parsed here. */
  outlineFor?: PageContext['outlineFor'];
  /**
   * false for the quick check before a build renders anything: front matter, settings, owners
   * and addresses only, no Markdown parsing and no link checks (quizzes: their files, and that
   * each source's page exists; the headings sources name are checked with the links).
   */
  checkLinks?: boolean;
  /** The quizzes folder (features/training/quizzes-dir.ts); by default `quizzes` beside the content folder. */
  quizzesDir?: string | undefined;
}

// Without outlines, .md pages are not parsed at all; .mdx pages still are, because an MDX syntax
// error is an error to report before the build, and MDX pages are few.
const NO_OUTLINE = (file: string) => (file.toLowerCase().endsWith('.mdx') ? undefined : { headings: [], links: [], images: [] });

export function loadSite(contentDir: string, { now = new Date(), outlineFor, checkLinks = true, quizzesDir }: LoadOptions = {}): SiteModel {
  const files = listFiles(contentDir);
  const loadedSettings = loadSettings(contentDir);
  const settingsProblems = loadedSettings.problems;
  // Without site.url, the address the server is told it is reached at, when the build is given it.
  const settings = withPublicUrl(loadedSettings.settings, process.env.BETTER_AUTH_URL);
  const owners = loadOwners(contentDir, files);
  const context: PageContext = {
    settings,
    ownersOf: owners.ownersOf,
    commitDates: lastCommitDates(contentDir),
    today: todayIso(now, settings.site.timeZone),
    outlineFor: checkLinks ? outlineFor : NO_OUTLINE,
  };

  const problems: Problem[] = [...settingsProblems, ...owners.problems];
  const loaded: LoadedPage[] = [];
  for (const file of files.filter(isPageFile)) {
    const { page, problems: pageProblems } = loadPage(file, readFileSync(join(contentDir, file), 'utf8'), context);
    loaded.push(page);
    problems.push(...pageProblems);
  }
  const index = buildContentIndex(files);
  const checked = checkSite(loaded, index, { checkLinks });
  problems.push(...checked.problems);
  const pages = loaded.map((page) => page.record);
  problems.push(...linkTranslations(pages));
  const sections = buildSections(pages, index.sectionDirs, settings.site.name);
  const quizzes = loadQuizzes({
    contentDir,
    quizzesDir: quizzesDir ?? defaultQuizzesDir(contentDir),
    modules: sections.filter((section) => section.isTrainingModule).map((section) => section.dir.split('/').at(-1) as string),
    moduleLang: (module) => {
      const section = sections.find((candidate) => candidate.isTrainingModule && candidate.dir.split('/').at(-1) === module);
      return pages.find((page) => page.id === section?.indexPage)?.lang ?? settings.site.lang;
    },
    index,
    pages,
    checkAnchors: checkLinks,
  });
  problems.push(...quizzes.problems);

  return {
    contentDir,
    settings,
    pages,
    sections,
    quizzes: quizzes.quizzes,
    quizTranslations: quizTranslationReviews({ pages, sections }, quizzes.quizzes),
    problems,
    assets: [...checked.assets].sort(),
    builtAt: now.toISOString(),
  };
}

/** Whether the problems should stop a build or fail the check. */
export function hasFailures(site: Pick<SiteModel, 'problems' | 'settings'>, { strict = false } = {}): boolean {
  const failOnWarnings = strict || site.settings.strict;
  return site.problems.some((problem) => problem.severity === 'error' || failOnWarnings);
}
