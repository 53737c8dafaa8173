/** Reads a built page and queries it with CSS selectors, as a reader's browser would see it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';

export interface BuiltPage {
  html: string;
  bytes: number;
  one(selector: string): Element | undefined;
  all(selector: string): Element[];
  /** The text of the first match, whitespace folded; '' when nothing matches. */
  text(selector: string): string;
  attr(selector: string, name: string): string | undefined;
}

export function pageFile(clientDir: string, url: string): string {
  return join(clientDir, url, url.endsWith('.html') ? '' : 'index.html');
}

export function readPage(clientDir: string, url: string): BuiltPage {
  const html = readFileSync(pageFile(clientDir, url), 'utf8');
  const root: Root = fromHtml(html);
  const one = (selector: string) => select(selector, root) as Element | undefined;
  return {
    html,
    bytes: Buffer.byteLength(html),
    one,
    all: (selector) => selectAll(selector, root) as Element[],
    text: (selector) => {
      const found = one(selector);
      return found ? hastToString(found).replace(/\s+/g, ' ').trim() : '';
    },
    attr: (selector, name) => {
      const value = one(selector)?.properties[name];
      return Array.isArray(value) ? value.join(' ') : value === undefined ? undefined : String(value);
    },
  };
}

export function pageExists(clientDir: string, url: string): boolean {
  return existsSync(pageFile(clientDir, url));
}
