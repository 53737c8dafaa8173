/**
 * The site's server (cli/serve.ts) over real HTTP: Pagefind's gzipped index files go out
 * as they are stored, gzip-encoded and cached for good; everything else is Astro's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sqlite } from '../helpers/databases.ts';
import { FIXTURE_DIST } from '../helpers/fixture-site.ts';
import { useServedSite } from '../helpers/served-site.ts';

const site = useServedSite(sqlite, FIXTURE_DIST, { people: false });

/** A GET without fetch's automatic decoding: the headers and the bytes as sent. */
function raw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${site.server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const pagefind = join(FIXTURE_DIST, 'client/pagefind');
const chunk = `index/${readdirSync(join(pagefind, 'index'))[0]}`;

describe('the site server', () => {
  it('sends Pagefind’s index files gzip-encoded, byte for byte as stored, cached for good', async () => {
    const response = await raw(`/pagefind/${chunk}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body.equals(readFileSync(join(pagefind, chunk)))).toBe(true);
    // The WebAssembly's name has no hash: it is revalidated, and not sent again while unchanged.
    const wasm = await raw('/pagefind/wasm.en.pagefind', { 'accept-encoding': 'gzip' });
    expect(wasm.headers['cache-control']).toBe('public, max-age=0');
    const again = await raw('/pagefind/wasm.en.pagefind', { 'accept-encoding': 'gzip', 'if-none-match': String(wasm.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('leaves them to Astro for a client that takes no gzip, and never serves outside Pagefind’s folder', async () => {
    const plain = await raw(`/pagefind/${chunk}`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const outside = await raw('/pagefind/index/..%2F..%2F..%2Fserver%2Fentry.mjs', { 'accept-encoding': 'gzip' });
    expect(outside.headers['content-encoding']).toBeUndefined();
    expect(outside.body.toString()).not.toContain('startServer');
  });

  it('sends the word lists gzipped, and answers a repeat request with 304', async () => {
    const first = await raw('/pagefind/knowhow-en.json', { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(first.body).toString('utf8'))).toEqual(
      JSON.parse(readFileSync(join(pagefind, 'knowhow-en.json'), 'utf8')),
    );
    const again = await raw('/pagefind/knowhow-en.json', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('serves the pages and the API as before', async () => {
    expect((await raw('/policies/refunds/')).status).toBe(200);
    expect((await raw('/api/health')).status).toBe(200);
  });
});
