/**
 * The content folder: settings, front matter, owners, paths, links, sections, review dates, the Markdown pipeline and its checks.
 *
 * What the browser scripts of other features may use of this feature: it loads no Node module
 * and no package, so it adds only what is used to the page's JavaScript.
 */
export { reviewState } from './review.ts';
export type { ReviewState } from './review.ts';
