/**
 * The content loader for .md pages. Like Astro's glob() loader it re-renders only pages whose
 * source changed, but it differs in two ways that matter on big handbooks:
 * - it renders on every core (render-pool.ts) instead of one page at a time;
 * - it keeps the rendered HTML in files beside Astro's cache, not in the content store, because
 *   the store is bundled into the build and a store holding every page's HTML costs the
 *   bundler hundreds of megabytes. The store keeps each page's outline and HTML file name.
 * .mdx pages need Astro's MDX compiler and stay with glob() (content.config.ts).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { splitFrontMatter } from '../lib/content/frontmatter.ts';
import { idForUrl, urlForFile } from '../lib/content/paths.ts';
import { listFiles } from '../lib/content/scan.ts';
import { OUTLINE_KEY } from '../plugins/remark-outline.ts';
import { renderInWorkers } from './render-pool.ts';
import type { RenderJob, RenderResult } from './render-protocol.ts';

/** Below this many pages to render, starting render processes costs more than it saves. */
const WORKER_THRESHOLD = 40;

/** What the content store keeps for a .md page (see site/page-content.ts). */
export interface MarkdownEntryData {
  /** Absolute path of the file holding the page's rendered HTML. */
  htmlFile: string;
  outline: unknown;
  [key: string]: unknown;
}

export function markdownLoader({ contentDir }: { contentDir: string }): Loader {
  return {
    name: 'knowhow-markdown',
    load: async (context) => {
      const { store, generateDigest, logger } = context;
      const htmlDir = fileURLToPath(new URL('knowhow-html/', context.config.cacheDir));
      mkdirSync(htmlDir, { recursive: true });
      const files = listFiles(contentDir).filter((file) => file.toLowerCase().endsWith('.md'));
      const stale = new Set(store.keys());
      const jobs: (RenderJob & { id: string; digest: string })[] = [];
      for (const file of files) {
        const source = readFileSync(join(contentDir, file), 'utf8');
        const id = idForUrl(urlForFile(file));
        const digest = generateDigest(`${file}\n${source}`);
        stale.delete(id);
        if (store.get(id)?.digest === digest) continue;
        jobs.push({ id, file, source, digest });
      }
      for (const id of stale) store.delete(id);
      if (jobs.length > 0) {
        const started = performance.now();
        const results =
          jobs.length >= WORKER_THRESHOLD
            ? await renderInWorkers(new URL('./src/integrations/markdown-worker.ts', context.config.root), contentDir, jobs)
            : await Promise.all(jobs.map((job) => renderHere(context, contentDir, job)));
        const byFile = new Map(jobs.map((job) => [job.file, job]));
        for (const result of results) {
          const job = byFile.get(result.file) as (typeof jobs)[number];
          if (result.error !== undefined) {
            logger.error(`${result.file}: the page could not be rendered: ${result.error}`);
            continue;
          }
          const htmlFile = join(htmlDir, `${job.digest}.html`);
          writeFileSync(htmlFile, result.html);
          const data: MarkdownEntryData = { htmlFile, outline: result.frontmatter[OUTLINE_KEY] };
          store.set({
            id: job.id,
            data,
            filePath: relative(fileURLToPath(context.config.root), join(contentDir, job.file)),
            digest: job.digest,
          });
        }
        logger.info(`Rendered ${results.length} Markdown pages in ${Math.round(performance.now() - started)} ms`);
      }
      removeUnusedHtml(htmlDir, store);
      watchInDev(context, contentDir);
    },
  };
}

async function renderHere(context: LoaderContext, contentDir: string, job: RenderJob): Promise<RenderResult> {
  try {
    const rendered = await context.renderMarkdown(splitFrontMatter(job.source).body, {
      fileURL: pathToFileURL(join(contentDir, job.file)),
    });
    return {
      file: job.file,
      html: rendered.html,
      headings: rendered.metadata?.headings ?? [],
      frontmatter: rendered.metadata?.frontmatter ?? {},
    };
  } catch (error) {
    return { file: job.file, error: error instanceof Error ? error.message : String(error) };
  }
}

/** HTML files of earlier versions of pages, so the cache does not grow with every edit. */
function removeUnusedHtml(htmlDir: string, store: LoaderContext['store']): void {
  const used = new Set(store.values().map((entry) => (entry.data as MarkdownEntryData).htmlFile));
  for (const name of readdirSync(htmlDir)) {
    const path = join(htmlDir, name);
    if (!used.has(path)) rmSync(path, { force: true });
  }
}

/** In the dev server, re-render a page when its file changes. */
function watchInDev(context: LoaderContext, contentDir: string): void {
  const { watcher } = context;
  if (!watcher || (watcher as { knowhowWatching?: boolean }).knowhowWatching) return;
  (watcher as { knowhowWatching?: boolean }).knowhowWatching = true;
  const onChange = (path: string) => {
    if (path.startsWith(contentDir) && path.toLowerCase().endsWith('.md')) void markdownLoader({ contentDir }).load(context);
  };
  watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
}
