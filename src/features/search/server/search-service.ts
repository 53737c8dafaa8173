/**
 * The search behind GET /api/search: the build's server-only search files (one per language,
 * integrations/search-index.ts), each loaded once, on its first query.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synonymsFor } from '../built-in-synonyms.ts';
import { SEARCH_LANGUAGES, searchLanguage } from '../lunr-languages.ts';
import { mergeLanguages } from '../merge-languages.ts';
import { createSearcher, type SearchHit, type Searcher, type SearchOptions } from '../search.ts';
import type { SearchBundle } from '../search-index.ts';
import { builtServerDir } from '../../handbook/server.ts';

export const SEARCH_DIR = 'search';

const searchers = new Map<string, Searcher | undefined>();

/** The searcher for a language, or undefined when the build made no index for it (or there is no build). */
export function searcherFor(lang: string, settings: Parameters<typeof synonymsFor>[1]): Searcher | undefined {
  const language = searchLanguage(lang);
  if (!searchers.has(language)) {
    const dir = builtServerDir();
    const path = dir ? join(dir, SEARCH_DIR, `${language}.json`) : undefined;
    const bundle = path && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SearchBundle) : undefined;
    searchers.set(language, bundle ? createSearcher(bundle, synonymsFor(language, settings)) : undefined);
  }
  return searchers.get(language);
}

/**
 * Every language's index asked the question in its own words, the answers merged by score, the
 * reader's language first at equal relevance (merge-languages.ts). Only the reader's language
 * corrects typos: the others would "correct" the reader's words into look-alikes of theirs.
 * Undefined when the build made no index at all.
 */
export function searchAllLanguages(
  text: string,
  options: SearchOptions & { readerLang: string },
  settings: Parameters<typeof synonymsFor>[1],
): SearchHit[] | undefined {
  const reader = searchLanguage(options.readerLang);
  const answers = SEARCH_LANGUAGES.flatMap((language) => {
    const searcher = searcherFor(language, settings);
    return searcher ? [searcher.search(text, { ...options, corrections: language === reader })] : [];
  });
  return answers.length > 0 ? mergeLanguages(answers, options.readerLang, options.limit, text) : undefined;
}
