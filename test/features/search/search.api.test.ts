/**
 * GET /api/search over real HTTP, served by the built fixture site's own server.
 */
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';

interface SearchAnswer {
  query: string;
  tookMs: number;
  results: {
    title: string;
    url: string;
    summary: string;
    snippet: string;
    anchor: string;
    type: string;
    section: string;
    status: string;
    score: number;
  }[];
}

const site = useServedSite(sqlite, FIXTURE_DIST, {
  people: false,
  env: { KNOWHOW_CORS_ORIGINS: 'https://helpdesk.example.com', KNOWHOW_SEARCH_RATE_LIMIT: '40' },
});

const search = async (query: string, init?: RequestInit) => fetch(`${site.server.url}/api/search?${query}`, init);
const answer = async (query: string) => (await (await search(query)).json()) as SearchAnswer;

describe('GET /api/search', () => {
  it('answers with the documented shape, best page first', async () => {
    const response = await search('q=customer+wants+money+back');
    expect(response.status).toBe(200);
    const body = (await response.json()) as SearchAnswer;
    expect(body.query).toBe('customer wants money back');
    expect(body.tookMs).toBeGreaterThanOrEqual(0);
    expect(body.results[0]).toMatchObject({
      title: 'Refunds',
      url: '/policies/refunds/',
      summary: 'Customers get a full refund within 30 days of purchase.',
      type: 'policy',
      section: 'Policies',
      status: 'overdue',
    });
    expect(body.results[0]?.score).toBeGreaterThan(0);
    expect(body.results[0]?.snippet.length).toBeGreaterThan(0);
  });

  it('does not need every word to match, forgives typos and points at the matching section', async () => {
    const body = await answer('q=how+do+I+proces+a+refnud+in+the+console');
    expect(body.results.map((result) => result.url)).toContain('/procedures/process-refund/');
    const deep = await answer('q=check+the+order');
    expect(deep.results[0]).toMatchObject({ url: '/procedures/process-refund/', anchor: 'check-the-order' });
  });

  it('filters by type and honours the limit', async () => {
    const procedures = await answer('q=refund&type=procedure');
    expect(procedures.results.map((result) => result.type)).toEqual(['procedure']);
    expect((await answer('q=refund&limit=1')).results).toHaveLength(1);
  });

  it('refuses a missing, empty or over-long question and bad parameters, field by field', async () => {
    for (const query of ['', 'q=', 'q=%20%20']) {
      const response = await search(query);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'INVALID_INPUT',
          message: 'The query is not valid; see fields.',
          fields: { q: 'add the question to search for, e.g. ?q=refund after 30 days' },
        },
      });
    }
    const tooLong = await search(`q=${'a'.repeat(201)}&limit=0&type=polcy&lang=English`);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      q: 'keep the question under 200 characters',
      limit: 'write a whole number from 1 to 50',
      type: 'write one of policy, procedure, guide, faq',
      lang: 'write a language code, e.g. en or de, or all to search every language',
    });
  });

  it('says so when there is no index for a language', async () => {
    const response = await search('q=refund&lang=fi');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('SEARCH_UNAVAILABLE');
  });

  it('lets only the listed origins read answers from a browser', async () => {
    const listed = await search('q=refund', { headers: { Origin: 'https://helpdesk.example.com' } });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://helpdesk.example.com');
    const other = await search('q=refund', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${site.server.url}/api/search`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://helpdesk.example.com' },
    });
    expect(preflight.status).toBe(204);
    expect((await fetch(`${site.server.url}/api/search`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } })).status).toBe(
      403,
    );
  });
});

describe('GET /search/', () => {
  it('renders the results on the server, each linking to its best section', async () => {
    const html = await (await fetch(`${site.server.url}/search/?q=check+the+order`)).text();
    expect(html).toContain('class="search-result-title" href="/procedures/process-refund/#check-the-order"');
    expect(html).toMatch(/pages for “check the order”/);
  });

  it('shows an empty search form without a question, and says when nothing matches', async () => {
    const empty = await fetch(`${site.server.url}/search/`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).not.toContain('search-result-title');
    expect(await (await fetch(`${site.server.url}/search/?q=zzzzqqq`)).text()).toContain('No pages match “zzzzqqq”.');
  });
});

describe('rate limiting', () => {
  const limited = useServedSite(sqlite, FIXTURE_DIST, { people: false, env: { KNOWHOW_SEARCH_RATE_LIMIT: '3' } });

  it('answers 429 with Retry-After once a client has used its share, on the API and the results page alike', async () => {
    const statuses: number[] = [];
    // A client cannot pick another bucket with X-Forwarded-For: this server trusts no proxy.
    for (let request = 0; request < 2; request++) {
      statuses.push(
        (await fetch(`${limited.server.url}/api/search?q=refund`, { headers: { 'X-Forwarded-For': `10.0.0.${request}` } })).status,
      );
    }
    statuses.push((await fetch(`${limited.server.url}/search/?q=refund`)).status);
    const page = await fetch(`${limited.server.url}/search/?q=refund+window`);
    statuses.push(page.status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await page.text()).toContain('Too many searches from this address');
    const response = await fetch(`${limited.server.url}/api/search?q=refund`);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });
});
