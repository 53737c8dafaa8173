/**
 * Builds the server's search files while Astro bundles and prerenders the site, on the core
 * that would otherwise wait. Usage (by search-build.ts):
 *   search-worker.ts <project root> <content folder> <cache folder> <output folder>
 * It indexes every .md page from the render cache at once (the HTML the built page holds), then
 * waits for the parent to send the built HTML of the .mdx pages, and writes one file per language,
 * with the word list the browser's search needs (features/search/client-data.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outline } from '../features/content/index.ts';
import {
  synonymsFor,
  clientDataFile,
  searchDocument,
  type SearchLanguage,
  searchLanguage,
  pageSections,
  tokenize,
  type BundleBuilder,
  createBundleBuilder,
} from '../features/search/index.ts';
import { loadSite } from '../features/handbook/loader.ts';
import { clientSearchData } from './client-search-data.ts';
import { htmlPath, readOutline, renderCacheDir, renderKeys } from './render-cache.ts';
import type { SearchBuildReply, SearchBuildRequest } from './search-build.ts';

const [projectRoot, contentDir, cacheDir, outDir] = process.argv.slice(2) as [string, string, string, string];
const dir = renderCacheDir(cacheDir);
const keys = renderKeys(projectRoot, contentDir);
const site = loadSite(contentDir, {
  outlineFor: (file) => {
    const key = keys.get(file);
    return key ? ((readOutline(dir, key) as Outline | null) ?? undefined) : undefined;
  },
});
/** Each language's index, with the synonyms both search paths use for it. */
const builders = new Map<SearchLanguage, { builder: BundleBuilder; synonyms: string[][] }>();
const builderFor = (lang: string) => {
  const language = searchLanguage(lang);
  let entry = builders.get(language);
  if (!entry) {
    const synonyms = synonymsFor(language, site.settings);
    entry = { builder: createBundleBuilder(language, synonyms.flat().map(tokenize)), synonyms };
    builders.set(language, entry);
  }
  return entry.builder;
};
const pending = new Map<string, (typeof site.pages)[number]>();
for (const page of site.pages) {
  // The home page is a way in, not an answer: it has no article for search to index.
  if (page.draft || page.url === '/') continue;
  const key = keys.get(page.file);
  if (!key) {
    pending.set(page.url, page);
    continue;
  }
  const html = `<div class="content">${readFileSync(htmlPath(dir, key), 'utf8')}<span data-content-end`;
  builderFor(page.lang).add(searchDocument(page, site, pageSections(html)));
}

/** Adds the built .mdx pages, builds the index of each language and writes it. */
function finish(pages: SearchBuildRequest['pages']): SearchBuildReply {
  try {
    for (const { url, html } of pages) {
      const page = pending.get(url);
      if (page) builderFor(page.lang).add(searchDocument(page, site, pageSections(html)));
    }
    mkdirSync(outDir, { recursive: true });
    const counts: Record<string, number> = {};
    for (const [language, { builder, synonyms }] of builders) {
      const bundle = builder.finish();
      writeFileSync(join(outDir, `${language}.json`), JSON.stringify(bundle));
      writeFileSync(join(outDir, clientDataFile(language)), JSON.stringify(clientSearchData(language, bundle, synonyms)));
      counts[language] = bundle.documents.length;
    }
    return { counts };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (pending.size === 0) {
  // Nothing to wait for (no .mdx pages): finish while Astro is still prerendering.
  process.send?.(finish([]), () => process.exit(0));
} else {
  process.on('message', (request: SearchBuildRequest) => process.send?.(finish(request.pages), () => process.exit(0)));
  process.send?.({ waitingFor: [...pending.keys()] });
}
