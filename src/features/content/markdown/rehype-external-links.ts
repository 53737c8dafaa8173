/**
 * Marks links that leave the site: a class for the arrow the stylesheet draws, words for screen
 * readers, and rel="noopener noreferrer" so the other site gets no handle on this one. Links
 * open in the same tab; readers choose for themselves.
 */
import type { Root, RootContent } from 'hast';
import { walk } from './walk.ts';

export interface RehypeExternalLinksOptions {
  /** Hosts that count as this site, e.g. the handbook's own domain. */
  siteHosts?: string[];
}

export default function rehypeExternalLinks({ siteHosts = [] }: RehypeExternalLinksOptions = {}) {
  return (tree: Root) => {
    walk<RootContent>(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const host = externalHost(node.properties.href);
      if (!host || siteHosts.includes(host)) return;
      node.properties.className = [...(Array.isArray(node.properties.className) ? node.properties.className.map(String) : []), 'external'];
      node.properties.rel = ['noopener', 'noreferrer'];
      node.children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['sr-only'] },
        children: [{ type: 'text', value: ' (external link)' }],
      });
    });
  };
}

function externalHost(href: string): string | undefined {
  if (!/^(https?:)?\/\//i.test(href)) return undefined;
  try {
    return new URL(href, 'https://site.invalid').host;
  } catch {
    return undefined;
  }
}
