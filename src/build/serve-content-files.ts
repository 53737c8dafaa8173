/**
 * Dev-server middleware: images and other files in the content folder are served at their path
 * (`content/images/escalation.svg` -> `/images/escalation.svg`), as the build copies them.
 * Pages, settings and owner files are not served.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { isPageFile, joinPath } from '../features/content/index.ts';

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

export function serveContentFiles(contentDir: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const pathname = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const relPath = joinPath('', pathname);
    const type = TYPES[extname(pathname).toLowerCase()];
    if (!relPath || !type || isPageFile(relPath)) return next();
    const path = join(contentDir, relPath);
    try {
      if (!statSync(path).isFile()) return next();
    } catch {
      return next();
    }
    response.setHeader('Content-Type', type);
    createReadStream(path).pipe(response);
  };
}
