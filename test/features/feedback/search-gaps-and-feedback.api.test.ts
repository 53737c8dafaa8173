/**
 * Search gaps and page feedback over real HTTP against the built fixture site, on SQLite and
 * PostgreSQL: searches that found nothing (the API, the results page) and reports from the
 * in-page search counted with their closest section; answers to "Was this page helpful?" by
 * the API and by the plain form; what managers and page owners read, as JSON and CSV; the
 * limits per client address.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { requestsAs } from '../../helpers/requests-as.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { startServer } from '../../helpers/server.ts';

interface Gap {
  question: string;
  searches: number;
  noResults: number;
  notOpened: number;
  section: string | null;
  sectionTitle: string;
}
interface FeedbackReport {
  pages: { url: string; yes: number; no: number; comments: { comment: string | null; helpful: boolean }[] }[];
  entries: { page: string; helpful: boolean; comment: string | null }[];
}

describe.each(DATABASES)('search gaps and page feedback over HTTP on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, {
    prepare: async (app) => {
      await createUser(
        app,
        { user: null },
        {
          email: 'bea.billing@fixture.example',
          name: 'Bea Billing',
          role: 'member',
          jobRoles: ['agent'],
          team: null,
          ownerHandles: ['Billing Operations'],
          password: PASSWORD,
        },
      );
    },
    // Loopback is the proxy, so X-Forwarded-For tells one anonymous reader from another.
    env: { KNOWHOW_TRUSTED_PROXIES: 'loopback' },
    signIn: { manager: PEOPLE.manager.email, member: PEOPLE.member.email, owner: 'bea.billing@fixture.example' },
  });
  const cookies: Record<string, string> = site.cookies;

  const { call } = requestsAs(site, cookies);
  const post = (path: string, as: string, body: unknown) => call(path, as, { method: 'POST', body: JSON.stringify(body) });
  const gaps = async (as = 'manager', query = '') => {
    const response = await call(`/api/reports/search-gaps${query}`, as);
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { gaps: Gap[] }).gaps;
  };
  /** Counts that the server makes after answering arrive a moment later. */
  const eventually = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    for (let tries = 0; ; tries++) {
      const value = await read();
      if (ok(value) || tries > 50) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it.skipIf(!database.available)('counts searches that found nothing, and searches nobody opened, with the closest section', async () => {
    expect((await call('/api/search?q=zebra%20grooming%20allowance', 'anonymous')).status).toBe(200);
    // The same reader asking again counts once; another reader counts.
    expect((await call('/api/search?q=zebra%20grooming%20allowance', 'anonymous')).status).toBe(200);
    expect(
      (await call('/search/?q=Zebra+grooming+allowance%3F', 'anonymous', { headers: { 'X-Forwarded-For': '198.51.100.2' } })).status,
    ).toBe(200);
    expect((await post('/api/search/events', 'anonymous', { query: 'Refund for pets?', results: 3, opened: false })).status).toBe(202);
    expect((await post('/api/search/events', 'member', { query: 'refund  for pets', results: 3, opened: true })).status).toBe(202);
    expect(await (await post('/api/search/events', 'anonymous', { query: '?!', results: 0, opened: false })).json()).toEqual({
      counted: false,
    });
    const found = await eventually(gaps, (list) => list.some((gap) => gap.question === 'zebra grooming allowance' && gap.noResults === 2));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question: 'zebra grooming allowance', searches: 2, noResults: 2, notOpened: 0, section: null }),
        expect.objectContaining({
          question: 'refund for pets',
          searches: 2,
          noResults: 0,
          notOpened: 1,
          section: '/policies/',
          sectionTitle: 'Policies',
        }),
      ]),
    );
    expect((await gaps('manager', '?section=/policies/')).map((gap) => gap.question)).toEqual(['refund for pets']);
    // The owner of a policy sees questions close to the policies, and those close to nothing.
    expect((await gaps('owner')).map((gap) => gap.question).sort()).toEqual(['refund for pets', 'zebra grooming allowance']);
    expect((await call('/api/reports/search-gaps', 'member')).status).toBe(403);
    expect((await call('/api/reports/search-gaps', 'anonymous')).status).toBe(401);

    const csv = await call('/api/reports/search-gaps?days=7', 'manager', { headers: { Accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('question,unanswered,no_results,not_opened,searches,closest_section,first_day,last_day');
    expect(lines).toContainEqual(expect.stringMatching(/^refund for pets,1,0,1,2,\/policies\/,/));
  });

  it.skipIf(!database.available)('refuses malformed search reports', async () => {
    const bad = async (body: unknown, status = 400) => {
      const response = await post('/api/search/events', 'anonymous', body);
      expect(response.status).toBe(status);
      return ((await response.json()) as { error: { code: string; fields?: Record<string, string> } }).error;
    };
    expect((await bad({ query: 'x', results: -1, opened: false })).fields).toHaveProperty('results');
    expect((await bad({ query: 'x'.repeat(501), results: 0, opened: false })).fields).toHaveProperty('query');
    expect((await bad({ query: 'x', results: 0 })).fields).toHaveProperty('opened');
    const plain = await call('/api/search/events', 'anonymous', {
      method: 'POST',
      body: 'query=x',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect([403, 415]).toContain(plain.status);
  });

  it.skipIf(!database.available)('takes answers by the API, with a comment added after, and shows them to the page’s owner', async () => {
    const vote = await post('/api/feedback', 'anonymous', { page: '/policies/refunds/', helpful: false });
    expect(vote.status).toBe(201);
    const { id } = (await vote.json()) as { id: string };
    const commented = await post('/api/feedback', 'anonymous', {
      page: '/policies/refunds/',
      helpful: false,
      comment: 'What about store credit?',
      id,
    });
    expect(await commented.json()).toEqual({ id, replaced: true });
    expect((await post('/api/feedback', 'member', { page: '/guides/tone-of-voice/', helpful: true })).status).toBe(201);
    expect((await post('/api/feedback', 'anonymous', { page: '/no-such-page/', helpful: true })).status).toBe(404);
    expect(
      (await post('/api/feedback', 'anonymous', { page: '/policies/refunds/', helpful: true, comment: 'x'.repeat(1001) })).status,
    ).toBe(400);

    const mine = (await (await call('/api/reports/feedback', 'owner')).json()) as FeedbackReport;
    expect(mine.pages.map((page) => [page.url, page.yes, page.no])).toEqual([['/policies/refunds/', 0, 1]]);
    expect(mine.pages[0]?.comments.map((entry) => entry.comment)).toEqual(['What about store credit?']);
    const all = (await (await call('/api/reports/feedback?helpful=yes', 'manager')).json()) as FeedbackReport;
    expect(all.entries.map((entry) => entry.page)).toEqual(['/guides/tone-of-voice/']);
    expect(JSON.stringify(all)).not.toMatch(/mia|member|userId|user_id/i);
    expect((await call('/api/reports/feedback', 'member')).status).toBe(403);
    const csv = await (await call('/api/reports/feedback?format=csv&page=/policies/refunds/', 'manager')).text();
    expect(csv.trim().split('\n')).toEqual([
      'at,page,title,page_version,helpful,comment',
      expect.stringMatching(/^[\d-]+T[\d:.]+Z,\/policies\/refunds\/,Refunds?[^,]*,\w+,no,What about store credit\?$/),
    ]);
  });

  it.skipIf(!database.available)('takes answers by the plain form, without JavaScript, and comes back with a thank-you', async () => {
    const form = (fields: Record<string, string>, origin = site.server.url) =>
      fetch(`${site.server.url}/feedback/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const voted = await form({ page: '/guides/tone-of-voice/', helpful: 'no' });
    expect(voted.status).toBe(303);
    const thanks = voted.headers.get('location') ?? '';
    expect(thanks).toMatch(/^\/feedback\/\?page=%2Fguides%2Ftone-of-voice%2F&helpful=no&id=\w+$/);
    const page = await (await fetch(`${site.server.url}${thanks}`)).text();
    expect(page).toContain('Thank you for your answer.');
    expect(page).toContain('<textarea id="comment" name="comment"');
    const id = new URL(thanks, site.server.url).searchParams.get('id') as string;
    const commented = await form({ page: '/guides/tone-of-voice/', helpful: 'no', id, comment: 'Needs an example of a refusal.' });
    expect(commented.headers.get('location')).toBe('/feedback/?page=%2Fguides%2Ftone-of-voice%2F&helpful=no&sent=comment');
    const report = (await (await call('/api/reports/feedback?page=/guides/tone-of-voice/&helpful=no', 'manager')).json()) as FeedbackReport;
    expect(report.entries.map((entry) => entry.comment)).toEqual(['Needs an example of a refusal.']);
    expect((await form({ page: '/guides/tone-of-voice/', helpful: 'maybe' })).status).toBe(400);
    expect((await form({ page: '/guides/tone-of-voice/', helpful: 'no' }, 'https://evil.example')).status).toBe(403);
  });

  it.skipIf(!database.available)('limits search reports and feedback per client address', async () => {
    const limited = await startServer(FIXTURE_DIST, {
      DATABASE_URL: site.server.databaseUrl,
      KNOWHOW_SEARCH_REPORT_RATE_LIMIT: '2',
      KNOWHOW_FEEDBACK_RATE_LIMIT: '2',
    });
    try {
      const send = (path: string, body: unknown) =>
        fetch(`${limited.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: limited.url },
          body: JSON.stringify(body),
        });
      const reports = [];
      for (let i = 0; i < 3; i++) reports.push(await send('/api/search/events', { query: `limit ${i}`, results: 0, opened: false }));
      expect(reports.map((response) => response.status)).toEqual([202, 202, 429]);
      expect(Number(reports[2]?.headers.get('retry-after'))).toBeGreaterThan(0);
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await send('/api/feedback', { page: '/policies/refunds/', helpful: true }));
      expect(answers.map((response) => response.status)).toEqual([201, 201, 429]);
    } finally {
      await limited.stop();
    }
  });
});
