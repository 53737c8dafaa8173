import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, relatedPages } from '../../../src/features/content/related.ts';
import type { PageRecord } from '../../../src/features/content/types.ts';
import { pageRecord } from '../../helpers/page-record.ts';

/** A page at /<name>/, titled <name>; the rest from overrides. */
const page = (name: string, overrides: Partial<PageRecord> = {}) => pageRecord(`${name}.md`, { title: name, ...overrides });

const titles = (pages: PageRecord[]) => pages.map((record) => record.title);

describe('relatedPages', () => {
  it('ranks pages it links to above pages that link to it, above pages that share a tag', () => {
    const refunds = page('refunds', { linksTo: ['/linked/'], tags: ['billing'] });
    const pages = [
      refunds,
      page('tagged', { tags: ['billing'] }),
      page('backlink', { linksTo: ['/refunds/'] }),
      page('linked'),
      page('unrelated', { tags: ['security'] }),
    ];
    expect(titles(relatedPages(refunds, buildRelatedIndex(pages)))).toEqual(['linked', 'backlink', 'tagged']);
  });

  it('adds one point per shared tag, so two shared tags outrank one', () => {
    const refunds = page('refunds', { tags: ['billing', 'refunds', 'cards'] });
    const pages = [refunds, page('one-tag', { tags: ['billing'] }), page('two-tags', { tags: ['refunds', 'cards'] })];
    expect(titles(relatedPages(refunds, buildRelatedIndex(pages)))).toEqual(['two-tags', 'one-tag']);
  });

  it('adds up the reasons: a backlink with two shared tags outranks a link', () => {
    const refunds = page('refunds', { linksTo: ['/linked/'], tags: ['billing', 'cards'] });
    const pages = [refunds, page('linked'), page('both', { linksTo: ['/refunds/'], tags: ['billing', 'cards'] })];
    expect(titles(relatedPages(refunds, buildRelatedIndex(pages)))).toEqual(['both', 'linked']);
  });

  it('relates pages by tag only within their language, but keeps links to other languages', () => {
    const refunds = page('refunds', { tags: ['billing'], linksTo: ['/linked-de/'] });
    const pages = [refunds, page('tagged-de', { tags: ['billing'], lang: 'de' }), page('linked-de', { lang: 'de' })];
    expect(titles(relatedPages(refunds, buildRelatedIndex(pages)))).toEqual(['linked-de']);
  });

  it('orders pages of equal score by title', () => {
    const refunds = page('refunds', { tags: ['billing'] });
    const pages = [refunds, page('c', { tags: ['billing'] }), page('a', { tags: ['billing'] }), page('b', { tags: ['billing'] })];
    expect(titles(relatedPages(refunds, buildRelatedIndex(pages)))).toEqual(['a', 'b', 'c']);
  });

  it('never lists the page itself, even when it links to itself', () => {
    const refunds = page('refunds', { linksTo: ['/refunds/'], tags: ['billing'] });
    expect(relatedPages(refunds, buildRelatedIndex([refunds]))).toEqual([]);
  });

  it('never lists drafts', () => {
    const refunds = page('refunds', { linksTo: ['/draft/'], tags: ['billing'] });
    const pages = [refunds, page('draft', { draft: true, tags: ['billing'] }), page('published', { tags: ['billing'] })];
    expect(titles(relatedPages(refunds, buildRelatedIndex(pages)))).toEqual(['published']);
  });

  it('skips links to URLs that are no page', () => {
    const refunds = page('refunds', { linksTo: ['/policies/'] });
    expect(relatedPages(refunds, buildRelatedIndex([refunds]))).toEqual([]);
  });

  it('lists five pages unless told otherwise, the best first', () => {
    const refunds = page('refunds', { linksTo: ['/p1/'], tags: ['billing'] });
    const pages = [refunds, ...Array.from({ length: 8 }, (_, n) => page(`p${n}`, { tags: ['billing'] }))];
    const index = buildRelatedIndex(pages);
    expect(titles(relatedPages(refunds, index))).toEqual(['p1', 'p0', 'p2', 'p3', 'p4']);
    expect(titles(relatedPages(refunds, index, 2))).toEqual(['p1', 'p0']);
    expect(relatedPages(refunds, index, 0)).toEqual([]);
  });
});
