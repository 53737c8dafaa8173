/**
 * The browser's search asks Pagefind for each word of the question separately (Pagefind alone
 * only finds pages that contain every word) and merges the answers here: a page's score is the
 * sum of its word scores, weighted like the words (synonyms and corrections count less), times
 * the coverage boost for the share of the typed words it matches, or matches a synonym of.
 */
import { coverageBoost } from './coverage.ts';
import { type QueryTerm, synonymsOf } from './query.ts';

export interface TermHit {
  id: string;
  score: number;
}

export interface TermSearch<Hit extends TermHit> {
  term: QueryTerm;
  hits: Hit[];
}

export interface MergedPage<Hit extends TermHit> {
  id: string;
  score: number;
  /** The page's hit for each word it matched, best word first. */
  hits: { term: QueryTerm; hit: Hit }[];
}

/** `searches` holds one entry per word searched, stop words already left out. */
export function mergeTermHits<Hit extends TermHit>(searches: TermSearch<Hit>[]): MergedPage<Hit>[] {
  const typed = searches.filter(({ term }) => term.weight === 1).map(({ term }) => term.word);
  const searched = new Set(searches.map(({ term }) => term.word));
  // A synonym's words that were searched (its stop words were not): a page needs all of them.
  const synonyms = synonymsOf(searches.map(({ term }) => term))
    .map(({ member, of }) => ({ words: member.filter((word) => searched.has(word)), of }))
    .filter(({ words }) => words.length > 0);
  const pages = new Map<string, { score: number; hits: { term: QueryTerm; hit: Hit }[]; covered: Set<string> }>();
  for (const { term, hits } of searches) {
    // A correction stands in for the word it corrects.
    const counts = term.corrects ?? (term.weight === 1 ? term.word : undefined);
    for (const hit of hits) {
      let page = pages.get(hit.id);
      if (!page) {
        page = { score: 0, hits: [], covered: new Set() };
        pages.set(hit.id, page);
      }
      page.score += term.weight * hit.score;
      page.hits.push({ term, hit });
      if (counts !== undefined) page.covered.add(counts);
    }
  }
  for (const page of pages.values()) {
    const matched = new Set(page.hits.map(({ term }) => term.word));
    for (const { words, of } of synonyms) if (words.every((word) => matched.has(word))) for (const word of of) page.covered.add(word);
  }
  return [...pages]
    .map(([id, page]) => ({
      id,
      score: page.score * coverageBoost(typed.length === 0 ? 0 : page.covered.size / typed.length),
      hits: page.hits.sort((a, b) => b.term.weight * b.hit.score - a.term.weight * a.hit.score),
    }))
    .sort((a, b) => b.score - a.score);
}
