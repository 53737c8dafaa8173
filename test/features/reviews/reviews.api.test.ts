/**
 * GET /api/reviews over HTTP on the fixture site: the review list for a pinned day, filtered by
 * state, section and owner (`me` through the person's owner handles), as JSON and CSV, with
 * per-field errors; and the dashboard, which shows managers every owner and section.
 */
import { describe, expect, it } from 'vitest';
import { findUserByEmail, updateUser } from '../../../src/features/accounts/server/users.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface Item {
  url: string;
  file: string;
  owner: string | null;
  status: string;
  due: string | null;
  daysOverdue: number;
}

describe('reviews over HTTP', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    prepare: async (app) => {
      // Mia answers for the Billing Operations pages through a handle and its display name.
      const mia = await findUserByEmail(app, PEOPLE.member.email);
      await updateUser(app, { user: null }, mia?.id as string, { ownerHandles: ['Billing Operations'] });
    },
    // Readers answer from desks of their own (X-Forwarded-For): one address counts once.
    env: { KNOWHOW_TRUSTED_PROXIES: 'loopback' },
    signIn: { member: PEOPLE.member.email, manager: PEOPLE.manager.email },
  });
  const cookies: Record<string, string> = site.cookies;

  const get = (path: string, as: string, headers: Record<string, string> = {}) =>
    fetch(`${site.server.url}${path}`, { headers: { Cookie: cookies[as] ?? '', ...headers } });

  it('lists the pages most urgent first on the day asked for', async () => {
    const response = await get('/api/reviews?today=2027-06-01', 'member');
    expect(response.status).toBe(200);
    const { today, items } = (await response.json()) as { today: string; items: Item[] };
    expect(today).toBe('2027-06-01');
    expect(items[0]).toMatchObject({
      url: '/policies/refunds/',
      file: 'policies/refunds.md',
      owner: 'Billing Operations',
      status: 'overdue',
      due: '2021-01-15',
      daysOverdue: 2328,
    });
    const states = items.map((item) => item.status);
    expect(states.lastIndexOf('overdue')).toBeLessThan(states.indexOf('current'));
    expect(items.some((item) => item.url === '/faq/unpublished/')).toBe(false);
  });

  it('filters by state, section and owner, and `me` is the asker’s pages', async () => {
    const mine = (await (await get('/api/reviews?owner=me&today=2026-11-27', 'member')).json()) as { items: Item[] };
    expect(mine.items.map((item) => [item.url, item.status])).toEqual([
      ['/policies/refunds/', 'overdue'],
      ['/faq/erstattung/', 'overdue'],
      ['/procedures/process-refund/', 'current'],
    ]);
    const managers = (await (await get('/api/reviews?owner=me', 'manager')).json()) as { items: Item[] };
    expect(managers.items).toEqual([]);
    const faq = (await (await get('/api/reviews?section=faq&status=overdue,current&today=2026-11-27', 'manager')).json()) as {
      items: Item[];
    };
    expect(faq.items.every((item) => item.url.startsWith('/faq/') && ['overdue', 'current'].includes(item.status))).toBe(true);
    const byHandle = (await (await get(`/api/reviews?owner=${encodeURIComponent('@fixture/knowledge')}`, 'manager')).json()) as {
      items: Item[];
    };
    expect(byHandle.items.length).toBeGreaterThan(0);
    expect(byHandle.items.every((item) => item.owner === 'Knowledge Team' || item.owner === '@fixture/knowledge')).toBe(true);
  });

  it('answers CSV for ?format=csv or Accept: text/csv', async () => {
    const csv = await get('/api/reviews?owner=me&today=2026-11-27', 'member', { Accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, first] = (await csv.text()).trim().split(/\r?\n/);
    expect(header).toBe('title,url,file,owner,reviewed,review_every,due,status,days_overdue');
    expect(first).toBe('Refunds,/policies/refunds/,policies/refunds.md,Billing Operations,2020-01-15,1y,2021-01-15,overdue,2142');
  });

  it('says which parameter is wrong', async () => {
    const response = await get('/api/reviews?status=late&today=2026-02-30', 'member');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields.status).toBe('late: write one or more of overdue, translation-stale, due-soon, unknown, current, comma-separated');
    expect(error.fields.today).toBe('write a date that exists, as YYYY-MM-DD');
  });

  it('shows an owner their pages on the dashboard, and managers every owner and section', async () => {
    const before = await (await get('/reviews/', 'member')).text();
    expect(before).not.toContain('Readers found these unhelpful');
    // Three readers find the refunds policy unhelpful, one finds it helpful.
    for (const [desk, helpful] of [false, false, true, false].entries()) {
      const answer = await fetch(`${site.server.url}/api/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${desk + 1}` },
        body: JSON.stringify({ page: '/policies/refunds/', helpful }),
      });
      expect(answer.status).toBe(201);
    }
    const owner = await (await get('/reviews/', 'member')).text();
    expect(owner).toMatch(/Readers found these unhelpful[\s\S]*<a href="\/policies\/refunds\/">Refunds<\/a>: 3 no, 1 yes/);
    expect(owner).toContain('Pages you answer for');
    expect(owner).toContain('href="https://git.example.com/fixture/handbook/edit/main/policies/refunds.md"');
    expect(owner).not.toContain('Every owner and section');
    // Refunds asks everyone to acknowledge it: its owner sees how many have, not who.
    expect(owner).toMatch(
      /Acknowledgements of your policies[\s\S]*<a href="\/policies\/refunds\/">Refunds<\/a>, version 1: 0 of 4\s+people have acknowledged it\s*<\/li>/,
    );
    const acknowledged = await fetch(`${site.server.url}/api/acknowledgements`, {
      method: 'POST',
      headers: { Cookie: cookies.manager ?? '', 'Content-Type': 'application/json' },
      body: JSON.stringify({ page: '/policies/refunds/', version: '1' }),
    });
    expect(acknowledged.status).toBe(201);
    expect(await (await get('/reviews/', 'member')).text()).toMatch(/version 1: 1 of 4\s+people have acknowledged it/);
    const manager = await (await get('/reviews/?owner=Billing+Operations', 'manager')).text();
    expect(manager).toContain('You answer for no pages.');
    expect(manager).toContain('Every owner and section');
    expect(manager).toMatch(/<th scope="row"><a href="\/reviews\/\?owner=Billing\+Operations#all">Billing Operations<\/a><\/th>/);
  });
});
