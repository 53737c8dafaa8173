/**
 * createLunrQuery must score exactly as lunr.Index.prototype.query does: it is only a faster way
 * to evaluate the same query over the same index. Both answer the sample content's quality set,
 * synonyms, corrections and the half-typed last word included.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synonymsFor } from '../../../src/features/search/built-in-synonyms.ts';
import { lunr } from '../../../src/features/search/lunr-languages.ts';
import { type Clause, createLunrQuery } from '../../../src/features/search/lunr-query.ts';
import { queryClauses, queryTerms } from '../../../src/features/search/query.ts';
import { buildSearchBundle, loadIndex, lunrBuilder } from '../../../src/features/search/search-index.ts';
import { loadVocabulary } from '../../../src/features/search/vocabulary.ts';
import { sampleDocuments as documents } from '../../helpers/sample-documents.ts';

const questions = JSON.parse(readFileSync(new URL('../../search-quality/kestrel.json', import.meta.url), 'utf8')) as { q: string }[];

function lunrAnswer(index: lunr.Index, clauses: Clause[]) {
  return index.query((query) => {
    for (const { term, boost, prefix, usePipeline } of clauses)
      query.term(term, { boost, usePipeline, ...(prefix ? { wildcard: lunr.Query.wildcard.TRAILING } : {}) });
  });
}

describe('createLunrQuery', () => {
  const bundle = buildSearchBundle('en', documents());
  const index = loadIndex(bundle);
  const query = createLunrQuery(index);
  const pipeline = lunrBuilder('en').pipeline;
  const vocabulary = loadVocabulary(bundle.vocabulary);
  const synonyms = synonymsFor('en', { synonyms: [['chargeback', 'dispute', 'disputed payment']] });

  it('finds the pages, scores and matched terms lunr finds, for every question of the quality set', () => {
    let compared = 0;
    for (const { q } of questions) {
      for (const text of [q, q.slice(0, Math.ceil(q.length / 2))]) {
        const clauses = queryClauses(queryTerms(text, synonyms, vocabulary), pipeline);
        // Stop words only: lunr takes a query without clauses as "every page" (see below).
        if (clauses.length === 0) continue;
        const expected = lunrAnswer(index, clauses);
        const actual = new Map(query(clauses).map((match) => [match.ref, match]));
        expect(actual.size, text).toBe(expected.length);
        for (const match of expected) {
          const mine = actual.get(match.ref);
          expect(mine?.score, `${text}: ${match.ref}`).toBeCloseTo(match.score, 9);
          expect(mine?.terms.sort(), `${text}: ${match.ref}`).toEqual(Object.keys(match.matchData.metadata).sort());
        }
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('ranks best first, and finds nothing for words the index does not have', () => {
    const scores = query([{ term: 'refund', boost: 10, usePipeline: true }]).map((match) => match.score);
    expect(scores.length).toBeGreaterThan(3);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(query([{ term: 'zzzunknown', boost: 10, usePipeline: true }])).toEqual([]);
    // lunr answers a question of stop words only ("what is") with every page, at score 0.
    expect(query([])).toEqual([]);
  });
});
