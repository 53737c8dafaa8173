/**
 * Searching every language at once: each language's index answers in its own language's words
 * (stemming, stop words, synonyms), and the answers are merged here by score. Both search paths
 * score pages the same way in every language, so the scores compare; where two are equal, the
 * reader's language comes first, then the languages in the order given. Only the reader's
 * language corrects typos: another language's index would take the reader's words for typos of
 * its own look-alikes ("Antwort" for a word it has), and rank its pages for them.
 */
export interface LanguageHit {
  score: number;
  /** The language of the page, e.g. `de`. */
  lang: string;
}

/**
 * Scores that agree to two significant digits count as equal: a page and its translation that
 * answer a question alike get slightly different scores from indexes of different sizes.
 */
function relevance(score: number): number {
  return score > 0 ? Number(score.toPrecision(2)) : 0;
}

/**
 * The best `limit` hits of several languages' answers (each best first), best first.
 * @param readerLang the reader's language, whose pages come first at equal relevance
 */
export function mergeLanguages<Hit extends LanguageHit>(answers: Hit[][], readerLang: string, limit: number): Hit[] {
  const order = (hit: Hit, index: number) => (primary(hit.lang) === primary(readerLang) ? -1 : index);
  return answers
    .flatMap((hits, index) => hits.map((hit) => ({ hit, order: order(hit, index) })))
    .sort((a, b) => relevance(b.hit.score) - relevance(a.hit.score) || a.order - b.order || b.hit.score - a.hit.score)
    .slice(0, limit)
    .map(({ hit }) => hit);
}

function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? lang;
}
