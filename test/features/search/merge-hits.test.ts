/**
 * The browser's search merges one Pagefind lookup per word: these are the ranking rules it must
 * share with the server's search (no word required, coverage counts, synonyms weigh less).
 */
import { describe, expect, it } from 'vitest';
import { titleWords } from '../../../src/features/search/coverage.ts';
import { type HeadingPlaces, mergeTermHits } from '../../../src/features/search/merge-hits.ts';
import type { QueryTerm } from '../../../src/features/search/query.ts';

const typed = (word: string): QueryTerm => ({ word, weight: 1 });

describe('mergeTermHits', () => {
  it('keeps pages that match only some of the words', () => {
    const merged = mergeTermHits([
      { term: typed('refund'), hits: [{ id: 'refunds', score: 2 }] },
      { term: typed('roaming'), hits: [{ id: 'roaming', score: 2 }] },
    ]);
    expect(merged.map((page) => page.id).sort()).toEqual(['refunds', 'roaming']);
  });

  it('ranks a page matching the whole question above one repeating a single word', () => {
    const merged = mergeTermHits([
      {
        term: typed('refund'),
        hits: [
          { id: 'mentions-refund-often', score: 5 },
          { id: 'answers', score: 1.5 },
        ],
      },
      { term: typed('window'), hits: [{ id: 'answers', score: 1.5 }] },
    ]);
    expect(merged.map((page) => page.id)).toEqual(['answers', 'mentions-refund-often']);
    // 3 points, times (1 + 2/2)^3; against 5 points times (1 + 1/2)^3.
    expect(merged[0]?.score).toBeCloseTo(24);
    expect(merged[1]?.score).toBeCloseTo(16.875);
  });

  it('weighs synonyms less, and counts them for the words they stand in for', () => {
    const merged = mergeTermHits([
      { term: typed('dispute'), hits: [{ id: 'disputes', score: 1 }] },
      {
        term: { word: 'chargeback', weight: 0.6, synonym: { member: ['chargeback'], of: ['dispute'] } },
        hits: [{ id: 'chargebacks', score: 1 }],
      },
    ]);
    expect(merged.map((page) => [page.id, page.score])).toEqual([
      ['disputes', 8],
      ['chargebacks', 0.6 * 8],
    ]);
  });

  it('counts a synonym of several words only for a page that has all of them', () => {
    const synonym = { member: ['company', 'meeting'], of: ['all', 'hands'] };
    const merged = mergeTermHits([
      { term: typed('all'), hits: [] },
      { term: typed('hands'), hits: [] },
      {
        term: { word: 'company', weight: 0.6, synonym },
        hits: [
          { id: 'company-meeting', score: 1 },
          { id: 'about-us', score: 1 },
        ],
      },
      { term: { word: 'meeting', weight: 0.6, synonym }, hits: [{ id: 'company-meeting', score: 1 }] },
    ]);
    expect(merged.map((page) => [page.id, page.score])).toEqual([
      ['company-meeting', 1.2 * 8],
      ['about-us', 0.6],
    ]);
  });

  it('counts a correction for the misspelt word it replaces', () => {
    const merged = mergeTermHits([
      { term: typed('cryptograhy'), hits: [] },
      { term: { word: 'cryptography', weight: 0.8, corrects: 'cryptograhy' }, hits: [{ id: 'security', score: 1 }] },
      { term: typed('policy'), hits: [{ id: 'security', score: 1 }] },
    ]);
    expect(merged[0]?.id).toBe('security');
    expect(merged[0]?.score).toBeCloseTo(1.8 * 8);
    expect(merged[0]?.hits.map((entry) => entry.term.word)).toEqual(['policy', 'cryptography']);
  });

  it('boosts a page by the share of the question its title answers with one of its headings', () => {
    // Both pages match both words equally; only "logo" has them in its title and one heading.
    const places: Record<string, HeadingPlaces> = {
      logo: {
        titleEnd: 2,
        headings: [
          [10, 17],
          [40, 44],
        ],
      },
      naming: { titleEnd: 2, headings: [[5, 7]] },
    };
    const merged = mergeTermHits(
      [
        {
          term: typed('sourcegraph'),
          hits: [
            { id: 'naming', score: 1, words: [30] },
            { id: 'logo', score: 1, words: [16] },
          ],
        },
        {
          term: typed('name'),
          hits: [
            { id: 'naming', score: 1, words: [0, 6] },
            { id: 'logo', score: 1, words: [15, 41] },
          ],
        },
      ],
      [],
      (id) => ({ title: titleWords(id), places: places[id] }),
    );
    // 2 points, times (1 + 1)^3 for the whole question, times 1 + 1 (heading) or 1 + 1/2 (title).
    expect(merged.map((page) => [page.id, page.score])).toEqual([
      ['logo', 32],
      ['naming', 24],
    ]);
  });

  it('counts a synonym in a heading for the words it stands in for, and nothing where places are unknown', () => {
    const synonym = { member: ['company', 'meeting'], of: ['all', 'hands'] };
    const searches = [
      { term: typed('all'), hits: [] },
      { term: typed('hands'), hits: [] },
      { term: { word: 'company', weight: 0.5, synonym }, hits: [{ id: 'meetings', score: 1, words: [3] }] },
      { term: { word: 'meeting', weight: 0.5, synonym }, hits: [{ id: 'meetings', score: 1, words: [4] }] },
    ];
    const withPlaces = mergeTermHits(searches, [], () => ({ title: titleWords('Meetings'), places: { titleEnd: 1, headings: [[3, 5]] } }));
    expect(withPlaces[0]?.score).toBe(1 * 8 * 2);
    expect(mergeTermHits(searches)[0]?.score).toBe(1 * 8);
  });

  it('boosts a page by the share of the question’s words, stop words included, its title has', () => {
    const searches = [
      {
        term: typed('slack'),
        hits: [
          { id: 'customer-channels', score: 1.1 },
          { id: 'using-slack', score: 1 },
        ],
      },
      {
        term: typed('channels'),
        hits: [
          { id: 'customer-channels', score: 1.1 },
          { id: 'using-slack', score: 1 },
        ],
      },
    ];
    const titles: Record<string, string> = { 'customer-channels': 'Customer Slack channels', 'using-slack': 'How we use Slack' };
    const question = ['how', 'should', 'i', 'use', 'slack', 'channels'];
    const merged = mergeTermHits(searches, question, (id) => ({ title: titleWords(titles[id] ?? ''), places: undefined }));
    // "how", "use" and "slack" against "slack" and "channels": 3/6 against 2/6 of the question.
    expect(merged.map((page) => [page.id, page.score])).toEqual([
      ['using-slack', 2 * 8 * 1.5],
      ['customer-channels', 2.2 * 8 * (1 + 2 / 6)],
    ]);
  });

  it('ranks the first `limit` pages as it ranks them all, boosts included', () => {
    // Twelve pages; the title boost lifts the tenth to the top.
    const ids = Array.from({ length: 12 }, (_, index) => `page-${index}`);
    const searches = [{ term: typed('refund'), hits: ids.map((id, index) => ({ id, score: 10 - index / 2 })) }];
    const facts = (id: string) => ({ title: titleWords(id === 'page-9' ? 'Refund' : 'Other'), places: undefined });
    const all = mergeTermHits(searches, ['refund'], facts).map((page) => [page.id, page.score]);
    expect(all.slice(0, 3)).toEqual([
      ['page-9', 5.5 * 8 * 2],
      ['page-0', 10 * 8],
      ['page-1', 9.5 * 8],
    ]);
    const limited = mergeTermHits(searches, ['refund'], facts, 3);
    expect(limited.map((page) => [page.id, page.score]).slice(0, 3)).toEqual(all.slice(0, 3));
    expect(limited).toHaveLength(12);
  });

  it('puts the pages titled the question first, whatever their score, and adds those no word found', () => {
    const searches = [
      {
        term: typed('complaint'),
        hits: [
          { id: 'module', score: 9 },
          { id: 'policy', score: 2 },
        ],
      },
      { term: typed('handling'), hits: [{ id: 'module', score: 9 }] },
    ];
    expect(mergeTermHits(searches, ['complaint', 'handling'], undefined, 10).map((page) => page.id)).toEqual(['module', 'policy']);
    expect(mergeTermHits(searches, ['complaint', 'handling'], undefined, 10, new Set(['policy'])).map((page) => page.id)).toEqual([
      'policy',
      'module',
    ]);
    const withUnmatched = mergeTermHits(searches, ['complaint', 'handling'], undefined, 1, new Set(['policy', 'unmatched']));
    expect(withUnmatched.map((page) => [page.id, page.score, page.hits.length])).toEqual([
      ['policy', expect.any(Number), 1],
      ['unmatched', 0, 0],
      ['module', expect.any(Number), 2],
    ]);
  });
});
