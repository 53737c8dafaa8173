/**
 * Turns links between Markdown files into site URLs (`../policies/refunds.md#refund-window` ->
 * `/policies/refunds/#refund-window`) and images into the URLs the site serves them at.
 * A missing image becomes a visible note instead of a broken build; the content check reports it.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { type ContentIndex, hrefFor, resolveLink } from '../links.ts';
import { walk } from './walk.ts';

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

    walk<Nodes>(tree, (node, position, parent) => {
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
      const target = resolveLink(fromFile, node.url, index);
      if (node.type === 'image') {
        if (target.kind === 'asset') {
          node.url = target.url;
        } else if (target.kind !== 'external') {
          parent.children.splice(position, 1, {
            type: 'emphasis',
            data: { hProperties: { className: ['missing-image'] } },
            children: [{ type: 'text', value: `[Image not found: ${node.alt || node.url}]` }],
          });
        }
        return;
      }
      if (target.kind === 'page') node.url = hrefFor(target);
      else if (target.kind === 'asset') node.url = target.url;
    });
  };
}
