/**
 * A private handbook (KNOWHOW_ACCESS=signed-in) leaks nothing to someone who is not signed in:
 * every file of the built site is asked for without a session, and none of them answers with
 * handbook content. Signed in, the same files are there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE, signIn } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const CLIENT_DIR = join(FIXTURE_DIST, 'client');

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [`/${relative(CLIENT_DIR, path)}`];
  });
}

/** What signing in needs, and holds no handbook text: the site's own styles and scripts, its icon. */
const OPEN = /^\/(_astro\/[\w.-]+\.(css|js)|favicon\.svg)$/;
/** Words that appear only in the handbook's pages, never in the site's own code. */
const HANDBOOK_WORDS = ['Customers get a full refund', 'Fixture Co Handbook', 'process-refund', 'tone-of-voice'];

describe('a private handbook', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, { env: { KNOWHOW_ACCESS: 'signed-in' } });

  it('gives nothing of any built file to someone not signed in', async () => {
    const files = filesOf(CLIENT_DIR);
    expect(files.length).toBeGreaterThan(30);
    const leaks: string[] = [];
    for (const file of files) {
      // Each file by its own name, and pages also at their folder address.
      const addresses = file.endsWith('/index.html')
        ? [file, file.replace(/index\.html$/, ''), file.replace(/\/index\.html$/, '')]
        : [file];
      for (const address of addresses.filter(Boolean)) {
        for (const encoding of ['identity', 'gzip']) {
          const response = await fetch(`${site.server.url}${address}`, { redirect: 'manual', headers: { 'Accept-Encoding': encoding } });
          const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
          if (OPEN.test(address)) {
            if (HANDBOOK_WORDS.some((word) => body.includes(word))) leaks.push(`${address} is open and holds handbook text`);
            continue;
          }
          if (response.status !== 302 && response.status !== 401) leaks.push(`${address} (${encoding}): ${response.status}`);
          if (HANDBOOK_WORDS.some((word) => body.includes(word))) leaks.push(`${address} (${encoding}): handbook text in the answer`);
          if (response.headers.get('cache-control')?.includes('public')) leaks.push(`${address}: cacheable by shared caches`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses tricks: dot segments, encoded slashes, search and the API', async () => {
    for (const address of [
      '/_astro/..',
      '/_astro/%2e%2e/',
      '/_astro/..%2Fpolicies%2Frefunds%2Findex.html',
      '/favicon.svg/../policies/refunds/',
      '/search/?q=refund',
      '/api/search?q=refund',
      '/api/search?q=refund&lang=all',
      '/search/?q=refund&lang=all',
      '/api/openapi.json',
      '/pagefind/pagefind-entry.json',
    ]) {
      const response = await fetch(`${site.server.url}${address}`, { redirect: 'manual' });
      const body = await response.text();
      expect([302, 400, 401], address).toContain(response.status);
      expect(
        HANDBOOK_WORDS.some((word) => body.includes(word)),
        address,
      ).toBe(false);
    }
  });

  it('sends people to sign in and back to the page they asked for', async () => {
    const response = await fetch(`${site.server.url}/policies/refunds/?from=chat`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/sign-in/?next=%2Fpolicies%2Frefunds%2F%3Ffrom%3Dchat');
    const signInPage = await (await fetch(`${site.server.url}/sign-in/?next=%2Fpolicies%2Frefunds%2F`)).text();
    expect(signInPage).toContain('This handbook is for staff');
    // No search on it: its files would need a session.
    expect(signInPage).not.toContain('/pagefind/');
  });

  it('serves every file to someone signed in', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.member.email);
    const files = filesOf(CLIENT_DIR).filter((file) => file !== '/404.html');
    for (const file of files) {
      const response = await fetch(`${site.server.url}${file}`, { headers: { Cookie: cookie } });
      expect(response.status, file).toBe(200);
      if (!OPEN.test(file)) expect(response.headers.get('cache-control'), file).toMatch(/^private/);
      await response.arrayBuffer();
    }
    const page = await (await fetch(`${site.server.url}/policies/refunds/`, { headers: { Cookie: cookie } })).text();
    expect(page).toContain('Customers get a full refund');
    expect(readFileSync(join(CLIENT_DIR, 'policies/refunds/index.html'), 'utf8')).toContain('Customers get a full refund');
  });
});
