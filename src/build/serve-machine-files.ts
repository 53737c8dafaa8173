/**
 * Dev-server middleware: the files the build writes for machines (build/machine-files.ts),
 * made on request from the content folder: a page's Markdown copy at its address +
 * index.html.md, /llms.txt, /llms-full.txt and /opensearch.xml.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { publicUrlOf } from '../features/content/index.ts';
import { builtSite } from '../features/handbook/index.ts';
import { loadSite } from '../features/handbook/loader.ts';
import {
  LLMS_FULL_TXT_FILE,
  LLMS_TXT_FILE,
  llmsFullTxt,
  llmsTxt,
  makeMarkdownCopy,
  OPENSEARCH_FILE,
  OPENSEARCH_TYPE,
  openSearchXml,
  pageUrlOfCopy,
} from '../features/handbook/machines.ts';

export function serveMachineFiles(contentDir: string, quizzesDir: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const pathname = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const copyOf = pageUrlOfCopy(pathname);
    if (!copyOf && pathname !== `/${LLMS_TXT_FILE}` && pathname !== `/${LLMS_FULL_TXT_FILE}` && pathname !== `/${OPENSEARCH_FILE}`)
      return next();
    const site = builtSite() ?? loadSite(contentDir, { checkLinks: false, quizzesDir });
    const publicUrl = publicUrlOf(site.settings);
    const send = (type: string, text: string) => {
      response.setHeader('Content-Type', type);
      response.end(text);
    };
    if (copyOf) {
      const page = site.pages.find((candidate) => candidate.url === copyOf);
      if (!page) return next();
      return send('text/markdown; charset=utf-8', makeMarkdownCopy(contentDir, page, publicUrl));
    }
    if (pathname === `/${OPENSEARCH_FILE}`) return send(`${OPENSEARCH_TYPE}; charset=utf-8`, openSearchXml(site.settings));
    if (pathname === `/${LLMS_TXT_FILE}`) return send('text/plain; charset=utf-8', llmsTxt(site));
    return send(
      'text/plain; charset=utf-8',
      llmsFullTxt(site, (page) => makeMarkdownCopy(contentDir, page, publicUrl)),
    );
  };
}
