// Starts the built site (dist/server/entry.mjs) on HOST:PORT, default http://localhost:4321.
// Run through npm (`npm start` builds first; `npm run serve` serves the last build).
//
// Astro's standalone server answers every request but those for the search's files:
// - Pagefind's index files are stored gzipped, and sent as they are with Content-Encoding: gzip,
//   so the browser unpacks them natively instead of Pagefind doing it in script on the page's
//   main thread (a quarter of the time of a first search on a large handbook). Their names carry
//   a content hash, so they may be cached for good.
// - The search's word lists and result cards (knowhow-*.json, a few hundred kilobytes on a large
//   handbook) are gzipped once, on their first request, which Astro's server would not do.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(projectRoot, process.env.KNOWHOW_OUT_DIR ?? 'dist');
const entry = join(outDir, 'server/entry.mjs');
if (!existsSync(entry)) {
  console.error(`No build found at ${outDir}. Run \`npm start\` (builds, then serves) or \`npm run build\` first.`);
  process.exit(1);
}
const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);

/** Pagefind's gzipped files, by path under /pagefind/; only the WebAssembly's name has no hash. */
const GZIPPED =
  /^\/pagefind\/((?:index|fragment|filter)\/[\w-]+\.pf_(?:index|fragment|filter)|pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind)$/;
const pagefindDir = join(outDir, 'client/pagefind');

/** Sends a Pagefind file gzip-encoded, or returns false to leave the request to Astro. */
function sendPagefindFile(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const file = GZIPPED.exec((request.url ?? '').split('?')[0])?.[1];
  if (!file || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return false;
  const path = join(pagefindDir, file);
  let size;
  try {
    size = statSync(path).size;
  } catch {
    return false;
  }
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Encoding': 'gzip',
    'Content-Length': size,
    Vary: 'Accept-Encoding',
    'Cache-Control': file.startsWith('wasm.') ? 'public, max-age=0' : 'public, max-age=31536000, immutable',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(path).pipe(response);
  return true;
}

const WORD_LISTS = /^\/pagefind\/(knowhow-[\w-]+\.json)$/;
const gzippedLists = new Map();

/** Sends a word list or the result cards gzipped, or returns false to leave the request to Astro. */
function sendWordList(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const file = WORD_LISTS.exec((request.url ?? '').split('?')[0])?.[1];
  if (!file || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return false;
  const path = join(pagefindDir, file);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false;
  }
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-gz"`;
  let cached = gzippedLists.get(path);
  if (cached?.etag !== etag) {
    cached = { etag, body: gzipSync(readFileSync(path)) };
    gzippedLists.set(path, cached);
  }
  const headers = { ETag: etag, Vary: 'Accept-Encoding', 'Cache-Control': 'public, max-age=0' };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Encoding': 'gzip',
    'Content-Length': cached.body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : cached.body);
  return true;
}

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
process.env.HOST = host;
process.env.PORT = String(port);
const { handler } = await import(pathToFileURL(entry).href);
createServer((request, response) => {
  if (!sendPagefindFile(request, response) && !sendWordList(request, response)) handler(request, response);
}).listen(port, host, () => console.log(`Knowhow is serving on http://${host}:${port}/`));
