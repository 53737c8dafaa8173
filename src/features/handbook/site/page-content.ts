/**
 * The rendered body of a page: an MDX page's component, or a Markdown page's HTML, which the
 * Markdown loader keeps in a file (build/markdown-loader.ts).
 */
import { readFileSync } from 'node:fs';
import { getEntry, render } from 'astro:content';
import type { Outline, PageRecord } from '../../content/index.ts';

/** What the Markdown loader (build/markdown-loader.ts) stores for each Markdown page. */
export interface MarkdownEntryData {
  /** Absolute path of the file holding the page's rendered HTML. */
  htmlFile: string;
  outline: Outline | null;
  [key: string]: unknown;
}

export type PageBody = { kind: 'html'; html: string } | { kind: 'component'; Content: Awaited<ReturnType<typeof render>>['Content'] };

export async function pageBody(page: PageRecord): Promise<PageBody | undefined> {
  if (page.file.toLowerCase().endsWith('.mdx')) {
    const entry = await getEntry('mdxPages', page.id);
    return entry ? { kind: 'component', Content: (await render(entry)).Content } : undefined;
  }
  const entry = await getEntry('pages', page.id);
  if (!entry) return undefined;
  return { kind: 'html', html: readFileSync((entry.data as MarkdownEntryData).htmlFile, 'utf8') };
}
