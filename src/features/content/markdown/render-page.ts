/**
 * Renders a Markdown page to HTML: Astro's Markdown pipeline (@astrojs/markdown-remark) with our
 * plugins, parsed by a native parser that gives the same tree (remark-native-parse.ts), minus two
 * steps that cost a build time without changing its pages:
 * - raw HTML is re-parsed (rehype-raw, a full parse5 round trip) only when the page has some;
 * - images are not collected for Astro's image service, because remark-links already turns
 *   every local image into a plain URL.
 * Used by the build's render processes and for .md pages in the dev server; .mdx pages go
 * through Astro's processor. A test renders the sample content both ways and compares.
 */
import { pathToFileURL } from 'node:url';
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import type { ContentIndex } from '../links.ts';
import { markdownPipeline } from './markdown-pipeline.ts';
import remarkNativeParse from './remark-native-parse.ts';
import { walk } from './walk.ts';

export interface RenderedPage {
  html: string;
  /** What plugins recorded for the page, e.g. its outline (remark-outline.ts). */
  frontmatter: Record<string, unknown>;
}

export type PageRenderer = (body: string, path: string) => Promise<RenderedPage>;

export function createPageRenderer(contentDir: string, getIndex?: () => ContentIndex): PageRenderer {
  const pipeline = markdownPipeline(contentDir, getIndex);
  const processor = unified()
    .use(remarkNativeParse)
    .use(pipeline.remarkPlugins as PluggableList)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(pipeline.rehypePlugins as PluggableList)
    .use(rehypeRawWhenNeeded)
    .use(rehypeStringify, { allowDangerousHtml: true });
  return async (body, path) => {
    const file = new VFile({ value: body, path: pathToFileURL(path), data: { astro: { frontmatter: {} } } });
    const result = await processor.process(file);
    return { html: String(result.value), frontmatter: file.data.astro?.frontmatter ?? {} };
  };
}

function rehypeRawWhenNeeded() {
  const raw = rehypeRaw() as unknown as (tree: Root, file: VFile) => Root;
  return (tree: Root, file: VFile) => (containsRaw(tree) ? raw(tree, file) : tree);
}

function containsRaw(tree: Root): boolean {
  let found = false;
  walk<Root['children'][number]>(tree, (node) => {
    if (node.type === 'raw') found = true;
  });
  return found;
}
