/**
 * What search knows about a page: its record from the content manifest and the text of its
 * sections. Built once at build time and kept on the server (it holds every page's text).
 */
import type { PageRecord } from '../content/index.ts';
import type { SiteModel } from '../handbook/index.ts';
import type { PageSection } from './page-text.ts';

export interface SearchDocument {
  url: string;
  title: string;
  summary: string;
  type: PageRecord['type'];
  /** The titles of the sections above the page, e.g. "Policies" or "Training › Onboarding". */
  section: string;
  lang: string;
  reviewDue?: string;
  tags: string[];
  aliases: string[];
  sections: PageSection[];
}

export function searchDocument(page: PageRecord, site: Pick<SiteModel, 'sections'>, sections: PageSection[]): SearchDocument {
  return {
    url: page.url,
    title: page.title,
    summary: page.summary ?? '',
    type: page.type,
    section: sectionPath(page.section, site),
    lang: page.lang,
    ...(page.reviewDue ? { reviewDue: page.reviewDue } : {}),
    tags: page.tags,
    aliases: page.aliases,
    sections,
  };
}

function sectionPath(url: string, site: Pick<SiteModel, 'sections'>): string {
  const titles: string[] = [];
  for (let current = url; current !== '/'; current = current.replace(/[^/]+\/$/, '')) {
    const section = site.sections.find((entry) => entry.url === current);
    if (section) titles.unshift(section.title);
  }
  return titles.join(' › ');
}

/**
 * The words of a page's file and folder names ("/benefits/time-off/" -> "benefits time off"):
 * authors name files for what they are about, often in the words people search with.
 */
export function pageName(url: string): string {
  return url.split('/').filter(Boolean).slice(-2).join(' ').replace(/[-_]+/g, ' ');
}
