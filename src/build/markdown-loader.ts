/**
 * The content loader for .md pages. Like Astro's glob() loader it re-renders only pages that
 * changed, but it differs in ways that matter on big handbooks:
 * - pages are rendered on every core, and the build starts rendering before Astro has started
 *   (render-cache.ts, render-pool.ts);
 * - the rendered HTML stays in files in the render cache, not in the content store, because the
 *   store is bundled into the build and a store holding every page's HTML costs the bundler
 *   hundreds of megabytes. The store keeps each page's outline and HTML file.
 * .mdx pages need Astro's MDX compiler and stay with glob() (content.config.ts).
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { idForUrl, urlForFile } from '../features/content/index.ts';
import type { MarkdownEntryData } from '../features/handbook/pages.ts';
import { htmlPath, readOutline, renderCacheDir, renderPages } from './render-cache.ts';

/** What the content store keeps for a .md page (see features/handbook/site/page-content.ts). */

export function markdownLoader({ contentDir }: { contentDir: string }): Loader {
  return {
    name: 'knowhow-markdown',
    load: async (context) => {
      const { store, logger, config } = context;
      const root = fileURLToPath(config.root).replace(/\/$/, '');
      const cacheDir = fileURLToPath(config.cacheDir);
      const pages = await renderPages(root, contentDir, cacheDir);
      for (const failure of pages.failures) logger.error(`${failure.file}: the page could not be rendered: ${failure.error}`);
      if (pages.rendered > 0) logger.info(`Rendered ${pages.rendered} Markdown pages in ${Math.round(pages.milliseconds)} ms`);

      const dir = renderCacheDir(cacheDir);
      const failed = new Set(pages.failures.map((failure) => failure.file));
      const stale = new Set(store.keys());
      for (const [file, key] of pages.keys) {
        if (failed.has(file)) continue;
        const id = idForUrl(urlForFile(file));
        stale.delete(id);
        if (store.get(id)?.digest === key) continue;
        const data: MarkdownEntryData = { htmlFile: htmlPath(dir, key), outline: readOutline(dir, key) };
        store.set({ id, data, filePath: relative(root, join(contentDir, file)), digest: key });
      }
      for (const id of stale) store.delete(id);
      watchInDev(context, contentDir);
    },
  };
}

/** In the dev server, load again when a Markdown file changes, is added or removed. */
function watchInDev(context: LoaderContext, contentDir: string): void {
  const { watcher } = context;
  if (!watcher || (watcher as { knowhowWatching?: boolean }).knowhowWatching) return;
  (watcher as { knowhowWatching?: boolean }).knowhowWatching = true;
  const onChange = (path: string) => {
    if (path.startsWith(contentDir) && path.toLowerCase().endsWith('.md')) void markdownLoader({ contentDir }).load(context);
  };
  watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
}
