/**
 * Gives every h2-h6 an id (the same slugs the content check uses) and a "#" link to itself, so
 * an agent can copy a deep link to the exact section. The link sits after the heading text and
 * is named for screen readers ("Link to this section: Refund window").
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Root, RootContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { FIELD_BOOSTS } from '../field-boosts.ts';
import { walk } from './walk.ts';

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** What the link says to screen readers, before the heading's text. */
export const HEADING_LINK_LABEL = 'Link to this section: ';

export default function rehypeHeadingLinks() {
  // Astro assigns heading ids after every rehype plugin; assigning them first, with Astro's own
  // transform, gives the links the same ids (Astro keeps ids that are already set).
  const assignIds = rehypeHeadingIds() as unknown as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    assignIds(tree, file);
    walk<RootContent>(tree, (node) => {
      if (node.type !== 'element' || !HEADINGS.has(node.tagName)) return;
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      const text = hastToString(node);
      node.properties.className = [...toClassList(node.properties.className), 'heading'];
      // Weighed by the in-page search as the server's search weighs headings.
      node.properties.dataPagefindWeight = String(FIELD_BOOSTS.headings);
      node.children.push({
        type: 'element',
        tagName: 'a',
        // Not search text: the heading says it already.
        properties: { className: ['heading-link'], href: `#${id}`, dataPagefindIgnore: '' },
        children: [
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['sr-only'] },
            children: [{ type: 'text', value: `${HEADING_LINK_LABEL}${text}` }],
          },
        ],
      });
    });
  };
}

function toClassList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
