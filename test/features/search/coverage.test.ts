/**
 * The title boost both search paths use (how much of the question a page's title has), and the
 * server's search skipping pages that cannot make the results once boosted.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { synonymsFor } from '../../../src/features/search/built-in-synonyms.ts';
import { titleKey, titleShare, titlesFirst, titleWords } from '../../../src/features/search/coverage.ts';
import { tokenize } from '../../../src/features/search/query.ts';
import { createSearcher } from '../../../src/features/search/search.ts';
import { buildSearchBundle } from '../../../src/features/search/search-index.ts';
import { sampleDocuments } from '../../helpers/sample-documents.ts';

const questions = JSON.parse(readFileSync(new URL('../../search-quality/kestrel.json', import.meta.url), 'utf8')) as { q: string }[];

describe('titleShare', () => {
  const share = (question: string, title: string) => titleShare(tokenize(question))(titleWords(title));

  it('counts the question’s words in the title, stop words included, a plural s aside', () => {
    expect(share('how should I use slack channels', 'How we use Slack at Sourcegraph')).toBeCloseTo(3 / 6);
    expect(share('refund', 'Refunds')).toBe(1);
    expect(share('refund policy', 'Chargebacks and disputes')).toBe(0);
  });

  it('counts a repeated word once', () => {
    expect(share('one on one', 'One on ones')).toBe(1);
  });

  it('counts the last, half-typed word when a title word starts with it, and only that one', () => {
    expect(share('chargeback disp', 'Chargebacks and disputes')).toBe(1);
    expect(share('disp chargeback', 'Chargebacks and disputes')).toBe(0.5);
  });

  it('is 0 for a question with no words', () => {
    expect(share('?!', 'Refunds')).toBe(0);
  });
});

describe('the exact-title rule', () => {
  it('compares titles and questions word for word, case, spaces, punctuation and diacritics aside', () => {
    expect(titleKey('Valitusten käsittely')).toBe(titleKey('  valitusten  KASITTELY?'));
    expect(titleKey('Obsługa reklamacji')).toBe(titleKey('obsluga reklamacji'));
    expect(titleKey('Beschwerden: Straße & Co.')).toBe(titleKey('beschwerden strasse co'));
    expect(titleKey('Version 5.1.5 notes')).toBe('version 5.1.5 notes');
    expect(titleKey('?!')).toBe('');
  });

  it('does not take part of a title, a title in a longer question, or other forms of its words for it', () => {
    expect(titleKey('Complaint handling')).not.toBe(titleKey('Complaint'));
    expect(titleKey('Complaint handling')).not.toBe(titleKey('complaint handling policy'));
    expect(titleKey('Complaint handling')).not.toBe(titleKey('handling complaints'));
    expect(titleKey('Refunds')).not.toBe(titleKey('refund'));
  });

  it('puts the pages it holds for first, each group in its order', () => {
    expect(titlesFirst(['a', 'b', 'c', 'd'], (page) => page === 'c' || page === 'd')).toEqual(['c', 'd', 'a', 'b']);
    const none = ['a', 'b'];
    expect(titlesFirst(none, () => false)).toBe(none);
  });
});

describe('the server’s search with the boosts', () => {
  // It works out heading and title matches only for pages that can still make the results.
  it('gives the first results a short list would get from a long one', () => {
    const searcher = createSearcher(buildSearchBundle('en', sampleDocuments()), synonymsFor('en', { synonyms: [] }));
    for (const { q } of questions) {
      const long = searcher.search(q, { limit: 200 }).map((hit) => [hit.url, hit.score]);
      expect(
        searcher.search(q, { limit: 3 }).map((hit) => [hit.url, hit.score]),
        q,
      ).toEqual(long.slice(0, 3));
    }
  });
});
