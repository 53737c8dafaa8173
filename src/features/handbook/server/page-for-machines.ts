/**
 * A page as a machine reads it: its clean Markdown copy (the file the build wrote beside the
 * page, machines/markdown-copy.ts) with the facts an assistant needs to say how far to trust
 * it: owner, review dates and state, version, language and translations, and the anchors of
 * its sections. What the MCP `get_page` tool answers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../../server/app.ts';
import { absoluteUrl, type PageRecord, type PageType, publicUrlOf, type ReviewState, reviewState } from '../../content/index.ts';
import { markdownCopyPath } from '../machines/markdown-copy.ts';
import type { ServedContent } from './manifest.ts';

export interface MachinePage {
  /** The clean Markdown copy: no front matter, `# Title` first, links absolute. */
  markdown: string;
  title: string;
  summary?: string;
  /** The page's absolute address (HTML). */
  url: string;
  /** The absolute address of the Markdown copy (url + index.html.md). */
  markdownUrl: string;
  /** The page's path on the site, e.g. /policies/refunds/. */
  path: string;
  type: PageType;
  owner?: string;
  /** YYYY-MM-DD */
  lastReviewed?: string;
  /** YYYY-MM-DD */
  reviewDue?: string;
  /** How often it is reviewed, e.g. 6m. */
  reviewEvery: string;
  /** current, due-soon, overdue or unknown (no review date), today in the organisation's time zone. */
  reviewStatus: ReviewState;
  /** The version of what the page says (front matter `version`, else a hash of its text). */
  version: string;
  lang: string;
  /** On a translation: the original's absolute address, and whether the original changed since. */
  translationOf?: string;
  translationStale: boolean;
  /** The page's other languages, with absolute addresses. */
  translations: { lang: string; url: string }[];
  /** The page's headings, with the anchor each has on the page (url + '#' + anchor). */
  sections: { anchor: string; title: string; depth: number }[];
}

/**
 * The page at `address` for a machine: a path (/policies/refunds/, /policies/refunds, its
 * Markdown copy's /policies/refunds/index.html.md) or an absolute address on the handbook's
 * public address or the server's own (BETTER_AUTH_URL); a query or a #fragment is ignored.
 * undefined when no published page is there. Reads the copy the build wrote (dist/client); the
 * dev server, which has no build, makes it from the content folder.
 */
export async function pageForMachines(
  app: Pick<AppContext, 'env' | 'manifest' | 'now'>,
  address: string,
): Promise<MachinePage | undefined> {
  const content = await app.manifest();
  const publicUrl = publicUrlOf(content.settings);
  const path = pagePathOf(address, [publicUrl, ...(app.env.baseUrl ? [new URL(app.env.baseUrl).origin] : [])]);
  if (path === undefined) return undefined;
  const page = content.pages.find((candidate) => candidate.url === path && !candidate.draft);
  if (!page) return undefined;
  const markdown = await copyOf(app, content, page, publicUrl);
  if (markdown === undefined) return undefined;
  const settings = content.settings;
  return {
    markdown,
    title: page.title,
    ...(page.summary ? { summary: page.summary } : {}),
    url: absoluteUrl(publicUrl, page.url),
    markdownUrl: absoluteUrl(publicUrl, markdownCopyPath(page.url)),
    path: page.url,
    type: page.type,
    ...(page.owner ? { owner: page.owner } : {}),
    ...(page.reviewed ? { lastReviewed: page.reviewed } : {}),
    ...(page.reviewDue ? { reviewDue: page.reviewDue } : {}),
    reviewEvery: page.reviewEvery,
    reviewStatus: reviewState(page.reviewDue, app.now(), { timeZone: settings.site.timeZone, dueSoon: settings.reviewDueSoon }),
    version: page.textVersion,
    lang: page.lang,
    ...(page.translationOf ? { translationOf: absoluteUrl(publicUrl, page.translationOf) } : {}),
    translationStale: page.translationStale === true,
    translations: page.translations.map((other) => ({ lang: other.lang, url: absoluteUrl(publicUrl, other.url) })),
    sections: page.headings.map((heading) => ({ anchor: heading.slug, title: heading.text, depth: heading.depth })),
  };
}

/**
 * The site path of a page address, or undefined for an address on another site. `origins`:
 * the origins that are this handbook's.
 */
export function pagePathOf(address: string, origins: readonly string[]): string | undefined {
  const trimmed = address.trim();
  if (!trimmed) return undefined;
  let pathname: string;
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    if (!URL.canParse(trimmed)) return undefined;
    const url = new URL(trimmed);
    if (!origins.includes(url.origin)) return undefined;
    pathname = url.pathname;
  } else {
    pathname = new URL(trimmed.startsWith('/') ? trimmed : `/${trimmed}`, 'http://page.invalid').pathname;
  }
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  path = path.replace(/\/index\.html(\.md)?$/, '/').replace(/\/index\.md$/, '/');
  return path.endsWith('/') ? path : `${path}/`;
}

async function copyOf(
  app: Pick<AppContext, 'env'>,
  content: ServedContent,
  page: PageRecord,
  publicUrl: string,
): Promise<string | undefined> {
  if (content.contentDir) {
    // The dev server: no build, the content folder itself.
    const [{ makeMarkdownCopy }] = await Promise.all([import('../machines/copy-from-folder.ts')]);
    return makeMarkdownCopy(content.contentDir, page, publicUrl);
  }
  try {
    return await readFile(join(app.env.outDir, 'client', markdownCopyPath(page.url)), 'utf8');
  } catch {
    return undefined;
  }
}
