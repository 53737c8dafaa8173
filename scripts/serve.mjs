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
/** The search's word lists and result cards, stored as plain JSON. */
const WORD_LISTS = /^\/pagefind\/(knowhow-[\w-]+\.json)$/;
const pagefindDir = join(outDir, 'client/pagefind');
const gzippedLists = new Map();

/** The file under Pagefind's folder that a GET or HEAD taking gzip asks for, if its name matches. */
function requestedFile(request, pattern) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return undefined;
  const name = pattern.exec((request.url ?? '').split('?')[0])?.[1];
  if (!name) return undefined;
  const path = join(pagefindDir, name);
  try {
    return { name, path, stat: statSync(path) };
  } catch {
    return undefined;
  }
}

/** Sends gzip-encoded bytes (a stream of the file, or `body`), or 304 when the client has them. */
function sendGzipped(request, response, { path, stat, body, type, immutable }) {
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-gz"`;
  const headers = {
    ETag: etag,
    Vary: 'Accept-Encoding',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0',
  };
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

/** Sends a search file gzip-encoded, or returns false to leave the request to Astro. */
function sendSearchFile(request, response) {
  const pagefindFile = requestedFile(request, GZIPPED);
  if (pagefindFile) {
    const immutable = !pagefindFile.name.startsWith('wasm.');
    sendGzipped(request, response, { ...pagefindFile, type: 'application/octet-stream', immutable });
    return true;
  }
  const wordList = requestedFile(request, WORD_LISTS);
  if (!wordList) return false;
  // Gzipped once per version of the file, on its first request.
  const key = `${wordList.stat.size}-${wordList.stat.mtimeMs}`;
  if (gzippedLists.get(wordList.path)?.key !== key) gzippedLists.set(wordList.path, { key, body: gzipSync(readFileSync(wordList.path)) });
  const { body } = gzippedLists.get(wordList.path);
  sendGzipped(request, response, { ...wordList, body, type: 'application/json; charset=utf-8', immutable: false });
  return true;
}

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
process.env.HOST = host;
process.env.PORT = String(port);
const { handler } = await import(pathToFileURL(entry).href);
createServer((request, response) => {
  if (!sendSearchFile(request, response)) handler(request, response);
}).listen(port, host, () => console.log(`Knowhow is serving on http://${host}:${port}/`));
