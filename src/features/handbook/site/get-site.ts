/**
 * The site model for pages: the content folder's records, with each page's outline taken from
 * what the renderer recorded (remark-outline.ts) so no file is parsed twice. In a build, the
 * link checks that need every page rendered run here, once: warnings are printed and errors
 * stop the build with the readable list.
 */
import { getCollection } from 'astro:content';
import type { Outline, PageRecord, SectionRecord } from '../../content/index.ts';
import { idForUrl, urlForFile, formatReport, type Problem, buildRelatedIndex, type RelatedIndex } from '../../content/index.ts';
import { OUTLINE_KEY } from '../../content/markdown.ts';
import { hasFailures, loadSite } from '../load-site.ts';
import type { SiteModel } from '../types.ts';
import { cachedSite, forgetSite } from './site-cache.ts';

/** Problems only the full model finds; the rest were reported before the build rendered anything. */
const LINK_PROBLEMS = new Set<Problem['code']>(['BROKEN_LINK', 'MISSING_ANCHOR', 'MISSING_IMAGE', 'DRAFT_LINKED', 'BROKEN_SOURCE']);

export async function getSite(): Promise<SiteModel> {
  // The dev server rebuilds the model on every request so edits show at once.
  if (import.meta.env.DEV) forgetSite();
  return cachedSite(async () => {
    const contentDir = process.env.KNOWHOW_CONTENT_DIR as string;
    const outlines = new Map<string, Outline>();
    for (const entry of await getCollection('pages')) {
      const outline = entry.data.outline as Outline | null;
      if (outline) outlines.set(entry.id, outline);
    }
    for (const entry of await getCollection('mdxPages')) {
      const outline = (entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined)?.[OUTLINE_KEY] as Outline | undefined;
      if (outline) outlines.set(entry.id, outline);
    }
    // Collection ids are made from the same URL rule as page ids (content.config.ts).
    const site = loadSite(contentDir, {
      outlineFor: (file) => outlines.get(idForUrl(urlForFile(file))),
      quizzesDir: process.env.KNOWHOW_QUIZZES_DIR,
    });
    if (import.meta.env.PROD) reportLinkProblems(site);
    return site;
  });
}

function reportLinkProblems(site: SiteModel): void {
  const problems = site.problems.filter((problem) => LINK_PROBLEMS.has(problem.code));
  if (problems.length === 0) return;
  const report = formatReport(problems, { strict: site.settings.strict, limitPerCode: 10 });
  if (hasFailures({ problems, settings: site.settings })) {
    console.error(`\nThe content folder has problems that stop the build:\n\n${report}\n`);
    process.exit(1);
  }
  console.warn(`\nContent check: links, anchors, images and quiz sources\n${report}\n`);
}

interface Lookups {
  pages: Map<string, PageRecord>;
  pagesByUrl: Map<string, PageRecord>;
  sections: Map<string, SectionRecord>;
}
const lookups = new WeakMap<SiteModel, Lookups>();

function lookupsOf(site: SiteModel): Lookups {
  let found = lookups.get(site);
  if (!found) {
    found = {
      pages: new Map(site.pages.map((page) => [page.id, page])),
      pagesByUrl: new Map(site.pages.map((page) => [page.url, page])),
      sections: new Map(site.sections.map((section) => [section.url, section])),
    };
    lookups.set(site, found);
  }
  return found;
}

export function pageById(site: SiteModel, id: string): PageRecord | undefined {
  return lookupsOf(site).pages.get(id);
}

export function pageByUrl(site: SiteModel, url: string): PageRecord | undefined {
  return lookupsOf(site).pagesByUrl.get(url);
}

/** The page a translation translates; the page itself when it is an original. */
export function originalOf(site: SiteModel, page: PageRecord): PageRecord {
  return (page.translationOf && pageByUrl(site, page.translationOf)) || page;
}

export function sectionByUrl(site: SiteModel, url: string): SectionRecord | undefined {
  return lookupsOf(site).sections.get(url);
}

/** The sections from the home page down to (and including) the one at `url`. */
export function sectionTrail(site: SiteModel, url: string): SectionRecord[] {
  const trail: SectionRecord[] = [];
  let current = url;
  for (;;) {
    const section = sectionByUrl(site, current);
    if (section) trail.unshift(section);
    if (current === '/') return trail;
    current = current.replace(/[^/]+\/$/, '');
  }
}

/** Pages of the site that readers may see: drafts only in the dev server. */
export function isVisible(page: PageRecord): boolean {
  return !page.draft || import.meta.env.DEV;
}

const relatedCache = new WeakMap<SiteModel, RelatedIndex>();
export function relatedIndex(site: SiteModel): RelatedIndex {
  let found = relatedCache.get(site);
  if (!found) {
    found = buildRelatedIndex(site.pages);
    relatedCache.set(site, found);
  }
  return found;
}
