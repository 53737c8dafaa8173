/**
 * The helpdesk sidebar over real HTTP against the built fixture site's server, on SQLite and
 * PostgreSQL: who may frame which page (KNOWHOW_FRAME_ANCESTORS reaches /embed/ only), what a
 * private handbook's sidebar shows without a session, and the session cookie's SameSite where a
 * sidebar is framed by another site.
 */
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const HELPDESK = 'https://kestrel.zendesk.example';
const frameAncestors = (response: Response) =>
  response.headers
    .get('content-security-policy')
    ?.split('; ')
    .find((directive) => directive.startsWith('frame-ancestors'));

async function signInCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ email: PEOPLE.member.email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().find((cookie) => cookie.includes('session_token')) ?? '';
}

describe.each(DATABASES)('the helpdesk sidebar ($name)', (kind) => {
  describe.skipIf(!kind.available)('framed by a helpdesk, on a private handbook', () => {
    const site = useServedSite(kind, FIXTURE_DIST, { env: { KNOWHOW_ACCESS: 'signed-in', KNOWHOW_FRAME_ANCESTORS: HELPDESK } });
    const get = (path: string, init: RequestInit = {}) => fetch(`${site.server.url}${path}`, { redirect: 'manual', ...init });

    it('lets the helpdesk frame /embed/ and nothing else', async () => {
      const embed = await get('/embed/?q=refund');
      expect(embed.status).toBe(200);
      expect(frameAncestors(embed)).toBe(`frame-ancestors 'self' ${HELPDESK}`);
      expect(embed.headers.get('x-frame-options')).toBeNull();
      for (const path of ['/policies/refunds/', '/sign-in/', '/embed/signed-in/', '/api/search?q=refund', '/embed/../admin/users/']) {
        const other = await get(path);
        expect(frameAncestors(other), path).toBe("frame-ancestors 'self'");
        expect(other.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      }
    });

    it('serves the sidebar without a session, with no handbook text, and says why it cannot search', async () => {
      const embed = await get('/embed/?q=refund');
      const html = await embed.text();
      expect(html).toContain('data-state="sign-in"');
      expect(html).toContain('This handbook is private: sign in to search it here.');
      expect(html).not.toContain('Refund window');
      expect((await get('/api/search?q=refund')).status).toBe(401);
      expect((await get('/embed/signed-in/')).headers.get('location')).toBe('/sign-in/?next=%2Fembed%2Fsigned-in%2F');
    });

    it('gives the session cookie SameSite=None; Secure, so that it reaches the sidebar in the helpdesk’s frame', async () => {
      const cookie = await signInCookie(site.server.url);
      expect(cookie).toMatch(/SameSite=None/i);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      const session = cookie.split(';')[0] as string;
      const embed = await get('/embed/?q=refund', { headers: { cookie: session } });
      expect(await embed.text()).toContain('data-state="search"');
      expect((await get('/api/search?q=refund', { headers: { cookie: session } })).status).toBe(200);
    });

    it('still refuses form posts from other sites, though the cookie now goes with them', async () => {
      const cookie = (await signInCookie(site.server.url)).split(';')[0] as string;
      const signOut = await get('/sign-out/', {
        method: 'POST',
        headers: { cookie, origin: HELPDESK, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
      expect(signOut.status).toBe(403);
      expect((await get('/api/me', { headers: { cookie } })).status).toBe(200);
      const me = (await (await get('/api/me', { headers: { cookie } })).json()) as { user: { email: string } | null };
      expect(me.user?.email).toBe(PEOPLE.member.email);
    });
  });

  describe.skipIf(!kind.available)('with no KNOWHOW_FRAME_ANCESTORS', () => {
    const site = useServedSite(kind, FIXTURE_DIST);

    it('lets no other site frame the sidebar, and keeps the session cookie SameSite=Lax', async () => {
      const embed = await fetch(`${site.server.url}/embed/`);
      expect(frameAncestors(embed)).toBe("frame-ancestors 'self'");
      expect(embed.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(await embed.text()).toContain('data-state="search"');
      expect(await signInCookie(site.server.url)).toMatch(/SameSite=Lax/i);
    });
  });
});
