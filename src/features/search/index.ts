/**
 * Search: page text, the lunr index, query rules, typo correction, synonyms and merging languages.
 *
 * What other parts of Knowhow (pages, the server, the build, the command line) may use of this
 * feature's logic; it loads none of its server side. They import it from here, never from its files.
 */
export { synonymsFor } from './built-in-synonyms.ts';
export { TITLE_END_ID, clientDataFile, encodeHeadingPlaces, resultCardsFile } from './client-data.ts';
export type { ClientSearchData, ResultCards } from './client-data.ts';
export { pageName, searchDocument } from './documents.ts';
export { englishStopWordFilter, lunr } from './lunr-languages.ts';
export type { SearchLanguage } from './lunr-languages.ts';
export { mergeLanguages } from './merge-languages.ts';
export { pageSections } from './page-text.ts';
export { parseFragment } from './pagefind-fragment.ts';
export type { PagefindData } from './pagefind-fragment.ts';
export { polishStem } from './polish-stemmer.ts';
export { MAX_QUERY_LENGTH, tokenize } from './query.ts';
export { normaliseQuestion } from './question.ts';
export { createBundleBuilder } from './search-index.ts';
export type { BundleBuilder, SearchBundle } from './search-index.ts';
export { searchLanguage } from './search-languages.ts';
export { createSearcher } from './search.ts';
export type { Searcher } from './search.ts';
