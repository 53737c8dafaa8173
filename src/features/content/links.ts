/**
 * Where a link in a page points. Authors link to files as they see them in Git
 * (`../policies/refunds.md#refund-window`); readers need site URLs (`/policies/refunds/#refund-window`).
 * The renderer (remark-links.ts) and the content check both resolve links here, so what the
 * check calls broken is exactly what would be broken on the site.
 */
import { dirOf, isPageFile, joinPath, urlForFile } from './paths.ts';

export interface ContentIndex {
  /** Page file -> URL. */
  pageUrls: Map<string, string>;
  /** URL -> page file (the first, when two files claim one URL). */
  pagesByUrl: Map<string, string>;
  /** Every file in the content folder. */
  files: Set<string>;
  /** Every folder that holds at least one page (each is a section with its own URL). */
  sectionDirs: Set<string>;
}

export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'same-page'; anchor: string }
  | { kind: 'page'; url: string; file?: string; anchor?: string }
  | { kind: 'asset'; file: string; url: string }
  | { kind: 'missing'; path: string; anchor?: string };

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export function buildContentIndex(files: readonly string[]): ContentIndex {
  const pageUrls = new Map<string, string>();
  const pagesByUrl = new Map<string, string>();
  const sectionDirs = new Set<string>(['']);
  for (const file of files) {
    if (!isPageFile(file)) continue;
    const url = urlForFile(file);
    pageUrls.set(file, url);
    if (!pagesByUrl.has(url)) pagesByUrl.set(url, file);
    let dir = dirOf(file);
    while (dir && !sectionDirs.has(dir)) {
      sectionDirs.add(dir);
      dir = dirOf(dir);
    }
  }
  return { pageUrls, pagesByUrl, files: new Set(files), sectionDirs };
}

export function resolveLink(fromFile: string, href: string, index: ContentIndex): LinkTarget {
  if (SCHEME.test(href) || href.startsWith('//')) return { kind: 'external' };
  const hashAt = href.indexOf('#');
  const anchor = hashAt === -1 ? undefined : safeDecode(href.slice(hashAt + 1));
  const pathPart = (hashAt === -1 ? href : href.slice(0, hashAt)).replace(/\?.*$/, '');
  if (!pathPart) return anchor === undefined ? { kind: 'same-page', anchor: '' } : { kind: 'same-page', anchor };

  const decoded = safeDecode(pathPart);
  const path = decoded.startsWith('/') ? joinPath('', decoded) : joinPath(dirOf(fromFile), decoded);
  const withAnchor = anchor ? { anchor } : {};
  if (path === undefined) return { kind: 'missing', path: decoded, ...withAnchor };

  const bare = path.replace(/\/$/, '');
  const inFolder = (name: string) => (bare ? `${bare}/${name}` : name);
  const candidates = [bare, `${bare}.md`, `${bare}.mdx`, inFolder('index.md'), inFolder('index.mdx'), inFolder('README.md')];
  for (const candidate of candidates) {
    const url = index.pageUrls.get(candidate);
    if (url) return { kind: 'page', url, file: candidate, ...withAnchor };
  }
  if (index.files.has(bare)) return { kind: 'asset', file: bare, url: assetUrl(bare) };
  if (index.sectionDirs.has(bare)) return { kind: 'page', url: urlForFile(bare ? `${bare}/index.md` : 'index.md'), ...withAnchor };
  // Links written as site URLs (/policies/refunds/) rather than file paths.
  const siteUrl = `/${bare}/`.replace(/^\/\/$/, '/');
  const file = index.pagesByUrl.get(siteUrl);
  if (file) return { kind: 'page', url: siteUrl, file, ...withAnchor };
  return { kind: 'missing', path: bare, ...withAnchor };
}

/** Files that are not pages are served at their path in the content folder. */
export function assetUrl(file: string): string {
  return `/${file.split('/').map(encodeURIComponent).join('/')}`;
}

export function hrefFor(target: Extract<LinkTarget, { kind: 'page' }>): string {
  return target.anchor ? `${target.url}#${encodeURIComponent(target.anchor)}` : target.url;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
