/**
 * The browser's search index: Pagefind over the prerendered pages, run once they are all built
 * (astro:build:done). Only each article's `data-pagefind-body` is indexed, so page chrome
 * (header, navigation, table of contents) never matches; pages carry their filters and result
 * metadata themselves (features/site/layouts/ArticleLayout.astro). Pagefind splits the index by each page's
 * `<html lang>`, so a search from a page finds pages in that page's language. The result cards
 * (result-cards.ts) are written from Pagefind's output.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { writeResultCards } from './result-cards.ts';

/** Pagefind's own search interfaces, which the site does not use (features/search/browser has its own). */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export const PAGEFIND_DIR = 'pagefind';

export interface PagefindSummary {
  pages: number;
}

export async function writePagefindIndex(clientDir: string): Promise<PagefindSummary> {
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: clientDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const outputPath = join(clientDir, PAGEFIND_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    for (const file of UNUSED_FILES) rmSync(join(outputPath, file), { force: true });
    writeResultCards(outputPath);
    // One fragment per indexed page (page_count counts every HTML file it read).
    return { pages: readdirSync(join(outputPath, 'fragment')).length };
  } finally {
    await close();
  }
}
