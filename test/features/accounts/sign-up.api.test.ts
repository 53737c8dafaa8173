/** Self sign-up with a password: off unless KNOWHOW_SIGNUP_DOMAINS names the email's domain. */
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';

describe('self sign-up for KNOWHOW_SIGNUP_DOMAINS', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, { people: false, env: { KNOWHOW_SIGNUP_DOMAINS: 'fixture.example' } });

  const signUp = (body: object) =>
    fetch(`${site.server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site.server.url },
      body: JSON.stringify(body),
    });

  it('lets a person with a work email create their account, as a member, signed in at once', async () => {
    const response = await signUp({ name: 'Noor Haddad', email: 'noor.haddad@fixture.example', password: 'amber violin harbour' });
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((set) => set.split(';')[0])
      .join('; ');
    const me = (await (await fetch(`${site.server.url}/api/me`, { headers: { Cookie: cookie } })).json()) as {
      user: { role: string; email: string };
    };
    expect(me.user).toMatchObject({ email: 'noor.haddad@fixture.example', role: 'member' });
  });

  it('refuses other domains, weak passwords, and a role asked for in the body', async () => {
    const elsewhere = await signUp({ name: 'Visitor', email: 'visitor@elsewhere.example', password: 'amber violin harbour' });
    expect(elsewhere.status).toBeGreaterThanOrEqual(400);
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toMatch(/work email/);
    const weak = await signUp({ name: 'Weak', email: 'weak@fixture.example', password: 'password123' });
    expect(((await weak.json()) as { error: { code: string } }).error.code).toBe('WEAK_PASSWORD');
    const admin = await signUp({ name: 'Sneaky', email: 'sneaky@fixture.example', password: 'amber violin harbour', role: 'admin' });
    expect(admin.status).toBe(200);
    const cookie = admin.headers
      .getSetCookie()
      .map((set) => set.split(';')[0])
      .join('; ');
    const me = (await (await fetch(`${site.server.url}/api/me`, { headers: { Cookie: cookie } })).json()) as { user: { role: string } };
    expect(me.user.role).toBe('member');
  });

  it('shows the sign-up page, linked from the sign-in page', async () => {
    expect((await fetch(`${site.server.url}/sign-up/`)).status).toBe(200);
    expect(await (await fetch(`${site.server.url}/sign-in/`)).text()).toContain('href="/sign-up/"');
  });
});
