/**
 * Searching every language at once: each language's index answers in its own language's words
 * (stemming, stop words, synonyms), and the answers are merged here by score. Both search paths
 * score pages the same way in every language, so the scores compare; where two are equal, the
 * reader's language comes first, then the languages in the order given. Only the reader's
 * language corrects typos: another language's index would take the reader's words for typos of
 * its own look-alikes ("Antwort" for a word it has), and rank its pages for them. A page whose
 * title is the question comes first, whatever its score and language (coverage.ts, titlesFirst).
 */
import { titleKey } from './coverage.ts';

export interface LanguageHit {
  score: number;
  /** The language of the page, e.g. `de`. */
  lang: string;
  /** The page's title, for the exact-title rule (none: the rule leaves the hit where its score puts it). */
  title?: string | undefined;
}

/**
 * Scores within 2% of each other count as equal: a page and its translation that answer a
 * question alike get slightly different scores from indexes of different sizes. Hits are taken
 * in bands, each from the best score left down to 2% under it, so that two scores either side of
 * a rounding edge (21.50 and 21.49) still count as equal.
 */
const EQUAL_WITHIN = 0.02;

/**
 * The best `limit` hits of several languages' answers (each best first), best first: the pages
 * whose title is `question`, then the others.
 * @param readerLang the reader's language, whose pages come first at equal relevance
 */
export function mergeLanguages<Hit extends LanguageHit>(answers: Hit[][], readerLang: string, limit: number, question: string): Hit[] {
  const order = (hit: Hit, index: number) => (primary(hit.lang) === primary(readerLang) ? -1 : index);
  const byScore = answers
    .flatMap((hits, index) => hits.map((hit) => ({ hit, order: order(hit, index) })))
    .sort((a, b) => b.hit.score - a.hit.score);
  const key = titleKey(question);
  const titled = key === '' ? [] : byScore.filter(({ hit }) => hit.title !== undefined && titleKey(hit.title) === key);
  if (titled.length === 0) return inBands(byScore, limit);
  // Pages whose title is the question answer it alike: the reader's language first, then the
  // languages in the order given.
  const first = titled.sort((a, b) => a.order - b.order || b.hit.score - a.hit.score).map(({ hit }) => hit);
  const rest = byScore.filter((entry) => !titled.includes(entry));
  return [...first, ...inBands(rest, limit)].slice(0, limit);
}

/** Hits sorted by score, best first, in bands of equal scores, each band in the order of its languages. */
function inBands<Hit extends LanguageHit>(byScore: { hit: Hit; order: number }[], limit: number): Hit[] {
  const merged: Hit[] = [];
  for (let start = 0; start < byScore.length && merged.length < limit; ) {
    const floor = (byScore[start]?.hit.score ?? 0) * (1 - EQUAL_WITHIN);
    let end = start + 1;
    while (end < byScore.length && (byScore[end]?.hit.score ?? 0) >= floor) end++;
    const band = byScore.slice(start, end).sort((a, b) => a.order - b.order || b.hit.score - a.hit.score);
    merged.push(...band.map(({ hit }) => hit));
    start = end;
  }
  return merged.slice(0, limit);
}

function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? lang;
}
