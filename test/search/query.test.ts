import { describe, expect, it } from 'vitest';
import { queryTerms, tokenize } from '../../src/lib/search/query.ts';
import { pageName } from '../../src/lib/search/search-index.ts';
import { boundedDistance, buildVocabulary, corrections, loadVocabulary } from '../../src/lib/search/vocabulary.ts';

describe('tokenize', () => {
  it('splits on anything but letters and digits, in lower case, keeping accented letters', () => {
    expect(tokenize("Customer's refund – after 30 days? Größe")).toEqual(['customer', 's', 'refund', 'after', '30', 'days', 'größe']);
  });
});

describe('queryTerms', () => {
  const synonyms = [
    ['chargeback', 'dispute', 'disputed payment'],
    ['refund', 'money back'],
  ];

  it('keeps every typed word at full weight', () => {
    expect(queryTerms('refund after 30 days')).toEqual([
      { word: 'refund', weight: 1 },
      { word: 'after', weight: 1 },
      { word: '30', weight: 1 },
      { word: 'days', weight: 1 },
    ]);
  });

  it('adds the other members of a synonym group the question hits, including phrases', () => {
    expect(queryTerms('customer wants money back', synonyms).filter((term) => term.weight < 1)).toEqual([{ word: 'refund', weight: 0.6 }]);
    expect(queryTerms('bank says disputed payment', synonyms).map((term) => term.word)).toEqual([
      'bank',
      'says',
      'disputed',
      'payment',
      'chargeback',
      'dispute',
    ]);
  });

  it('does not match part of a phrase', () => {
    expect(queryTerms('money', synonyms).map((term) => term.word)).toEqual(['money']);
  });

  it('adds the site’s own words for misspelt ones, and their synonyms', () => {
    const vocabulary = loadVocabulary(buildVocabulary(['chargeback', 'chargeback', 'verification', 'customer']));
    expect(queryTerms('chargebak', synonyms, vocabulary)).toEqual([
      { word: 'chargebak', weight: 1 },
      { word: 'chargeback', weight: 0.8 },
      { word: 'dispute', weight: 0.6 },
      { word: 'disputed', weight: 0.6 },
      { word: 'payment', weight: 0.6 },
    ]);
  });
});

describe('corrections', () => {
  const vocabulary = loadVocabulary(
    buildVocabulary(['cryptography', 'identity', 'identify', 'identify', 'verification', 'refund', 'refunds']),
  );

  it('finds the word one typo away, the most frequent first, from eight letters two typos away', () => {
    expect(corrections('identty', vocabulary)).toEqual(['identity']);
    expect(corrections('identiy', vocabulary)).toEqual(['identify', 'identity']);
    expect(corrections('cryptograhy', vocabulary)).toEqual(['cryptography']);
    expect(corrections('verificaton', vocabulary)).toEqual(['verification']);
  });

  it('leaves known, short and far-off words alone', () => {
    expect(corrections('refund', vocabulary)).toEqual([]);
    expect(corrections('rfd', vocabulary)).toEqual([]);
    expect(corrections('identification', vocabulary)).toEqual([]);
  });

  it('counts a swap of two letters as one edit', () => {
    expect(boundedDistance('refnud', 'refund', 2)).toBe(1);
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('pageName', () => {
  it('gives the words of the page and folder names, which authors choose for what a page is about', () => {
    expect(pageName('/benefits-pay-perks/benefits-perks/time-off/')).toBe('benefits perks time off');
    expect(pageName('/faq/router_lights/')).toBe('faq router lights');
    expect(pageName('/policies/')).toBe('policies');
  });
});
