/** A page's Markdown copy made straight from the content folder: for the build, and for the dev server, which has no build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildContentIndex, type ContentIndex, listFiles, type PageRecord } from '../../content/index.ts';
import { markdownCopy } from './markdown-copy.ts';

/** `index`: the content folder's files, when the caller has them (the build makes every copy with one). */
export function makeMarkdownCopy(contentDir: string, page: PageRecord, publicUrl: string, index?: ContentIndex): string {
  const files = index ?? buildContentIndex(listFiles(contentDir));
  return markdownCopy(page, readFileSync(join(contentDir, page.file), 'utf8'), { publicUrl, index: files });
}
