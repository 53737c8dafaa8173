/**
 * The files the build writes for machines into the public site (dist/client): every published
 * page's clean Markdown copy at its address + index.html.md, /llms.txt and /llms-full.txt
 * (llmstxt.org), and /opensearch.xml. On a private handbook the server's gate keeps them to
 * people signed in and keys with `read`, like the pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildContentIndex, listFiles, type PageRecord, publicUrlOf } from '../features/content/index.ts';
import type { SiteModel } from '../features/handbook/index.ts';
import {
  LLMS_FULL_TXT_FILE,
  LLMS_TXT_FILE,
  llmsFullTxt,
  llmsTxt,
  makeMarkdownCopy,
  markdownCopyPath,
  OPENSEARCH_FILE,
  openSearchXml,
} from '../features/handbook/machines.ts';

export function writeMachineFiles(clientDir: string, site: SiteModel): { copies: number } {
  const publicUrl = publicUrlOf(site.settings);
  const index = buildContentIndex(listFiles(site.contentDir));
  const copies = new Map<string, string>();
  for (const page of site.pages) {
    if (page.draft) continue;
    const copy = makeMarkdownCopy(site.contentDir, page, publicUrl, index);
    copies.set(page.id, copy);
    write(clientDir, markdownCopyPath(page.url), copy);
  }
  write(clientDir, `/${LLMS_TXT_FILE}`, llmsTxt(site));
  write(
    clientDir,
    `/${LLMS_FULL_TXT_FILE}`,
    llmsFullTxt(site, (page: PageRecord) => copies.get(page.id)),
  );
  write(clientDir, `/${OPENSEARCH_FILE}`, openSearchXml(site.settings));
  return { copies: copies.size };
}

function write(clientDir: string, path: string, text: string): void {
  const target = join(clientDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
