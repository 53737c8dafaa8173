/**
 * Site-wide checks, run once every page is loaded: duplicate URLs, links to missing pages,
 * anchors and images, and published pages that link to drafts. Also records, per page, the
 * pages it links to (for "related pages") and the files it shows (to copy into the site).
 */
import { type ContentIndex, resolveLink } from './links.ts';
import type { Problem } from './problems.ts';
import type { LoadedPage } from './types.ts';

export interface CheckResult {
  problems: Problem[];
  assets: Set<string>;
}

export function checkSite(pages: readonly LoadedPage[], index: ContentIndex, { checkLinks = true } = {}): CheckResult {
  const problems: Problem[] = [];
  const assets = new Set<string>();
  const byFile = new Map(pages.map((page) => [page.record.file, page]));

  const claimed = new Map<string, string>();
  for (const { record } of pages) {
    const first = claimed.get(record.url);
    if (first) {
      problems.push({
        severity: 'error',
        code: 'DUPLICATE_URL',
        file: record.file,
        message: `has the same address ${record.url} as ${first}`,
        hint: 'rename or move one of the two files; a folder and a file of the same name, or index.md and index.mdx side by side, collide',
      });
    } else {
      claimed.set(record.url, record.file);
    }
  }

  if (!checkLinks) return { problems, assets };
  for (const { record, outline } of pages) {
    const linked = new Set<string>();
    for (const link of outline.links) {
      const target = resolveLink(record.file, link.url, index);
      const at = { file: record.file, line: link.line };
      if (target.kind === 'missing') {
        problems.push({
          severity: 'warning',
          code: 'BROKEN_LINK',
          ...at,
          message: `the link "${link.label}" points to ${link.url}, which is not in the content folder`,
          hint: 'link to a file with a path relative to this page, e.g. ../policies/refunds.md',
        });
        continue;
      }
      if (target.kind === 'asset') assets.add(target.file);
      const anchored =
        target.kind === 'same-page' ? record : target.kind === 'page' && target.file ? byFile.get(target.file)?.record : undefined;
      const anchor = target.kind === 'same-page' || target.kind === 'page' ? target.anchor : undefined;
      if (anchored && anchor && !anchored.headings.some((heading) => heading.slug === anchor)) {
        problems.push({
          severity: 'warning',
          code: 'MISSING_ANCHOR',
          ...at,
          message: `the link "${link.label}" points to #${anchor}, but ${anchored === record ? 'this page' : anchored.file} has no heading with that anchor`,
          hint: suggestAnchors(anchored.headings.map((heading) => heading.slug)),
        });
      }
      if (target.kind === 'page' && target.file) {
        const linkedPage = byFile.get(target.file)?.record;
        if (linkedPage?.draft && !record.draft) {
          problems.push({
            severity: 'error',
            code: 'DRAFT_LINKED',
            ...at,
            message: `links to ${target.file}, which is a draft and will not be published`,
            hint: 'remove the link, or publish the page by removing `draft: true` from its front matter',
          });
        }
        if (target.url !== record.url) linked.add(target.url);
      }
    }
    record.linksTo = [...linked];

    for (const image of outline.images) {
      const target = resolveLink(record.file, image.url, index);
      if (target.kind === 'asset') {
        assets.add(target.file);
      } else if (target.kind !== 'external') {
        problems.push({
          severity: 'warning',
          code: 'MISSING_IMAGE',
          file: record.file,
          line: image.line,
          message: `the image ${image.url} is not in the content folder`,
          hint: 'add the image file, or fix its path (relative to this page, e.g. ../images/escalation-path.svg)',
        });
      }
    }
  }
  return { problems, assets };
}

/** What to write instead of an anchor the page lacks: its own anchors. */
export function suggestAnchors(slugs: string[]): string {
  if (slugs.length === 0) return 'the page has no headings to link to; link to the page without #...';
  const shown = slugs.slice(0, 6).map((slug) => `#${slug}`);
  return `anchors are the heading's words in lower case joined by hyphens; this page has ${shown.join(', ')}${slugs.length > 6 ? ', ...' : ''}`;
}
