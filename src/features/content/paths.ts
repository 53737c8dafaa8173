/**
 * How files in the content folder become site URLs. The folder tree is the site's structure:
 * `policies/refunds.md` -> `/policies/refunds/`, `policies/index.md` -> `/policies/`,
 * `training/onboarding/02-first-call.md` -> `/training/onboarding/first-call/` (the number orders
 * the lessons and stays out of the URL). Every function here works on POSIX-style paths
 * relative to the content folder.
 */
import { LANGUAGES } from '../../kit/i18n/languages.ts';

export const PAGE_EXTENSIONS = ['.md', '.mdx'] as const;

const ORDER_PREFIX = /^(\d{1,3})[-_](?=\p{L})/u;

/**
 * A page may be translated into the languages the interface speaks (LANGUAGES), beside its
 * original: `refunds.de.md` is the German translation of `refunds.md`, at `/de/policies/refunds/`.
 */
const TRANSLATION_SUFFIX = new RegExp(`\\.(${LANGUAGES.join('|')})(\\.mdx?)$`, 'i');

/** For a translation's file, its language and the file of the original it translates. */
export function translationOf(relPath: string): { lang: string; original: string } | undefined {
  const match = TRANSLATION_SUFFIX.exec(relPath);
  if (!match) return undefined;
  return { lang: (match[1] as string).toLowerCase(), original: relPath.slice(0, match.index) + (match[2] as string) };
}

/** The file whose place in the tree a page takes: a translation takes its original's. */
export function placeOf(relPath: string): string {
  return translationOf(relPath)?.original ?? relPath;
}

export function isPageFile(relPath: string): boolean {
  return PAGE_EXTENSIONS.some((extension) => relPath.toLowerCase().endsWith(extension));
}

export function stripExtension(relPath: string): string {
  return relPath.replace(/\.mdx?$/i, '');
}

/** The order number at the start of a file or folder name (`02-first-call.md` -> 2). */
export function orderOf(name: string): number | undefined {
  const match = ORDER_PREFIX.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function slugifySegment(segment: string): string {
  return segment
    .replace(ORDER_PREFIX, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^\p{L}\p{N}.-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** The URL path of a page, always with leading and trailing slashes. */
export function urlForFile(relPath: string): string {
  const translation = translationOf(relPath);
  if (translation) return `/${translation.lang}${urlForFile(translation.original)}`;
  const segments = stripExtension(relPath).split('/');
  if (segments.at(-1)?.toLowerCase() === 'index' || segments.at(-1)?.toLowerCase() === 'readme') {
    segments.pop();
  }
  const slug = segments.map(slugifySegment).filter(Boolean).join('/');
  return slug ? `/${slug}/` : '/';
}

/** The id Astro's content collection uses for a page: its URL without the slashes ('index' for home). */
export function idForUrl(url: string): string {
  return url === '/' ? HOME_ID : url.replace(/^\/|\/$/g, '');
}

export const HOME_ID = 'index';

/** The folder a file is in ('' for the content root). */
export function dirOf(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  return slash === -1 ? '' : relPath.slice(0, slash);
}

export function isIndexFile(relPath: string): boolean {
  const place = placeOf(relPath);
  const base = stripExtension(place.slice(place.lastIndexOf('/') + 1)).toLowerCase();
  return base === 'index' || base === 'readme';
}

/** Joins and normalises POSIX path parts; `..` beyond the root returns undefined. */
export function joinPath(base: string, relative: string): string | undefined {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}

const ACRONYMS = new Set(['faq', 'faqs', 'api', 'gdpr', 'hr', 'it', 'pci', 'sla', 'slas', 'sso', 'vpn', 'ui', 'ux']);

/** Turns a file or folder name into words for a title: `data-deletion_requests` -> `Data deletion requests`, `faq` -> `FAQ`. */
export function humanize(name: string): string {
  const words = stripExtension(name)
    .replace(ORDER_PREFIX, '')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase().replace(/S$/, 's') : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
