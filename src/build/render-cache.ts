/**
 * Rendered Markdown pages, cached on disk beside Astro's cache and keyed by everything that
 * decides their HTML: the page's source, the list of files in the content folder (links resolve
 * against it) and the code of the pipeline itself (every module the renderer loads, and the
 * versions of the packages they import: module-graph.ts). A page is rendered again only when one of
 * those changes, and a build can start rendering before Astro has started (build/knowhow.ts).
 *
 * Each page is two files: <key>.html (the body) and <key>.json (its outline, see remark-outline.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { splitFrontMatter, buildContentIndex, type ContentIndex, listFiles } from '../features/content/index.ts';
import { OUTLINE_KEY, createPageRenderer } from '../features/content/markdown.ts';
import type { Outline } from '../features/content/index.ts';
import { moduleGraph } from './module-graph.ts';
import { renderInWorkers } from './render-pool.ts';
import type { RenderJob, RenderReply } from './render-protocol.ts';

/** Below this many pages to render, starting render processes costs more than it saves. */
const WORKER_THRESHOLD = 40;

export interface RenderedPages {
  /** Page file -> cache key, for every .md page of the content folder. */
  keys: Map<string, string>;
  /** Pages that could not be rendered, with the reason. */
  failures: RenderReply[];
  rendered: number;
  milliseconds: number;
}

export function renderCacheDir(cacheDir: string): string {
  return join(cacheDir, 'knowhow-pages');
}

export function htmlPath(dir: string, key: string): string {
  return join(dir, `${key}.html`);
}

export function readOutline(dir: string, key: string): Outline {
  return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Outline;
}

/** Writes one rendered page into the cache; render processes and the in-process renderer both use it. */
export function writeRendered(dir: string, key: string, html: string, frontmatter: Record<string, unknown>): void {
  writeFileSync(join(dir, `${key}.json`), JSON.stringify(frontmatter[OUTLINE_KEY] ?? null));
  writeFileSync(htmlPath(dir, key), html);
}

/** Renders every .md page whose cache entry is missing. Shared per folder pair, so a render started early is reused. */
export function renderPages(projectRoot: string, contentDir: string, cacheDir: string): Promise<RenderedPages> {
  const slotKey = `${contentDir}\n${cacheDir}`;
  const pending = inFlight.get(slotKey) ?? startRendering(projectRoot, contentDir, cacheDir);
  inFlight.set(slotKey, pending);
  // The next load (a change in the dev server) starts afresh.
  void pending.finally(() => inFlight.delete(slotKey));
  return pending;
}

/** Starts rendering now without waiting, e.g. while Astro itself starts. */
export function startRenderingEarly(projectRoot: string, contentDir: string, cacheDir: string): void {
  renderPages(projectRoot, contentDir, cacheDir).catch(() => {
    // The loader awaits the same promise and reports the error.
  });
}

const INFLIGHT = Symbol.for('knowhow.render-pages');
const store = globalThis as unknown as Record<symbol, Map<string, Promise<RenderedPages>> | undefined>;
store[INFLIGHT] ??= new Map();
// The integration and the content loader are separate module graphs in one process.
const inFlight = store[INFLIGHT];

/** The cache key of every .md page: what its rendered HTML depends on. */
export function renderKeys(projectRoot: string, contentDir: string, files: string[] = listFiles(contentDir)): Map<string, string> {
  const shared = createHash('sha1').update(rendererVersion(projectRoot)).update(files.join('\n')).digest('hex');
  const keys = new Map<string, string>();
  for (const file of files.filter((name) => name.toLowerCase().endsWith('.md'))) {
    const source = readFileSync(join(contentDir, file));
    keys.set(file, createHash('sha1').update(shared).update(file).update('\n').update(source).digest('hex').slice(0, 24));
  }
  return keys;
}

async function startRendering(projectRoot: string, contentDir: string, cacheDir: string): Promise<RenderedPages> {
  const started = performance.now();
  const dir = renderCacheDir(cacheDir);
  mkdirSync(dir, { recursive: true });
  const files = listFiles(contentDir);
  const keys = renderKeys(projectRoot, contentDir, files);
  const jobs: RenderJob[] = [...keys].filter(([, key]) => !existsSync(htmlPath(dir, key))).map(([file, key]) => ({ file, key }));
  const replies =
    jobs.length >= WORKER_THRESHOLD
      ? await renderInWorkers(new URL('./src/build/markdown-worker.ts', pathToFileURL(`${projectRoot}/`)), [contentDir, dir], jobs)
      : await renderHere(contentDir, dir, jobs, buildContentIndex(files));
  removeUnused(dir, new Set(keys.values()));
  return {
    keys,
    failures: replies.filter((reply) => reply.error !== undefined),
    rendered: jobs.length,
    milliseconds: performance.now() - started,
  };
}

/** Renders a few pages in this process, resolving links against the files just listed. */
async function renderHere(contentDir: string, dir: string, jobs: RenderJob[], index: ContentIndex): Promise<RenderReply[]> {
  if (jobs.length === 0) return [];
  const render = createPageRenderer(contentDir, () => index);
  const replies: RenderReply[] = [];
  for (const job of jobs) {
    try {
      const { body } = splitFrontMatter(readFileSync(join(contentDir, job.file), 'utf8'));
      const result = await render(body, join(contentDir, job.file));
      writeRendered(dir, job.key, result.html, result.frontmatter);
      replies.push({ file: job.file });
    } catch (error) {
      replies.push({ file: job.file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return replies;
}

/** Pages of earlier versions, so the cache does not grow with every edit. */
function removeUnused(dir: string, used: Set<string>): void {
  for (const name of readdirSync(dir)) {
    if (!used.has(name.replace(/\.(html|json)$/, ''))) rmSync(join(dir, name), { force: true });
  }
}

/**
 * The modules that render a page: the render process, and this module, which renders a few pages
 * itself (renderHere). Paths from the project root.
 */
const RENDERER_ENTRIES = ['src/build/markdown-worker.ts', 'src/build/render-cache.ts'];

/**
 * A hash of the code that turns Markdown into HTML: every project file the renderer loads, by
 * path from the project root (so a copy of the project elsewhere keeps its cache) and content,
 * and the version of every package those files import. A change to any of them re-renders every page.
 */
function rendererVersion(projectRoot: string): string {
  const graph = moduleGraph(RENDERER_ENTRIES.map((entry) => join(projectRoot, entry)));
  const hash = createHash('sha1');
  for (const file of graph.files) hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const [name, version] of graph.packages) hash.update(`${name}@${version}\n`);
  return hash.digest('hex');
}
