/**
 * Pages related to a page: the ones it links to and the ones that link to it first, then the
 * ones that share the most tags. Drafts, the home page and the page itself never appear. The index is built
 * once per site so each page's list costs only its own links and tags.
 */
import type { PageRecord } from './types.ts';

export interface RelatedIndex {
  byUrl: Map<string, PageRecord>;
  /** Page URL -> URLs of the pages that link to it. */
  backlinks: Map<string, string[]>;
  /** Tag -> URLs of the pages that carry it. */
  byTag: Map<string, string[]>;
}

export function buildRelatedIndex(pages: readonly PageRecord[]): RelatedIndex {
  const index: RelatedIndex = { byUrl: new Map(), backlinks: new Map(), byTag: new Map() };
  const push = (map: Map<string, string[]>, key: string, url: string) => {
    const list = map.get(key);
    if (list) list.push(url);
    else map.set(key, [url]);
  };
  for (const page of pages) {
    index.byUrl.set(page.url, page);
    for (const url of page.linksTo) push(index.backlinks, url, page.url);
    for (const tag of page.tags) push(index.byTag, tag, page.url);
  }
  return index;
}

export function relatedPages(page: PageRecord, index: RelatedIndex, limit = 5): PageRecord[] {
  const scores = new Map<string, number>();
  const add = (url: string, score: number) => scores.set(url, (scores.get(url) ?? 0) + score);
  for (const url of page.linksTo) add(url, 3);
  for (const url of index.backlinks.get(page.url) ?? []) add(url, 2);
  // A shared tag relates pages a reader can read: those in the page's own language.
  for (const tag of page.tags) for (const url of index.byTag.get(tag) ?? []) if (index.byUrl.get(url)?.lang === page.lang) add(url, 1);
  scores.delete(page.url);
  scores.delete('/');
  return [...scores]
    .map(([url, score]) => ({ page: index.byUrl.get(url), score }))
    .filter((entry): entry is { page: PageRecord; score: number } => entry.page !== undefined && !entry.page.draft)
    .sort((a, b) => b.score - a.score || a.page.title.localeCompare(b.page.title))
    .slice(0, limit)
    .map((entry) => entry.page);
}
