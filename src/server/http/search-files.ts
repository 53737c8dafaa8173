/**
 * The search's files, sent by the site's server itself rather than as plain static files:
 * - Pagefind's index files are stored gzipped, and sent as they are with Content-Encoding: gzip,
 *   so the browser unpacks them natively instead of Pagefind doing it in script on the page's
 *   main thread (a quarter of the time of a first search on a large handbook). Their names carry
 *   a content hash, so they may be cached for good.
 * - The search's word lists and result cards (knowhow-*.json, a few hundred kilobytes on a large
 *   handbook) are gzipped once, on their first request.
 */
import { createReadStream, readFileSync, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type CacheScope, cacheControlFor } from './static-files.ts';

/** Pagefind's gzipped files, by path under /pagefind/; only the WebAssembly's name has no hash. */
const GZIPPED =
  /^\/pagefind\/((?:index|fragment|filter)\/[\w-]+\.pf_(?:index|fragment|filter)|pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind)$/;
/** The search's word lists and result cards, stored as plain JSON. */
const WORD_LISTS = /^\/pagefind\/(knowhow-[\w-]+\.json)$/;

interface RequestedFile {
  name: string;
  path: string;
  stat: Stats;
}

export interface SearchFileServer {
  /** Sends a search file gzip-encoded and returns true, or returns false to leave the request to others. */
  send(request: IncomingMessage, response: ServerResponse, pathname: string, scope: CacheScope): boolean;
}

export function searchFileServer(clientDir: string): SearchFileServer {
  const pagefindDir = join(clientDir, 'pagefind');
  const gzippedLists = new Map<string, { key: string; body: Buffer }>();

  function requested(request: IncomingMessage, pathname: string, pattern: RegExp): RequestedFile | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return undefined;
    const name = pattern.exec(pathname)?.[1];
    if (!name) return undefined;
    const path = join(pagefindDir, name);
    try {
      return { name, path, stat: statSync(path) };
    } catch {
      return undefined;
    }
  }

  return {
    send(request, response, pathname, scope) {
      const pagefindFile = requested(request, pathname, GZIPPED);
      if (pagefindFile) {
        const immutable = !pagefindFile.name.startsWith('wasm.');
        sendGzipped(request, response, pagefindFile, { type: 'application/octet-stream', cacheControl: cacheControlFor(scope, immutable) });
        return true;
      }
      const wordList = requested(request, pathname, WORD_LISTS);
      if (!wordList) return false;
      // Gzipped once per version of the file, on its first request.
      const key = `${wordList.stat.size}-${wordList.stat.mtimeMs}`;
      let cached = gzippedLists.get(wordList.path);
      if (cached?.key !== key) {
        cached = { key, body: gzipSync(readFileSync(wordList.path)) };
        gzippedLists.set(wordList.path, cached);
      }
      sendGzipped(request, response, wordList, {
        body: cached.body,
        type: 'application/json; charset=utf-8',
        cacheControl: cacheControlFor(scope, false),
      });
      return true;
    },
  };
}

/** Sends gzip-encoded bytes (a stream of the file, or `body`), or 304 when the client has them. */
function sendGzipped(
  request: IncomingMessage,
  response: ServerResponse,
  { path, stat }: RequestedFile,
  { body, type, cacheControl }: { body?: Buffer; type: string; cacheControl: string },
): void {
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-gz"`;
  const headers = { ETag: etag, Vary: 'Accept-Encoding', 'Cache-Control': cacheControl };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body?.length ?? stat.size });
  if (request.method === 'HEAD') response.end();
  else if (body) response.end(body);
  else createReadStream(path).pipe(response);
}
