/**
 * After the pages are built: the server-only search files, one per language, from the text of
 * the built pages (the text the in-page search indexes too).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteModel } from '../lib/content/types.ts';
import { type SearchDocument, searchDocument } from '../lib/search/documents.ts';
import { type SearchLanguage, searchLanguage } from '../lib/search/languages.ts';
import { pageSections } from '../lib/search/page-text.ts';
import { buildSearchBundle } from '../lib/search/search-index.ts';
import { SEARCH_DIR } from '../lib/server/search-service.ts';

export function writeSearchIndexes(site: SiteModel, clientDir: string, serverDir: string): Record<string, number> {
  const byLanguage = new Map<SearchLanguage, SearchDocument[]>();
  for (const page of site.pages) {
    if (page.draft) continue;
    const html = readFileSync(join(clientDir, page.url, 'index.html'), 'utf8');
    const language = searchLanguage(page.lang);
    const documents = byLanguage.get(language) ?? [];
    documents.push(searchDocument(page, site, pageSections(html)));
    byLanguage.set(language, documents);
  }
  mkdirSync(join(serverDir, SEARCH_DIR), { recursive: true });
  const counts: Record<string, number> = {};
  for (const [language, documents] of byLanguage) {
    writeFileSync(join(serverDir, SEARCH_DIR, `${language}.json`), JSON.stringify(buildSearchBundle(language, documents)));
    counts[language] = documents.length;
  }
  return counts;
}
