/** A page record for `file`, with what loadPage derives from the path; the rest from overrides. */
import { idForUrl, isIndexFile, orderOf, urlForFile } from '../../src/features/content/paths.ts';
import type { PageRecord } from '../../src/features/content/types.ts';

export function pageRecord(file: string, overrides: Partial<PageRecord> = {}): PageRecord {
  const url = urlForFile(file);
  const segments = file.split('/');
  const order = orderOf(isIndexFile(file) ? (segments.at(-2) ?? '') : (segments.at(-1) as string));
  return {
    id: idForUrl(url),
    url,
    file,
    title: file,
    type: 'guide',
    reviewEvery: '1y',
    tags: [],
    audience: [],
    lang: 'en',
    aliases: [],
    draft: false,
    headings: [],
    section: '/',
    isSectionIndex: isIndexFile(file),
    version: '000000000000',
    acknowledge: false,
    linksTo: [],
    translations: [],
    textVersion: '000000000000',
    ...(order !== undefined ? { order } : {}),
    ...overrides,
  };
}
