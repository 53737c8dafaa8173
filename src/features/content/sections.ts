/** Every folder is a section: its index page (if any), its pages in reading order, its subsections. */
import { dirOf, humanize, orderOf, urlForFile } from './paths.ts';
import { isOriginal } from './translations.ts';
import type { PageRecord, SectionRecord } from './types.ts';

export const TRAINING_DIR = 'training';

export function buildSections(pages: readonly PageRecord[], sectionDirs: Iterable<string>, siteName: string): SectionRecord[] {
  const sections = new Map<string, SectionRecord>();
  for (const dir of [...sectionDirs].sort()) {
    const segments = dir.split('/');
    sections.set(dir, {
      url: urlForFile(dir ? `${dir}/index.md` : 'index.md'),
      dir,
      title: dir ? humanize(segments.at(-1) as string) : siteName,
      pages: [],
      sections: [],
      isTrainingModule: segments.length === 2 && segments[0] === TRAINING_DIR,
    });
  }
  for (const section of sections.values()) {
    if (section.dir) sections.get(dirOf(section.dir))?.sections.push(section.url);
  }
  const byUrl = new Map([...sections.values()].map((section) => [section.url, section]));
  // Translations are listed in their original's place by the language switcher, not here.
  for (const page of [...pages].filter(isOriginal).sort(readingOrder)) {
    // `refunds.md` beside a `refunds/` folder without index.md is that folder's index page.
    const folder = byUrl.get(page.url);
    if (
      !page.isSectionIndex &&
      folder &&
      !folder.indexPage &&
      folder.dir &&
      !pages.some((other) => other.isSectionIndex && other.url === page.url)
    ) {
      page.isSectionIndex = true;
    }
    const dir = page.isSectionIndex ? (folder?.dir ?? dirOf(page.file)) : dirOf(page.file);
    const section = sections.get(dir);
    if (!section) continue;
    if (page.isSectionIndex) {
      section.indexPage = page.id;
      section.title = page.title;
      if (page.summary) section.summary = page.summary;
    } else {
      section.pages.push(page.id);
    }
  }
  // Numbered folders (01-basics/) first, by number; the rest by title.
  const orderOfSection = (url: string) => orderOf(byUrl.get(url)?.dir.split('/').at(-1) ?? '') ?? Number.POSITIVE_INFINITY;
  for (const section of sections.values()) {
    section.sections.sort(
      (a, b) => orderOfSection(a) - orderOfSection(b) || (byUrl.get(a)?.title ?? a).localeCompare(byUrl.get(b)?.title ?? b),
    );
  }
  return [...sections.values()];
}

/** Numbered files first, by number; then the rest by title. */
export function readingOrder(a: PageRecord, b: PageRecord): number {
  const orderA = a.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA - orderB;
  return a.title.localeCompare(b.title);
}
