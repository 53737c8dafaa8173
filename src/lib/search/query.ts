/**
 * How a typed question becomes lunr clauses. Agents type questions, not keywords, so:
 * - no word is required: a page ranks by how many (and which) words it matches;
 * - stop words are dropped and words stemmed by the language's pipeline;
 * - every word also matches as a prefix (the last one is often half typed);
 * - a word the site never uses is corrected to the site's closest words (vocabulary.ts): cheaper
 *   and surer than lunr's fuzzy matching, which compares against stems;
 * - synonyms from knowhow.yaml add their other words ("dispute" finds "chargeback").
 */
import type { lunr } from './languages.ts';
import { corrections, type Vocabulary } from './vocabulary.ts';

export interface QueryTerm {
  /** The word as typed, lower-cased. */
  word: string;
  /** Relative weight: 1 for typed words, less for words added by synonyms. */
  weight: number;
  /** The last word typed, which may be half a word. */
  last?: boolean;
  /** For a correction, the typed word it corrects. */
  corrects?: string;
}

/** The longest question the API and the search page accept. */
export const MAX_QUERY_LENGTH = 200;

const SYNONYM_WEIGHT = 0.6;
const CORRECTION_WEIGHT = 0.8;

export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The words to search for: the typed ones, the site's words for any it does not use (typos),
 * then the other members of any synonym group they hit.
 */
export function queryTerms(text: string, synonyms: readonly (readonly string[])[] = [], vocabulary?: Vocabulary): QueryTerm[] {
  const typedWords = tokenize(text);
  const terms: QueryTerm[] = typedWords.map((word, index) => ({
    word,
    weight: 1,
    ...(index === typedWords.length - 1 ? { last: true } : {}),
  }));
  const words = [...typedWords];
  if (vocabulary) {
    for (const word of typedWords) {
      for (const correction of corrections(word, vocabulary)) {
        terms.push({ word: correction, weight: CORRECTION_WEIGHT, corrects: word });
        words.push(correction);
      }
    }
  }
  const typed = ` ${words.join(' ')} `;
  const seen = new Set(words);
  // A misspelt word and its correction both stay in `words`, so synonyms of the correction count.
  for (const group of synonyms) {
    const members = group.map((member) => tokenize(member).join(' ')).filter(Boolean);
    if (!members.some((member) => typed.includes(` ${member} `))) continue;
    for (const member of members) {
      for (const word of member.split(' ')) {
        if (seen.has(word)) continue;
        seen.add(word);
        terms.push({ word, weight: SYNONYM_WEIGHT });
      }
    }
  }
  return terms;
}

/** Adds the clauses for the terms to a lunr query. Words the pipeline drops (stop words) add nothing. */
export function addClauses(query: lunr.Query, terms: QueryTerm[], pipeline: lunr.Pipeline, presence: lunr.Query.presence): void {
  for (const { word, weight, last } of terms) {
    if (pipeline.runString(word).length === 0) continue;
    query.term(word, { boost: 10 * weight, presence });
    if (last && word.length >= 2) query.term(word, { boost: 3 * weight, wildcard: 2, usePipeline: false, presence });
  }
}
