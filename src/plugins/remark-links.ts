/**
 * Turns links between Markdown files into site URLs (`../policies/refunds.md#refund-window` ->
 * `/policies/refunds/#refund-window`) and images into the URLs the site serves them at.
 * A missing image becomes a visible note instead of a broken build; the content check reports it.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type ContentIndex, hrefFor, resolveLink } from '../lib/content/links.ts';

export interface RemarkLinksOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** The files of the content folder, looked up when a page is rendered (so new files count in dev). */
  getIndex: () => ContentIndex;
}

export default function remarkLinks({ contentDir, getIndex }: RemarkLinksOptions) {
  const root = `${contentDir.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  return (tree: Root, file: VFile) => {
    const path = file.path?.replace(/\\/g, '/');
    if (!path?.startsWith(root)) return;
    const fromFile = path.slice(root.length);
    const index = getIndex();

    visit(tree, ['link', 'definition', 'image'], (node, position, parent) => {
      const target = resolveLink(fromFile, (node as Link).url, index);
      if (node.type === 'image') {
        if (target.kind === 'asset') {
          (node as Image).url = target.url;
        } else if (target.kind !== 'external' && parent && position !== undefined) {
          parent.children.splice(position, 1, {
            type: 'emphasis',
            data: { hProperties: { className: ['missing-image'] } },
            children: [{ type: 'text', value: `[Image not found: ${(node as Image).alt || (node as Image).url}]` }],
          });
        }
        return;
      }
      if (target.kind === 'page') (node as Link | Definition).url = hrefFor(target);
      else if (target.kind === 'asset') (node as Link | Definition).url = target.url;
    });
  };
}
