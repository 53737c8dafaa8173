import { singular, tokenize } from './query.ts';

/**
 * Agents type questions, not keywords: a page that answers more of the question ranks above one
 * that repeats a single word of it. Both search paths (the server's lunr and the browser's
 * Pagefind) score pages their own way, then multiply by these boosts.
 */

/**
 * Cubed: measured with npm run bench:search, between a page that matches one word often and one
 * that matches the whole question, the second should clearly win.
 */
export function coverageBoost(coverage: number): number {
  return (1 + coverage) ** 3;
}

/**
 * For the largest share of the question that the page's title (with its file name and aliases)
 * answers, alone or together with one of its headings: a page with a section about the question
 * ("How did we get the name Sourcegraph?") ranks above a sibling that only shares its words.
 * Measured with npm run bench:search on both question sets and on handbook questions written
 * after the other boosts were settled: up to twice the score, linearly.
 */
export function headingBoost(coverage: number): number {
  return 1 + coverage;
}

/**
 * For the share of the question's words, stop words included, that the page's title has: a
 * title worded like the question ("How we use Slack" for "how should I use slack channels")
 * marks the page the question is about. Measured with npm run bench:search and on handbook
 * questions written afterwards: up to twice the score, linearly.
 */
export function titleBoost(share: number): number {
  return 1 + share;
}

/** The most the heading and title boosts together multiply a score by. */
const MOST_TITLE_AND_HEADING_BOOST = headingBoost(1) * titleBoost(1);

/**
 * Candidates sorted by score, with `boost` (their heading and title boosts, at most
 * MOST_TITLE_AND_HEADING_BOOST) applied: best first, exactly so for the first `limit`. Past the
 * candidate whose score, so multiplied, cannot reach the best `limit` so far, none can: those
 * are not boosted, and follow in their order. Both search paths rank with it.
 */
export function boostBest<Candidate extends { score: number }>(
  sorted: Candidate[],
  limit: number,
  boost: (candidate: Candidate) => number,
): Candidate[] {
  const boosted: Candidate[] = [];
  const topScores: number[] = [];
  let at = 0;
  for (; at < sorted.length; at++) {
    const candidate = sorted[at] as Candidate;
    if (topScores.length >= limit && candidate.score * MOST_TITLE_AND_HEADING_BOOST < (topScores[limit - 1] as number)) break;
    const score = candidate.score * boost(candidate);
    boosted.push({ ...candidate, score });
    topScores.push(score);
    topScores.sort((a, b) => b - a);
    if (topScores.length > limit) topScores.length = limit;
  }
  return [...boosted.sort((a, b) => b.score - a.score), ...sorted.slice(at)];
}

/** A title's words, as titleShare compares them: worked out once per page. */
export interface TitleWords {
  words: string[];
  /** The words without a plural s. */
  singular: Set<string>;
}

export function titleWords(title: string): TitleWords {
  const words = tokenize(title);
  return { words, singular: new Set(words.map(singular)) };
}

/**
 * The share of `question`'s words (tokenized) found among a title's words, a plural s aside.
 * Words of the question are counted once each; the last one, which may be half typed, also
 * counts when a word of the title starts with it.
 */
export function titleShare(question: readonly string[]): (title: TitleWords) => number {
  const words = [...new Set(question.map(singular))];
  const last = question[question.length - 1] ?? '';
  const lastSingular = singular(last);
  return (title) => {
    if (words.length === 0) return 0;
    let found = 0;
    for (const word of words) if (title.singular.has(word)) found++;
    if (last.length >= 2 && !title.singular.has(lastSingular) && title.words.some((word) => word.startsWith(last))) found++;
    return found / words.length;
  };
}

/**
 * A title or a question as the title rule compares them: its words (tokenize: case, spaces and
 * punctuation aside) without their diacritics, which agents often leave out ("Valitusten
 * kasittely"; Pagefind matches words without them too), one space apart.
 */
export function titleKey(text: string): string {
  return tokenize(text)
    .map((word) =>
      word
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[łßø]/g, (letter) => FOLDED[letter] ?? letter),
    )
    .join(' ');
}

/** Letters without a diacritic that Unicode does not decompose. */
const FOLDED: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o' };

/**
 * The exact-title rule, for both search paths and for every language merged: a page whose title
 * is the whole question, word for word (titleKey), comes first, whatever its score. A question
 * that is only part of a title, or a title that is only part of the question, is left to the
 * title boost. `ranked` best first; those for which `isTitle` holds are put before the others,
 * each group in its order.
 */
export function titlesFirst<Candidate>(ranked: Candidate[], isTitle: (candidate: Candidate) => boolean): Candidate[] {
  const titled = ranked.filter(isTitle);
  if (titled.length === 0) return ranked;
  return [...titled, ...ranked.filter((candidate) => !isTitle(candidate))];
}
