/**
 * The search behind GET /api/search: the build's server-only search files (one per language,
 * integrations/search-index.ts), each loaded once, on its first query.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synonymsFor } from '../search/built-in-synonyms.ts';
import { searchLanguage } from '../search/languages.ts';
import { createSearcher, type Searcher } from '../search/search.ts';
import type { SearchBundle } from '../search/search-index.ts';
import { builtServerDir } from './manifest.ts';

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
