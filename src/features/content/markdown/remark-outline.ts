/**
 * Records the page's outline (first heading and paragraph, headings, links, images) while Astro
 * renders it, so the build reads each Markdown file once: the site model takes the outline from
 * the rendered entry's metadata instead of parsing the file again. Runs first, on the tree as
 * the author wrote it.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { outlineOf } from '../outline.ts';

export const OUTLINE_KEY = 'knowhowOutline';

export default function remarkOutline() {
  return (tree: Root, file: VFile) => {
    file.data.astro ??= {};
    file.data.astro.frontmatter = { ...file.data.astro.frontmatter, [OUTLINE_KEY]: outlineOf(tree) };
  };
}
