/**
 * On a page opened from a search result: marks the question's words in the article (the result
 * link carries them in ?highlight=...) and, when the link had no section to scroll to, brings
 * the first one into view.
 */
import { HIGHLIGHT_PARAM } from './highlight-param.ts';

const words = (new URLSearchParams(window.location.search).get(HIGHLIGHT_PARAM) ?? '').split(/\s+/).filter((word) => word.length >= 2);
const article = document.querySelector('article');
if (article && words.length > 0) {
  // Words as the page may inflect them: "refund" marks "refunds", "policy" marks "policies".
  const stems = words.map((word) => (word.length > 4 ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const first = markMatches(article, pattern);
  if (first && !window.location.hash) first.scrollIntoView({ block: 'center' });
}

function markMatches(root: Element, pattern: RegExp): HTMLElement | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('nav, script, style, [data-pagefind-ignore], [hidden]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  for (const text of texts) {
    const value = text.data;
    const matches = [...value.matchAll(pattern)];
    if (matches.length === 0) continue;
    const parts: Node[] = [];
    let last = 0;
    for (const match of matches) {
      const start = match.index ?? 0;
      parts.push(document.createTextNode(value.slice(last, start)));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      first ??= mark;
      parts.push(mark);
      last = start + match[0].length;
    }
    parts.push(document.createTextNode(value.slice(last)));
    text.replaceWith(...parts);
  }
  return first;
}
