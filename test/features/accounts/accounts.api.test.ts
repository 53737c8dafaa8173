/**
 * Accounts over real HTTP, on SQLite and PostgreSQL: signing in and its limits, who am I,
 * one-time passwords, changing a password, managing people through the admin API, and the
 * answers to malformed and cross-site requests.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { cookieOf, PASSWORD, PEOPLE, signIn } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe.each(DATABASES)('accounts on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, {
    env: { KNOWHOW_TRUSTED_PROXIES: 'loopback', KNOWHOW_SIGNIN_RATE_LIMIT: '6', KNOWHOW_SIGNIN_ACCOUNT_LIMIT: '3' },
    signIn: { admin: PEOPLE.admin.email },
  });
  /** Each test signs in from its own address, as if from its own desk (the server trusts loopback as its proxy). */
  let desk = 0;
  const fromDesk = () => ({ 'X-Forwarded-For': `198.51.100.${++desk}` });

  const call = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    fetch(`${site.server.url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        Origin: site.server.url,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(init.cookie ? { Cookie: init.cookie } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
  const signInAttempt = (email: string, password: string, headers: Record<string, string>) =>
    call('/api/auth/sign-in/email', { method: 'POST', body: JSON.stringify({ email, password }), headers });
  /** A session cookie, signed in from a desk of its own. */
  const sessionOf = async (email: string) => cookieOf(await signInAttempt(email, PASSWORD, fromDesk()));

  it.skipIf(!database.available)('signs in, says who is signed in, and signs out', async () => {
    const signedIn = await signInAttempt(PEOPLE.member.email, PASSWORD, fromDesk());
    expect(signedIn.status).toBe(200);
    const cookie = cookieOf(signedIn);
    expect(cookie).toMatch(/better-auth\.session_token=/);
    expect(signedIn.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
    const me = await call('/api/me', { cookie });
    expect(await me.json()).toMatchObject({
      user: { email: PEOPLE.member.email, name: 'Mia Member', role: 'member', jobRoles: ['agent'], team: 'Tier 1', status: 'active' },
      can: { manageUsers: false, viewReports: false, viewAuditLog: false },
    });
    expect((await call('/api/auth/sign-out', { method: 'POST', body: '{}', cookie })).status).toBe(200);
    expect(((await (await call('/api/me', { cookie })).json()) as { user: unknown }).user).toBeNull();
  });

  it.skipIf(!database.available)('signs out with or without a body or Content-Type, and the session is gone after', async () => {
    const ways: [string, RequestInit][] = [
      ['no body, no Content-Type', {}],
      ['an empty body, no Content-Type', { body: '' }],
      ['an empty JSON body', { body: '', headers: { 'Content-Type': 'application/json' } }],
      ['{} as JSON', { body: '{}', headers: { 'Content-Type': 'application/json' } }],
      ['{} as text', { body: '{}', headers: { 'Content-Type': 'text/plain' } }],
    ];
    for (const [way, init] of ways) {
      const cookie = await sessionOf(PEOPLE.member.email);
      const response = await fetch(`${site.server.url}/api/auth/sign-out`, {
        ...init,
        method: 'POST',
        headers: { Cookie: cookie, Origin: site.server.url, ...(init.headers as Record<string, string>) },
      });
      expect(response.status, way).toBe(200);
      expect(((await (await call('/api/me', { cookie })).json()) as { user: unknown }).user, way).toBeNull();
    }
  });

  it.skipIf(!database.available)('refuses a body-less sign-out from another site, and the session stays', async () => {
    const cookie = await sessionOf(PEOPLE.member.email);
    for (const origin of ['https://evil.example', undefined]) {
      const response = await fetch(`${site.server.url}/api/auth/sign-out`, {
        method: 'POST',
        headers: { Cookie: cookie, ...(origin ? { Origin: origin } : {}) },
      });
      expect(response.status, origin).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe('FORBIDDEN_ORIGIN');
    }
    expect(((await (await call('/api/me', { cookie })).json()) as { user: { email: string } | null }).user?.email).toBe(
      PEOPLE.member.email,
    );
  });

  it.skipIf(!database.available)('answers a wrong password and an unknown email alike, and records both', async () => {
    const headers = fromDesk();
    const wrong = await signInAttempt(PEOPLE.member.email, 'not my password', headers);
    const unknown = await signInAttempt('nobody@fixture.example', 'not my password', headers);
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'The email or the password is not right.' } });
    }
    const { events } = await site.app.audit.list({ type: 'sign-in-failed', limit: 5 });
    expect(events.slice(0, 2).map((event) => [event.subject.email, event.clientAddress, event.detail.reason])).toEqual([
      ['nobody@fixture.example', headers['X-Forwarded-For'], 'no such account'],
      [PEOPLE.member.email, headers['X-Forwarded-For'], 'wrong password'],
    ]);
  });

  it.skipIf(!database.available)('checks the body field by field', async () => {
    const response = await call('/api/auth/sign-in/email', {
      method: 'POST',
      body: JSON.stringify({ email: 'not an email' }),
      headers: fromDesk(),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'The request body is not valid; see fields.',
        fields: { email: 'write an email address, e.g. sam.okafor@kestrel.example', password: 'write the password' },
      },
    });
    const notJson = await call('/api/auth/sign-in/email', {
      method: 'POST',
      body: 'email=x',
      headers: { 'Content-Type': 'text/plain', ...fromDesk() },
    });
    expect(notJson.status).toBe(415);
    const broken = await call('/api/auth/sign-in/email', { method: 'POST', body: '{"email":', headers: fromDesk() });
    expect(((await broken.json()) as ErrorBody).error.code).toBe('INVALID_INPUT');
  });

  it.skipIf(!database.available)(
    'stops guessing at one account from one address after 3 failures, even with the right password, and nowhere else',
    async () => {
      const attacker = fromDesk();
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await signInAttempt(PEOPLE.manager.email, `wrong guess ${attempt}`, attacker)).status).toBe(401);
      }
      const blocked = await signInAttempt(PEOPLE.manager.email, PASSWORD, attacker);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(((await blocked.json()) as ErrorBody).error.message).toMatch(
        /^Too many failed sign-ins to this account from your address; try again in 1[45] min/,
      );
      // The manager, from their own desk, and other accounts from the attacker's, are not held up.
      expect((await signInAttempt(PEOPLE.manager.email, PASSWORD, fromDesk())).status).toBe(200);
      expect((await signInAttempt(PEOPLE.member.email, PASSWORD, attacker)).status).toBe(200);
    },
  );

  it.skipIf(!database.available)('limits sign-in attempts per client address', async () => {
    const headers = fromDesk();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++)
      statuses.push((await signInAttempt(`guess.${attempt}@fixture.example`, 'whatever it is', headers)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // Another desk is not held up.
    expect((await signInAttempt(PEOPLE.member.email, PASSWORD, fromDesk())).status).toBe(200);
  });

  it.skipIf(!database.available)('lets a person with a one-time password do nothing but choose a new one', async () => {
    const created = await call('/api/admin/users', {
      method: 'POST',
      cookie: site.cookies.admin,
      body: JSON.stringify({ email: 'nina.new@fixture.example', name: 'Nina New', role: 'admin', jobRoles: ['agent'] }),
    });
    expect(created.status).toBe(201);
    const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
    const cookie = cookieOf(await signInAttempt('nina.new@fixture.example', oneTimePassword, fromDesk()));
    expect(((await (await call('/api/me', { cookie })).json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(
      true,
    );
    const refused = await call('/api/admin/users', { cookie });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await call('/api/auth/change-password', {
      method: 'POST',
      cookie,
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'qwerty12345' }),
    });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as ErrorBody).error).toMatchObject({
      code: 'WEAK_PASSWORD',
      message: expect.stringMatching(/^Choose a password that is harder to guess/),
    });
    const changed = await call('/api/auth/change-password', {
      method: 'POST',
      cookie,
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'saffron harbour violin', revokeOtherSessions: true }),
    });
    expect(changed.status).toBe(200);
    const fresh = cookieOf(changed) || cookie;
    expect((await call('/api/admin/users', { cookie: fresh })).status).toBe(200);
    const { events } = await site.app.audit.list({ type: 'password-changed', limit: 1 });
    expect(events[0]?.subject.email).toBe('nina.new@fixture.example');
  });

  it.skipIf(!database.available)('refuses a new password with the person’s own name, on every path that sets one', async () => {
    const OWN_NAME =
      'Choose a password without your name or email in it; try three or four unrelated words, e.g. "kettle orbit lantern moss".';
    const created = await call('/api/admin/users', {
      method: 'POST',
      cookie: site.cookies.admin,
      body: JSON.stringify({ email: 'kofi.asante@fixture.example', name: 'Asante, Kofi', password: 'saffron harbour violin' }),
    });
    expect(created.status).toBe(201);
    const { id } = ((await created.json()) as { user: { id: string } }).user;
    const cookie = cookieOf(await signInAttempt('kofi.asante@fixture.example', 'saffron harbour violin', fromDesk()));
    // Changing one's own, through the API and through /account/.
    const changed = await call('/api/auth/change-password', {
      method: 'POST',
      cookie,
      body: JSON.stringify({ currentPassword: 'saffron harbour violin', newPassword: 'Kofi harbour violin' }),
    });
    expect(changed.status).toBe(400);
    expect(((await changed.json()) as ErrorBody).error).toEqual({ code: 'WEAK_PASSWORD', message: OWN_NAME });
    const form = await call('/account/', {
      method: 'POST',
      cookie,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ current: 'saffron harbour violin', new: 'asante harbour violin', confirm: 'asante harbour violin' }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('Choose a password without your name or email in it');
    // An admin's reset.
    const reset = await call(`/api/admin/users/${id}/password`, {
      method: 'POST',
      cookie: site.cookies.admin,
      body: JSON.stringify({ password: 'violin ASANTE harbour' }),
    });
    expect(reset.status).toBe(400);
    expect(((await reset.json()) as ErrorBody).error).toMatchObject({ code: 'WEAK_PASSWORD', message: OWN_NAME });
    // None of them changed it.
    expect((await signInAttempt('kofi.asante@fixture.example', 'saffron harbour violin', fromDesk())).status).toBe(200);
  });

  it.skipIf(!database.available)('manages people through the admin API, with per-field errors and the last admin kept', async () => {
    const invalid = await call('/api/admin/users', {
      method: 'POST',
      cookie: site.cookies.admin,
      body: JSON.stringify({ email: 'x@fixture.example', name: '', role: 'owner', jobRoles: ['agent', 'pilot'], shoeSize: 9 }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as ErrorBody).error.fields).toEqual({
      name: 'write the person’s name, e.g. Sam Okafor',
      role: 'write one of member, manager, admin',
      shoeSize: 'shoeSize is not a field here; leave it out',
    });
    const badJobRole = await call('/api/admin/users', {
      method: 'POST',
      cookie: site.cookies.admin,
      body: JSON.stringify({ email: 'x@fixture.example', name: 'X', jobRoles: ['pilot'] }),
    });
    expect(((await badJobRole.json()) as ErrorBody).error.fields).toEqual({
      'jobRoles.0': 'pilot is not a job role in knowhow.yaml; use one of agent, team-lead',
    });
    const duplicate = await call('/api/admin/users', {
      method: 'POST',
      cookie: site.cookies.admin,
      body: JSON.stringify({ email: PEOPLE.member.email, name: 'Again' }),
    });
    expect(duplicate.status).toBe(409);

    const list = (await (await call(`/api/admin/users?q=${encodeURIComponent('mia.member')}`, { cookie: site.cookies.admin })).json()) as {
      users: { id: string }[];
      total: number;
    };
    expect(list.total).toBe(1);
    const id = list.users[0]?.id as string;
    const patched = await call(`/api/admin/users/${id}`, {
      method: 'PATCH',
      cookie: site.cookies.admin,
      body: JSON.stringify({ jobRoles: ['agent', 'team-lead'], ownerHandles: ['@fixture/knowledge'] }),
    });
    expect(await patched.json()).toMatchObject({ jobRoles: ['agent', 'team-lead'], ownerHandles: ['@fixture/knowledge'] });
    expect((await call('/api/admin/users/no-such-id', { cookie: site.cookies.admin })).status).toBe(404);

    const me = (await (await call('/api/me', { cookie: site.cookies.admin })).json()) as { user: { id: string } };
    const others = (await (await call('/api/admin/users?role=admin&status=active', { cookie: site.cookies.admin })).json()) as {
      users: { id: string }[];
    };
    for (const other of others.users.filter((user) => user.id !== me.user.id)) {
      await call(`/api/admin/users/${other.id}`, { method: 'PATCH', cookie: site.cookies.admin, body: JSON.stringify({ role: 'member' }) });
    }
    const demoteLast = await call(`/api/admin/users/${me.user.id}`, {
      method: 'PATCH',
      cookie: site.cookies.admin,
      body: JSON.stringify({ role: 'member' }),
    });
    expect(demoteLast.status).toBe(409);
    expect(((await demoteLast.json()) as ErrorBody).error.code).toBe('LAST_ADMIN');
  });

  it.skipIf(!database.available)('ends a deactivated person’s sessions at once', async () => {
    const cookie = await signIn(site.server.url, PEOPLE.deactivated.email);
    expect(((await (await call('/api/me', { cookie })).json()) as { user: { email: string } | null }).user?.email).toBe(
      PEOPLE.deactivated.email,
    );
    const { users } = (await (
      await call(`/api/admin/users?q=${encodeURIComponent(PEOPLE.deactivated.email)}`, { cookie: site.cookies.admin })
    ).json()) as { users: { id: string }[] };
    const id = users[0]?.id as string;
    expect(
      (
        await call(`/api/admin/users/${id}/deactivate`, {
          method: 'POST',
          cookie: site.cookies.admin,
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(200);
    expect(((await (await call('/api/me', { cookie })).json()) as { user: unknown }).user).toBeNull();
    const again = await signInAttempt(PEOPLE.deactivated.email, PASSWORD, fromDesk());
    expect(again.status).toBe(403);
    expect(((await again.json()) as ErrorBody).error.code).toBe('ACCOUNT_DEACTIVATED');
    const { events } = (await (
      await call(`/api/admin/audit?person=${encodeURIComponent(PEOPLE.deactivated.email)}`, { cookie: site.cookies.admin })
    ).json()) as {
      events: { type: string; actor: { email: string } }[];
    };
    expect(events.map((event) => event.type).slice(0, 3)).toEqual(['sign-in-failed', 'deactivated', 'sign-in']);
    expect(events[1]?.actor.email).toBe(PEOPLE.admin.email);
  });

  it.skipIf(!database.available)('answers an API address that does not exist in the standard shape, and HEAD like GET', async () => {
    const missing = await call('/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
    const head = await call('/api/health', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.skipIf(!database.available)('answers a wrong method with 405 and Allow, a too large body with 413', async () => {
    const response = await call('/api/me', {
      method: 'DELETE',
      cookie: site.cookies.admin,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(((await response.json()) as ErrorBody).error.code).toBe('METHOD_NOT_ALLOWED');
    const huge = await call('/api/admin/users', {
      method: 'POST',
      cookie: site.cookies.admin,
      body: JSON.stringify({ email: 'big@fixture.example', name: 'x'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it.skipIf(!database.available)('refuses cross-site form posts, in the standard shape on the API', async () => {
    const forged = await fetch(`${site.server.url}/api/admin/users/anyone/deactivate`, {
      method: 'POST',
      headers: { Cookie: site.cookies.admin, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as ErrorBody).error.code).toBe('FORBIDDEN_ORIGIN');
    const signOut = await fetch(`${site.server.url}/sign-out/`, {
      method: 'POST',
      headers: { Cookie: site.cookies.admin, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(signOut.status).toBe(403);
    expect(((await (await call('/api/me', { cookie: site.cookies.admin })).json()) as { user: { email: string } | null }).user?.email).toBe(
      PEOPLE.admin.email,
    );
  });

  it.skipIf(!database.available)('answers malformed requests with 400, never 500, and sends security headers', async () => {
    // Written byte for byte on a socket: an HTTP client library would mend the Host header.
    const raw = (path: string, host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(site.server.url);
        const socket = connect(Number(url.port), url.hostname, () => {
          socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        });
        let text = '';
        socket.on('data', (chunk) => {
          text += chunk;
        });
        socket.on('error', reject);
        socket.on('end', () => {
          const [head = '', body = ''] = text.split('\r\n\r\n');
          resolve({ status: Number(head.split(' ')[1]), body: body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1) });
        });
      });
    for (const [path, host] of [
      ['/api/health', 'user@evil'],
      ['/api/search', ''],
      ['/api/%E0%A4%A', new URL(site.server.url).host],
      ['/policies/%zz/', new URL(site.server.url).host],
    ] as const) {
      const { status, body } = await raw(path, host);
      expect(status, `${path} with Host ${host}`).toBe(400);
      if (path.startsWith('/api/')) expect((JSON.parse(body) as ErrorBody).error.code).toBe('BAD_REQUEST');
    }
    expect(site.server.output()).not.toMatch(/Internal Server Error|at .*\.js:\d+/);
    const page = await call('/policies/refunds/');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect((await call('/api/health')).headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
  });
});
