/**
 * A training module as one of its pages shows it, in that page's language: the module page and
 * the lessons, each the translation into the page's language where there is one, else the
 * original. Translations take their original's place, so the module's structure (which lessons,
 * in which order, and the ids progress is kept by) is always the original's.
 */
import type { PageRecord, SectionRecord } from '../content/index.ts';
import { lessonId } from './modules.ts';

export interface ModulePageView {
  /** The module's folder name, e.g. handling-complaints. */
  id: string;
  /** The module's section: the original's. */
  section: SectionRecord;
  /** The module page in the reader's language (else the original's): its title and address. */
  title: string;
  url: string;
  lang: string;
  lessons: PageRecord[];
  /** The quiz in the reader's language (the quiz page falls back to the original's words). */
  quizHref: string;
}

interface Site {
  pages: readonly PageRecord[];
  sections: readonly SectionRecord[];
}

interface Lookups {
  byUrl: Map<string, PageRecord>;
  byId: Map<string, PageRecord>;
}
const lookups = new WeakMap<readonly PageRecord[], Lookups>();

/** Made once per site: every page of the build asks, and a map per page would make the build quadratic. */
function lookupsOf(pages: readonly PageRecord[]): Lookups {
  let found = lookups.get(pages);
  if (!found) {
    found = { byUrl: new Map(pages.map((entry) => [entry.url, entry])), byId: new Map(pages.map((entry) => [entry.id, entry])) };
    lookups.set(pages, found);
  }
  return found;
}

/** For a page of a training module (its page or a lesson, original or translation); undefined for any other page. */
export function modulePageView(
  site: Site,
  page: PageRecord,
  visible: (page: PageRecord) => boolean = (entry) => !entry.draft,
): ModulePageView | undefined {
  const { byUrl, byId } = lookupsOf(site.pages);
  const original = page.translationOf ? byUrl.get(page.translationOf) : page;
  if (!original) return undefined;
  const sectionUrl = original.isSectionIndex ? original.url : original.section;
  const section = site.sections.find((candidate) => candidate.url === sectionUrl && candidate.isTrainingModule);
  if (!section) return undefined;
  const inLanguage = (entry: PageRecord): PageRecord => {
    const url = entry.translations.find((translation) => translation.lang === page.lang)?.url;
    const translated = url ? byUrl.get(url) : undefined;
    return translated && visible(translated) ? translated : entry;
  };
  const index = section.indexPage ? byId.get(section.indexPage) : undefined;
  const shownIndex = index ? inLanguage(index) : undefined;
  const id = section.dir.split('/').at(-1) ?? '';
  const translated = page.translationOf !== undefined;
  return {
    id,
    section,
    title: shownIndex?.title ?? section.title,
    url: shownIndex?.url ?? section.url,
    lang: page.lang,
    lessons: section.pages
      .map((pageId) => byId.get(pageId))
      .filter((entry): entry is PageRecord => !!entry && visible(entry))
      .map(inLanguage),
    quizHref: `/quiz/${encodeURIComponent(id)}/${translated ? `?lang=${encodeURIComponent(page.lang)}` : ''}`,
  };
}

/** Lesson id -> its address and title in this view's language, for the progress script's links. */
export function lessonLinks(view: ModulePageView): Record<string, { url: string; title: string }> {
  return Object.fromEntries(view.lessons.map((lesson) => [lessonId(lesson.url), { url: lesson.url, title: lesson.title }]));
}

/** What the progress script needs to link within the module in the page's language. */
export interface ModuleLinks {
  lessons: Record<string, { url: string; title: string }>;
  quizHref: string;
}
