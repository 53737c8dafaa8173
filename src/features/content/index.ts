/**
 * The content folder: settings, front matter, owners, paths, links, sections, review dates, the Markdown pipeline and its checks.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { acknowledgeText, acknowledgeVersion, textHash } from './acknowledge.ts';
export { checkSite, suggestAnchors } from './checks.ts';
export { loadOwners } from './codeowners.ts';
export { ContentDirError, DEFAULT_CONTENT_DIR, assertContentDir, resolveContentDir } from './content-dir.ts';
export { forgetContentIndex } from './content-index.ts';
export { formatDuration, parseDuration } from './duration.ts';
export { FIELD_BOOSTS } from './field-boosts.ts';
export { PAGE_TYPES, parseFrontMatter, splitFrontMatter } from './frontmatter.ts';
export type { PageType } from './frontmatter.ts';
export { lastCommitDates } from './git-dates.ts';
export { pageInLanguage } from './in-language.ts';
export { buildContentIndex, resolveLink } from './links.ts';
export type { ContentIndex } from './links.ts';
export { YamlMarkError, setYamlField } from './mark-yaml.ts';
export { isCalloutKind } from './markdown/callout-kinds.ts';
export { translateCalloutTitles } from './markdown/callout-titles.ts';
export type { Outline } from './outline.ts';
export { HOME_ID, idForUrl, isPageFile, joinPath, translationOf, urlForFile } from './paths.ts';
export { formatReport } from './problems.ts';
export type { Problem, ProblemCode } from './problems.ts';
export { buildRelatedIndex, relatedPages } from './related.ts';
export type { RelatedIndex } from './related.ts';
export { REVIEW_STATES, daysBetween, reviewState, reviewStateOn, todayIso } from './review.ts';
export type { ReviewState } from './review.ts';
export { listFiles } from './scan.ts';
export { buildSections } from './sections.ts';
export {
  DEFAULT_PUBLIC_URL,
  absoluteUrl,
  loadSettings,
  publicUrlNotice,
  publicUrlOf,
  publicUrlProblem,
  withPublicUrl,
} from './settings.ts';
export type { Settings } from './settings.ts';
export { closest, quoteList } from './suggest.ts';
export { isOriginal, linkTranslations } from './translations.ts';
export type { LoadedPage, PageRecord, SectionRecord } from './types.ts';
