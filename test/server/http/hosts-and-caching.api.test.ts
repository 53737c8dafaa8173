/**
 * What a production server answers before and around its routes: only its own host names
 * (421 for others, so a DNS-rebinding page or a misrouted proxy reads nothing), pages made for
 * one person kept out of every cache, and "who is signed in" answered without an error when
 * nobody is.
 */
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE, signIn } from '../../helpers/people.ts';
import { rawExchange } from '../../helpers/raw-http.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const site = useServedSite(sqlite, FIXTURE_DIST);

const get = (path: string, host: string) =>
  rawExchange(site.server.url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

describe('host names in production', () => {
  it('answers its own host, and 421 for any other', async () => {
    const own = new URL(site.server.url).host;
    expect((await get('/policies/refunds/', own)).status).toBe(200);
    expect((await get('/api/me', own)).status).toBe(200);
    for (const host of ['evil.example', 'localhost', `localhost:${new URL(site.server.url).port}`, 'handbook.kestrel.example']) {
      for (const path of ['/policies/refunds/', '/api/me', '/sign-in/', '/pagefind/pagefind.js']) {
        const answer = await get(path, host);
        expect(answer.status, `${path} for ${host}`).toBe(421);
        expect(answer.text).not.toContain('Refunds');
      }
    }
    expect((await get('/api/me', 'evil.example')).text).toContain('"code":"MISDIRECTED_REQUEST"');
  });

  it('lets load balancers probe the health check by address', async () => {
    expect((await get('/api/health', '10.0.0.7:4321')).status).toBe(200);
  });

  describe('with KNOWHOW_ALLOWED_HOSTS', () => {
    const named = useServedSite(sqlite, FIXTURE_DIST, {
      people: false,
      env: { KNOWHOW_ALLOWED_HOSTS: 'kb.kestrel.example, 10.0.0.7:4321' },
    });
    it('answers the hosts it names too, and still no other', async () => {
      const at = (host: string) =>
        rawExchange(named.server.url, `GET /policies/refunds/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect((await at('kb.kestrel.example')).status).toBe(200);
      expect((await at('KB.Kestrel.Example')).status).toBe(200);
      expect((await at('10.0.0.7:4321')).status).toBe(200);
      expect((await at(new URL(named.server.url).host)).status).toBe(200);
      expect((await at('kb.kestrel.example.evil.example')).status).toBe(421);
      expect((await at('10.0.0.7')).status).toBe(421);
    });
  });
});

describe('pages made for one person', () => {
  it('are kept out of every cache and say their character set', async () => {
    const member = await signIn(site.server.url, PEOPLE.member.email);
    const admin = await signIn(site.server.url, PEOPLE.admin.email);
    const pages: [string, string][] = [
      ['/my-training/', member],
      ['/account/', member],
      ['/acknowledgements/', member],
      ['/admin/users/', admin],
      ['/admin/audit/', admin],
      ['/reports/training/', admin],
      ['/reviews/', admin],
      ['/search/?q=refund', member],
    ];
    for (const [path, cookie] of pages) {
      const response = await fetch(`${site.server.url}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('private, no-store');
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
    }
    // Sent to sign in: the redirect depends on the session too.
    const away = await fetch(`${site.server.url}/my-training/`, { redirect: 'manual' });
    expect(away.status).toBe(303);
    expect(away.headers.get('cache-control')).toBe('private, no-store');
  });

  it('leaves the built pages cacheable', async () => {
    const response = await fetch(`${site.server.url}/policies/refunds/`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0');
  });
});

describe('who is signed in', () => {
  it('answers nobody with 200 and user null, and someone with who they are', async () => {
    const nobody = await fetch(`${site.server.url}/api/me`);
    expect(nobody.status).toBe(200);
    expect(nobody.headers.get('cache-control')).toBe('no-store');
    expect(await nobody.json()).toEqual({
      user: null,
      can: { manageUsers: false, viewReports: false, viewAuditLog: false },
      acknowledgementsDue: 0,
    });
    const member = await signIn(site.server.url, PEOPLE.member.email);
    const me = (await (await fetch(`${site.server.url}/api/me`, { headers: { Cookie: member } })).json()) as { user: { email: string } };
    expect(me.user.email).toBe(PEOPLE.member.email);
  });
});
