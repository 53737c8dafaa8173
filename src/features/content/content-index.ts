/**
 * The list of files in the content folder, shared by the renderer's link resolution and the
 * build. Listed once per build; the dev server drops it when files are added or removed.
 */
import { buildContentIndex, type ContentIndex } from './links.ts';
import { listFiles } from './scan.ts';

const cache = new Map<string, ContentIndex>();

export function getContentIndex(contentDir: string): ContentIndex {
  let index = cache.get(contentDir);
  if (!index) {
    index = buildContentIndex(listFiles(contentDir));
    cache.set(contentDir, index);
  }
  return index;
}

export function forgetContentIndex(): void {
  cache.clear();
}
