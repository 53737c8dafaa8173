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
export const MOST_TITLE_AND_HEADING_BOOST = headingBoost(1) * titleBoost(1);

/**
 * The share of `question`'s words (tokenized) found among the words of `title`, a plural s
 * aside. Words of the question are counted once each; the last one, which may be half typed,
 * also counts when a word of the title starts with it.
 */
export function titleShare(question: readonly string[], title: string): number {
  const words = [...new Set(question.map(singular))];
  if (words.length === 0) return 0;
  const titleWords = tokenize(title);
  const inTitle = new Set(titleWords.map(singular));
  const last = question[question.length - 1] ?? '';
  const found = words.filter((word) => inTitle.has(word));
  if (last.length >= 2 && !inTitle.has(singular(last)) && titleWords.some((word) => word.startsWith(last))) found.push(last);
  return found.length / words.length;
}
