/**
 * The whole handbook as one model: content with the training modules' quizzes, loaded for the check, the build and the pages.
 *
 * What Astro's pages and components may use of this feature: it reads Astro's content
 * collections (astro:content), so nothing else imports it.
 */
export { getSite, isVisible, originalOf, pageById, pageByUrl, relatedIndex, sectionByUrl, sectionTrail } from './site/get-site.ts';
export { pageBody } from './site/page-content.ts';
export type { MarkdownEntryData, PageBody } from './site/page-content.ts';
