/**
 * The Markdown pipeline, in one place for everything that renders pages: Astro's processor
 * (astro.config.mjs, used for MDX and the dev server) and the build's render workers
 * (build/markdown-worker.ts). Order matters: the outline is read from the tree as the
 * author wrote it, before the title heading is dropped and links are rewritten.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { getContentIndex } from '../content-index.ts';
import type { ContentIndex } from '../links.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeHeadingLinks from './rehype-heading-links.ts';
import remarkCallouts from './remark-callouts.ts';
import remarkLeadHeading from './remark-lead-heading.ts';
import remarkLinks from './remark-links.ts';
import remarkOutline from './remark-outline.ts';

/**
 * @param getIndex the files of the content folder, for resolving links; by default the list
 * shared by the process, which the dev server refreshes when files come and go.
 */
export function markdownPipeline(
  contentDir: string,
  getIndex: () => ContentIndex = () => getContentIndex(contentDir),
): UnifiedProcessorOptions {
  return {
    remarkPlugins: [remarkDirective, remarkOutline, remarkLeadHeading, [remarkLinks, { contentDir, getIndex }], remarkCallouts],
    rehypePlugins: [rehypeHeadingLinks, rehypeExternalLinks],
    // Smart quotes cost more build time than the rest of the pipeline together, and straight
    // quotes copy cleanly from a "say to the customer" block into a chat reply.
    smartypants: false,
  };
}

/**
 * Support content has little code: highlighting would cost more build time than it gives
 * readers, so code blocks are plain.
 */
export const SYNTAX_HIGHLIGHT = false;
