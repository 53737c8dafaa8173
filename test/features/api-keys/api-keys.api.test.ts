/**
 * API keys over real HTTP on a private handbook, on SQLite and PostgreSQL, as a helpdesk app, an
 * HR system and an attacker with curl would meet them: made by an admin and shown once, stored
 * only as a hash, scoped, limited per key, stopped at once when revoked or expired, and every
 * key's making, revoking and first use in the audit log.
 */
import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../../../src/features/api-keys/server.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { requestsAs } from '../../helpers/requests-as.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface CreatedKey {
  id: string;
  key: string;
  name: string;
  scopes: string[];
  start: string;
  status: string;
}

describe.each(DATABASES)('API keys on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, {
    env: { KNOWHOW_ACCESS: 'signed-in', KNOWHOW_API_KEY_RATE_LIMIT: '40' },
    signIn: { admin: PEOPLE.admin.email, manager: PEOPLE.manager.email },
  });
  const as = requestsAs(site, site.cookies);
  const withKey = (key: string, path: string, init: RequestInit = {}) =>
    fetch(`${site.server.url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { Authorization: `Bearer ${key}`, ...(init.headers as object) },
    });
  const makeKey = (body: object) =>
    as.json<CreatedKey>('/api/admin/api-keys', 'admin', { method: 'POST', body: JSON.stringify(body) }, 201);

  it.skipIf(!database.available)('shows a new key once, keeps only its hash, and lists keys without it', async () => {
    const created = await makeKey({ name: 'Zendesk sidebar', scopes: ['read'], expires: '2099-12-31' });
    expect(created.key).toMatch(/^khk_[\w-]{43}$/);
    expect(created.start).toBe(created.key.slice(0, 8));
    const row = await site.app.db.selectFrom('api_key').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const { keys } = await as.json<{ keys: (CreatedKey & { expiresAt: string })[] }>('/api/admin/api-keys', 'admin');
    const listed = keys.find((key) => key.id === created.id);
    expect(listed).toMatchObject({ name: 'Zendesk sidebar', scopes: ['read'], status: 'active', expiresAt: '2099-12-31T23:59:59.999Z' });
    expect(JSON.stringify(keys)).not.toContain(created.key);
    // Only admins manage keys; a key never does.
    expect((await as.call('/api/admin/api-keys', 'manager')).status).toBe(403);
    expect((await withKey(created.key, '/api/admin/api-keys')).status).toBe(403);
  });

  it.skipIf(!database.available)('says what is wrong with a key that cannot be made, field by field', async () => {
    const answer = await as.call('/api/admin/api-keys', 'admin', {
      method: 'POST',
      body: JSON.stringify({ name: ' ', scopes: ['write'], expires: '2020-13-01' }),
    });
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['expires', 'name', 'scopes.0']);
    const past = await as.call('/api/admin/api-keys', 'admin', {
      method: 'POST',
      body: JSON.stringify({ name: 'Old', scopes: ['read'], expires: '2020-01-01' }),
    });
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: { fields: Record<string, string> } }).error.fields.expires).toMatch(/from today on/);
  });

  it.skipIf(!database.available)('reads a private handbook with the read scope: search, pages, files, and nothing of people', async () => {
    const { key } = await makeKey({ name: 'Chat bot', scopes: ['read'] });
    const search = await withKey(key, '/api/search?q=refund');
    expect(search.status).toBe(200);
    expect(((await search.json()) as { results: { url: string }[] }).results[0]?.url).toBe('/policies/refunds/');
    expect((await withKey(key, '/policies/refunds/')).status).toBe(200);
    expect((await withKey(key, '/pagefind/pagefind.js')).status).toBe(200);
    // Without the key, the same requests are refused: the handbook is private.
    expect((await fetch(`${site.server.url}/api/search?q=refund`)).status).toBe(401);
    // A key is a service, never a person, whatever cookie comes with it.
    const withCookie = await withKey(key, '/api/me/training', { headers: { Cookie: site.cookies.admin } });
    expect(withCookie.status).toBe(403);
    expect(((await withCookie.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const me = (await (await withKey(key, '/api/me', { headers: { Cookie: site.cookies.admin } })).json()) as { user: unknown };
    expect(me.user).toBeNull();
    expect((await withKey(key, '/api/auth/get-session', { headers: { Cookie: site.cookies.admin } })).status).toBe(403);
    // Writes are for people.
    const feedback = await withKey(key, '/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ page: '/policies/refunds/', helpful: true }),
    });
    expect(feedback.status).toBe(403);
  });

  it.skipIf(!database.available)('refuses a scope the key lacks with 403 and says which scope', async () => {
    const { key: reports } = await makeKey({ name: 'HR system', scopes: ['reports'] });
    const { key: read } = await makeKey({ name: 'Sidebar', scopes: ['read'] });
    expect((await withKey(reports, '/api/reports/training')).status).toBe(200);
    const csv = await withKey(reports, '/api/reports/training/completions?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const refused = await withKey(read, '/api/reports/training');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="reports"');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('INSUFFICIENT_SCOPE');
    // A reports key reads no pages of a private handbook.
    expect((await withKey(reports, '/policies/refunds/')).status).toBe(403);
    expect((await withKey(reports, '/api/search?q=refund')).status).toBe(403);
  });

  it.skipIf(!database.available)('answers an unknown, revoked or expired key with 401 and a Bearer challenge, at once', async () => {
    const unknown = await withKey(`khk_${'A'.repeat(43)}`, '/api/search?q=refund');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="knowhow", error="invalid_token", error_description="[^"]*not known/,
    );
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('INVALID_API_KEY');
    // Pages and files say so too, rather than sending a service to a sign-in page.
    expect((await withKey(`khk_${'A'.repeat(43)}`, '/policies/refunds/')).status).toBe(401);

    const created = await makeKey({ name: 'Revoked mid-use', scopes: ['read'] });
    expect((await withKey(created.key, '/api/search?q=refund')).status).toBe(200);
    const revoked = await as.json<{ status: string }>(`/api/admin/api-keys/${created.id}`, 'admin', { method: 'DELETE' });
    expect(revoked.status).toBe('revoked');
    const after = await withKey(created.key, '/api/search?q=refund');
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/revoked/);
    // Revoking again changes nothing; an unknown id is 404.
    expect((await as.call(`/api/admin/api-keys/${created.id}`, 'admin', { method: 'DELETE' })).status).toBe(200);
    expect((await as.call('/api/admin/api-keys/key_nope', 'admin', { method: 'DELETE' })).status).toBe(404);

    const expiring = await makeKey({ name: 'Pilot', scopes: ['read'] });
    await site.app.db.updateTable('api_key').set({ expires_at: '2021-01-31T23:59:59.999Z' }).where('id', '=', expiring.id).execute();
    const expired = await withKey(expiring.key, '/api/search?q=refund');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/expired on 2021-01-31/);
  });

  it.skipIf(!database.available)('limits each key on its own, whatever address its requests come from', async () => {
    const { key: busy } = await makeKey({ name: 'Busy bot', scopes: ['read'] });
    const { key: calm } = await makeKey({ name: 'Calm bot', scopes: ['read'] });
    const statuses: number[] = [];
    for (let request = 0; request < 41; request++) statuses.push((await withKey(busy, '/api/search?q=refund')).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(40);
    const limited = await withKey(busy, '/api/search?q=refund');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await withKey(calm, '/api/search?q=refund')).status).toBe(200);
  });

  it.skipIf(!database.available)('writes making, revoking and the first use of a key in the audit log, the first use once', async () => {
    const created = await makeKey({ name: 'Audited', scopes: ['read'] });
    // Two servers' worth of first requests at once: one first use.
    await Promise.all(Array.from({ length: 6 }, () => withKey(created.key, '/api/search?q=refund')));
    await as.json(`/api/admin/api-keys/${created.id}`, 'admin', { method: 'DELETE' });
    const { events } = await as.json<{ events: { type: string; actor: { email: string | null }; detail: { key?: string } }[] }>(
      '/api/admin/audit?limit=100',
      'admin',
    );
    const about = events.filter((event) => event.detail.key === created.id).map((event) => event.type);
    expect(about.sort()).toEqual(['api-key-created', 'api-key-first-use', 'api-key-revoked']);
    expect(events.find((event) => event.type === 'api-key-created' && event.detail.key === created.id)?.actor.email).toBe(
      PEOPLE.admin.email,
    );
    const { keys } = await as.json<{ keys: { id: string; lastUsedAt: string | null }[] }>('/api/admin/api-keys', 'admin');
    expect(keys.find((key) => key.id === created.id)?.lastUsedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it.skipIf(!database.available)('lets an admin make and revoke keys on the admin page, showing the key once', async () => {
    const form = (fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
      return as.call('/admin/api-keys/', 'admin', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
    };
    const made = await form({ name: 'Freshdesk widget', scopes: ['read', 'reports'] });
    expect(made.status).toBe(200);
    const page = await made.text();
    const key = /data-new-key>(khk_[\w-]{43})</.exec(page)?.[1];
    expect(key).toBeDefined();
    expect((await withKey(key as string, '/api/search?q=refund')).status).toBe(200);
    const listing = await (await as.call('/admin/api-keys/', 'admin')).text();
    expect(listing).toContain('Freshdesk widget');
    expect(listing).not.toContain(key);
    const id = (await site.app.db.selectFrom('api_key').select('id').where('name', '=', 'Freshdesk widget').executeTakeFirstOrThrow()).id;
    expect((await form({ action: 'revoke', id })).status).toBe(200);
    expect((await withKey(key as string, '/api/search?q=refund')).status).toBe(401);
    const refused = await form({ name: '', scopes: [] });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('The key was not made');
  });
});
