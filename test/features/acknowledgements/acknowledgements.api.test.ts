/**
 * Read and acknowledge over real HTTP, on SQLite and PostgreSQL, against the fixture site
 * (policies/refunds.md: acknowledge: true, audience [agent], version 1) and then its next
 * release on the same database (test/fixtures/site-changes: version 2, a changed refund
 * window): what I owe, signing once whatever is sent twice or at once, the refusals, the
 * reports and exports, and, after the new release, being asked again with what changed.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import { DATABASES } from '../../helpers/databases.ts';
import { FIXTURE_DIST, FIXTURE_V2_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE, signIn } from '../../helpers/people.ts';
import { requestsAs } from '../../helpers/requests-as.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Mine {
  due: { page: string; title: string; version: string; previous: { version: string; acknowledgedAt: string } | null }[];
  acknowledged: { page: string; version: string; acknowledgedAt: string; current: boolean }[];
}
interface Changes {
  from: { version: string; acknowledgedAt: string | null };
  to: { version: string };
  changed: boolean;
  blocks: ({ kind: 'changed'; parts: { type: string; text: string }[] } | { kind: 'same' | 'skipped' })[];
}

const REFUNDS = '/policies/refunds/';

describe.each(DATABASES)('acknowledgements over HTTP on $name', (database) => {
  const site = useServedSite(database, FIXTURE_DIST, { signIn: { manager: PEOPLE.manager.email, member: PEOPLE.member.email } });
  const cookies: Record<string, string> = site.cookies;

  const { call, json } = requestsAs(site, cookies);
  const post = (as: string, body: unknown, status: number) =>
    json<{ version: string; acknowledgedAt: string } & ErrorBody>(
      '/api/acknowledgements',
      as,
      { method: 'POST', body: JSON.stringify(body) },
      status,
    );

  async function agent(name: string): Promise<void> {
    const email = `${name}@fixture.example`;
    await createUser(
      site.app,
      { user: null },
      { email, name, role: 'member', jobRoles: ['agent'], team: 'Tier 1', ownerHandles: [], password: PASSWORD },
    );
    cookies[name] = await signIn(site.server.url, email);
  }

  it.skipIf(!database.available)('lists what I owe, signs it once, and counts it in /api/me', async () => {
    const mine = await json<Mine>('/api/me/acknowledgements', 'member');
    expect(mine).toEqual({
      due: [expect.objectContaining({ page: REFUNDS, title: 'Refunds', version: '1', previous: null })],
      acknowledged: [],
    });
    expect((await json<{ acknowledgementsDue: number }>('/api/me', 'member')).acknowledgementsDue).toBe(1);
    const first = await post('member', { page: REFUNDS, version: '1' }, 201);
    const again = await post('member', { page: 'policies/refunds', version: '1' }, 200);
    expect(again).toEqual(first);
    const after = await json<Mine>('/api/me/acknowledgements', 'member');
    expect(after.due).toEqual([]);
    expect(after.acknowledged).toEqual([
      { page: REFUNDS, title: 'Refunds', version: '1', acknowledgedAt: first.acknowledgedAt, current: true },
    ]);
    expect((await json<{ acknowledgementsDue: number }>('/api/me', 'member')).acknowledgementsDue).toBe(0);
  });

  it.skipIf(!database.available)('stores acknowledgements sent at once a single time', async () => {
    await agent('rapid');
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('/api/acknowledgements', 'rapid', { method: 'POST', body: JSON.stringify({ page: REFUNDS, version: '1' }) }).then(
          (response) => response.status,
        ),
      ),
    );
    expect(statuses.sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const rows = await site.app.db
      .selectFrom('acknowledgement')
      .innerJoin('user', 'user.id', 'acknowledgement.user_id')
      .select('acknowledgement.id')
      .where('user.email', '=', 'rapid@fixture.example')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it.skipIf(!database.available)('refuses another version, a page that asks for nothing, no page and no session', async () => {
    const old = await post('member', { page: REFUNDS, version: '0' }, 409);
    expect(old.error).toEqual({
      code: 'VERSION_CHANGED',
      message: 'Refunds is now at version 1, not 0: reload the page, read what changed and acknowledge version 1.',
    });
    expect((await post('member', { page: '/guides/tone-of-voice/', version: '1' }, 400)).error.code).toBe('BAD_REQUEST');
    expect((await post('member', { page: '/no-such-page/', version: '1' }, 404)).error.code).toBe('NOT_FOUND');
    expect((await post('member', { page: REFUNDS }, 400)).error.code).toBe('INVALID_INPUT');
    expect((await call('/api/acknowledgements', 'anonymous', { method: 'POST', body: '{}' })).status).toBe(401);
    // Nothing signed before, nothing to compare.
    expect((await json<ErrorBody>(`/api/acknowledgements/changes?page=${REFUNDS}`, 'manager', {}, 404)).error.code).toBe('NOT_FOUND');
  });

  it.skipIf(!database.available)('keeps the page texts on the server, never among the public files', async () => {
    expect(existsSync(`${FIXTURE_DIST}server/knowhow-policy-texts.json`)).toBe(true);
    expect(existsSync(`${FIXTURE_DIST}client/knowhow-policy-texts.json`)).toBe(false);
    expect((await call('/knowhow-policy-texts.json', 'member')).status).toBe(404);
  });

  it.skipIf(!database.available)('reports who has not acknowledged, as JSON and CSV, and the records for auditors', async () => {
    const report = await json<{
      pages: { url: string; people: number; acknowledged: number }[];
      rows: { person: { email: string }; status: string }[];
    }>('/api/reports/acknowledgements?status=pending', 'manager');
    expect(report.pages).toEqual([expect.objectContaining({ url: REFUNDS, people: 5, acknowledged: 2 })]);
    expect(report.rows.map((row) => row.person.email).sort()).toEqual(
      [PEOPLE.admin.email, PEOPLE.manager.email, PEOPLE.deactivated.email].sort(),
    );
    const csv = await call('/api/reports/acknowledgements?team=Tier%201', 'manager', { headers: { Accept: 'text/csv' } });
    expect(csv.headers.get('content-disposition')).toMatch(/filename="acknowledgements-report.csv"/);
    const [header, ...lines] = (await csv.text()).trim().split(/\r?\n/);
    expect(header).toBe('name,email,team,job_roles,page,title,current_version,status,acknowledged_version,acknowledged_at');
    expect(lines.find((line) => line.includes(PEOPLE.member.email))).toContain(`${REFUNDS},Refunds,1,acknowledged,1,`);
    expect((await call('/api/reports/acknowledgements', 'member')).status).toBe(403);
    expect((await json<ErrorBody>('/api/reports/acknowledgements?page=/no-such-page/', 'manager', {}, 404)).error.code).toBe('NOT_FOUND');

    const records = await call('/api/reports/acknowledgements/records', 'manager');
    expect(records.headers.get('content-type')).toMatch(/^text\/csv/);
    const recordLines = (await records.text()).trim().split(/\r?\n/);
    expect(recordLines[0]).toBe('name,email,user_id,page,file,version,text_hash,read_in,acknowledged_at');
    expect(recordLines).toHaveLength(3);
    const jsonl = await call(`/api/reports/acknowledgements/records?format=jsonl&page=${REFUNDS}`, 'manager');
    const entries = (await jsonl.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { email: string; file: string; version: string });
    expect(entries[0]).toMatchObject({ email: PEOPLE.member.email, file: 'policies/refunds.md', version: '1' });
  });

  it.skipIf(!database.available)('asks again after a release that raises the version, with what changed since', async () => {
    await site.restart(FIXTURE_V2_DIST);
    cookies.member = await signIn(site.server.url, PEOPLE.member.email);
    const mine = await json<Mine>('/api/me/acknowledgements', 'member');
    expect(mine.due).toEqual([
      expect.objectContaining({ page: REFUNDS, version: '2', previous: expect.objectContaining({ version: '1' }) }),
    ]);
    expect(mine.acknowledged.map((entry) => [entry.version, entry.current])).toEqual([['1', false]]);

    const changes = await json<Changes>(`/api/acknowledgements/changes?page=${encodeURIComponent(REFUNDS)}`, 'member');
    expect(changes).toMatchObject({ from: { version: '1' }, to: { version: '2' }, changed: true });
    const changed = changes.blocks.flatMap((block) => (block.kind === 'changed' ? block.parts : []));
    expect(changed.filter((part) => part.type === 'added').map((part) => part.text)).toEqual([', or fourteen days for an opened device']);
    expect(changed.filter((part) => part.type === 'removed')).toEqual([]);

    expect((await post('member', { page: REFUNDS, version: '1' }, 409)).error.code).toBe('VERSION_CHANGED');
    await post('member', { page: REFUNDS, version: '2' }, 201);
    expect((await json<Mine>('/api/me/acknowledgements', 'member')).due).toEqual([]);
    // Both versions' texts are kept: the first from the first release, the second from this one.
    const versions = await site.app.db
      .selectFrom('page_version')
      .select('version')
      .where('page_url', '=', REFUNDS)
      .orderBy('version')
      .execute();
    expect(versions.map((row) => row.version)).toEqual(['1', '2']);
  });
});
