/**
 * The handbook for machines over HTTP: the Markdown copies, llms.txt and the OpenSearch
 * description with their content types, and on a private handbook only for people signed in.
 */
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const FILES = [
  ['/policies/refunds/index.html.md', 'text/markdown; charset=utf-8', '# Refunds\n'],
  ['/index.html.md', 'text/markdown; charset=utf-8', '# '],
  ['/llms.txt', 'text/plain; charset=utf-8', '# Fixture Co Handbook\n'],
  ['/llms-full.txt', 'text/plain; charset=utf-8', '# Fixture Co Handbook\n'],
  ['/opensearch.xml', 'application/opensearchdescription+xml; charset=utf-8', '<?xml version="1.0" encoding="UTF-8"?>'],
] as const;

describe.each(DATABASES)('files for machines on $name', (database) => {
  describe.skipIf(!database.available)('a public handbook', () => {
    const site = useServedSite(database, FIXTURE_DIST);

    it('serves each with its type to anyone', async () => {
      for (const [path, type, start] of FILES) {
        const response = await fetch(`${site.server.url}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toBe(type);
        expect(response.headers.get('cache-control'), path).toBe('public, max-age=0');
        expect((await response.text()).startsWith(start), path).toBe(true);
      }
    });

    it('answers a page with no copy, or a copy by another name, with 404', async () => {
      for (const path of ['/no-such-page/index.html.md', '/policies/refunds.md', '/faq/unpublished/index.html.md']) {
        expect((await fetch(`${site.server.url}${path}`)).status, path).toBe(404);
      }
    });
  });

  describe.skipIf(!database.available)('a private handbook', () => {
    const site = useServedSite(database, FIXTURE_DIST, { env: { KNOWHOW_ACCESS: 'signed-in' }, signIn: { member: PEOPLE.member.email } });

    it('answers someone not signed in with 401 and nothing of the handbook', async () => {
      for (const [path] of FILES) {
        const response = await fetch(`${site.server.url}${path}`, { redirect: 'manual' });
        expect(response.status, path).toBe(401);
        expect(await response.text(), path).not.toContain('Refund');
      }
    });

    it('serves them to someone signed in, kept out of shared caches', async () => {
      for (const [path, type, start] of FILES) {
        const response = await fetch(`${site.server.url}${path}`, { headers: { cookie: site.cookies.member } });
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toBe(type);
        expect(response.headers.get('cache-control'), path).toBe('private, no-cache');
        expect((await response.text()).startsWith(start), path).toBe(true);
      }
    });
  });
});
