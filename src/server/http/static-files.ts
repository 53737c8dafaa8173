/**
 * The built site's static files (dist/client): pages at their folder addresses
 * (/policies/refunds/ is policies/refunds/index.html, with or without the slash), the site's
 * bundled styles and scripts, and the images and files pages link to. `send` does the HTTP
 * part (ranges, ETags, 304s, no dot files, nothing outside the folder).
 */
import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize } from 'node:path';
import send from 'send';

export type CacheScope = 'public' | 'private';

/**
 * Types `send` would get wrong by the file's extension alone: the OpenSearch description is XML
 * of its own type. (.md copies are text/markdown; charset=utf-8, .txt text/plain, by extension.)
 */
const CONTENT_TYPES: Record<string, string> = {
  '/opensearch.xml': 'application/opensearchdescription+xml; charset=utf-8',
};

/** Cache-Control for a file: hashed names may be kept for good; a private handbook stays out of shared caches. */
export function cacheControlFor(scope: CacheScope, immutable: boolean): string {
  return immutable ? `${scope}, max-age=31536000, immutable` : scope === 'private' ? 'private, no-cache' : 'public, max-age=0';
}

/** The file under `clientDir` for a decoded request path, or undefined when there is none. */
export function staticFileFor(clientDir: string, pathname: string): string | undefined {
  const relative = normalize(pathname).replace(/^(\.\.(\/|\\|$))+/, '');
  if (relative.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  let path = join(clientDir, relative);
  try {
    let stat = statSync(path);
    if (stat.isDirectory()) {
      path = join(path, 'index.html');
      stat = statSync(path);
    }
    return stat.isFile() ? path.slice(clientDir.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Sends the static file for the request, or returns false when there is none (GET and HEAD only). */
export function sendStaticFile(
  clientDir: string,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  scope: CacheScope,
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const file = staticFileFor(clientDir, pathname);
  if (!file) return false;
  const immutable = file.startsWith('/_astro/');
  // send decodes the path it is given, so it gets the file's path percent-encoded again.
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  send(request, encoded, { root: clientDir, dotfiles: 'deny', index: false, cacheControl: false })
    .on('headers', (outgoing: ServerResponse) => {
      outgoing.setHeader('Cache-Control', cacheControlFor(scope, immutable));
      const type = CONTENT_TYPES[file];
      if (type) outgoing.setHeader('Content-Type', type);
    })
    .on('error', (error: { status?: number }) => {
      response.statusCode = error.status ?? 500;
      response.end();
    })
    .pipe(response);
  return true;
}
