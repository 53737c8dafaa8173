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
