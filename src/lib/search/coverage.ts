/**
 * Agents type questions, not keywords: a page that answers more of the question ranks above one
 * that repeats a single word of it. Both search paths (the server's lunr and the browser's
 * Pagefind) score pages their own way, then multiply by this boost.
 */

/**
 * Cubed: measured with npm run bench:search, between a page that matches one word often and one
 * that matches the whole question, the second should clearly win.
 */
export function coverageBoost(coverage: number): number {
  return (1 + coverage) ** 3;
}
