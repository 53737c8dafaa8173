/**
 * What an assistant is told about a page beside its text: whole addresses, who answers for it,
 * when it was reviewed and whether that is current, due soon or overdue on the organisation's
 * calendar today, and whether it is a translation whose original changed. From the served
 * manifest, by the same review rules as the page's footer and the review list.
 */
import { reviewStateOn } from '../content/index.ts';
import type { PageRecord, Settings } from '../content/index.ts';
import type { PageFacts } from './schemas.ts';

export interface PageIndex {
  byUrl: Map<string, PageRecord>;
}

const indexes = new WeakMap<readonly PageRecord[], PageIndex>();

/** The pages by address (drafts left out), made once per manifest. */
export function pageIndex(pages: readonly PageRecord[]): PageIndex {
  let index = indexes.get(pages);
  if (!index) {
    index = { byUrl: new Map(pages.filter((page) => !page.draft).map((page) => [page.url, page])) };
    indexes.set(pages, index);
  }
  return index;
}

/** A site address (/policies/refunds/) as a whole one, on the handbook's public origin. */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin).href;
}

/**
 * The facts of `page` on the calendar date `today`. A translation is reviewed with its original
 * (owner and review dates are the original's), and says whether it fell behind it.
 */
export function pageFacts(page: PageRecord, index: PageIndex, settings: Settings, today: string, origin: string): PageFacts {
  const reviewed = (page.translationOf ? index.byUrl.get(page.translationOf) : undefined) ?? page;
  const owner = reviewed.owner ?? page.owner;
  return {
    title: page.title,
    url: absoluteUrl(page.url, origin),
    type: page.type,
    lang: page.lang,
    owner: owner ? (settings.owners[owner] ?? owner) : null,
    lastReviewed: reviewed.reviewed ?? null,
    reviewDue: reviewed.reviewDue ?? null,
    reviewStatus: reviewStateOn(reviewed.reviewDue, today, settings.reviewDueSoon) as PageFacts['reviewStatus'],
    staleTranslation: page.translationOf !== undefined && page.translationStale === true,
  };
}
