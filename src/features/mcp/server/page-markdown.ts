/**
 * A page's clean Markdown (front matter removed, links made whole addresses), as the build's
 * Markdown copy of the page (`<page>/index.html.md` beside its HTML) has it. Undefined when the
 * build wrote no copy of the page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PageRecord } from '../../content/index.ts';
import { builtServerDir } from '../../handbook/server.ts';

export async function pageMarkdown(page: PageRecord): Promise<string | undefined> {
  const serverDir = builtServerDir();
  if (!serverDir) return undefined;
  const file = join(dirname(serverDir), 'client', ...page.url.split('/').filter(Boolean), 'index.html.md');
  if (!existsSync(file)) return undefined;
  return readFile(file, 'utf8');
}
