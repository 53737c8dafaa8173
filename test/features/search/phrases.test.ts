import { describe, expect, it } from 'vitest';
import { phraseFinder } from '../../../src/features/search/phrases.ts';
import { tokenize } from '../../../src/features/search/query.ts';

describe('phraseFinder', () => {
  it('finds the phrases a text has word for word, across every text it scans', () => {
    const finder = phraseFinder([
      ['time', 'off'],
      ['paid', 'time', 'off'],
      ['holiday', 'allowance'],
      ['all', 'hands'],
    ]);
    finder.scan(tokenize('Take paid time off when you need it.'));
    finder.scan(tokenize('Every holiday has an allowance; all of it. Hands up! All hands on deck.'));
    expect(finder.found()).toEqual(['all hands', 'paid time off', 'time off']);
  });

  it('leaves single words to the vocabulary', () => {
    const finder = phraseFinder([['vacation']]);
    finder.scan(['vacation']);
    expect(finder.found()).toEqual([]);
  });
});
