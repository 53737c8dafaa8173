/**
 * Page feedback on a real database, SQLite and PostgreSQL: answers stored at the page's version,
 * one vote per reader and page version (a signed-in person by id, anyone else by address and
 * day, never storing the address), comments added to an answer, and what owners and managers
 * read; and who answers for a page (owners.ts).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/kit/server/errors.ts';
import { type FeedbackDeps, type Reader, recordFeedback } from '../../../../src/features/feedback/server/feedback.ts';
import {
  feedbackEntries,
  feedbackForOwner,
  feedbackSummary,
  pagesWithNegativeFeedback,
} from '../../../../src/features/feedback/server/reports.ts';
import { pagesOwnedBy, reportScope } from '../../../../src/features/reviews/server/owned-pages.ts';
import { createUser, findUserByEmail } from '../../../../src/features/accounts/server/users.ts';
import type { UserRecord } from '../../../../src/features/accounts/server/user-records.ts';
import { DATABASES } from '../../../helpers/databases.ts';
import { pageRecord } from '../../../helpers/page-record.ts';
import { PASSWORD, useTestApp } from '../../../helpers/people.ts';

const PAGES = [
  pageRecord('policies/refunds.md', { title: 'Refunds', owner: 'Billing Operations', section: '/policies/', version: 'refunds00001' }),
  pageRecord('policies/index.md', { title: 'Policies', owner: 'Policy Team', version: 'policies0001' }),
  pageRecord('faq/plain-page.md', {
    title: 'Plain page',
    owner: 'Knowledge Team, lee.owner@fixture.example',
    section: '/faq/',
    version: 'plain0000001',
  }),
  pageRecord('faq/draft.md', { title: 'Draft', owner: 'Knowledge Team', section: '/faq/', draft: true }),
  pageRecord('guides/tone.md', { title: 'Tone', section: '/guides/' }),
];
const OWNER_NAMES = { '@fixture/knowledge': 'Knowledge Team' };

describe('who answers for a page', () => {
  const person = (email: string, ownerHandles: string[] = [], role: UserRecord['role'] = 'member') => ({ email, ownerHandles, role });
  const urls = (pages: { url: string }[]) => pages.map((page) => page.url);

  it('matches owner handles, the names knowhow.yaml gives them, and emails, whatever the case', () => {
    expect(urls(pagesOwnedBy(PAGES, person('x@fixture.example', ['billing operations'])))).toEqual(['/policies/refunds/']);
    expect(urls(pagesOwnedBy(PAGES, person('x@fixture.example', ['@fixture/knowledge']), OWNER_NAMES))).toEqual([
      '/faq/plain-page/',
      '/faq/draft/',
    ]);
    expect(urls(pagesOwnedBy(PAGES, person('Lee.Owner@fixture.example')))).toEqual(['/faq/plain-page/']);
    expect(pagesOwnedBy(PAGES, person('x@fixture.example', ['Billing']))).toEqual([]);
  });

  it('lets managers and admins see all, owners their pages, and nobody else anything', () => {
    expect(reportScope(person('m@fixture.example', [], 'manager'), PAGES)).toEqual({ kind: 'all' });
    expect(reportScope(person('m@fixture.example', ['Policy Team']), PAGES)).toEqual({ kind: 'owner', pages: [PAGES[1]] });
    expect(reportScope(person('m@fixture.example'), PAGES)).toBeUndefined();
  });
});

describe.each(DATABASES)('page feedback on $name', (database) => {
  let clock = new Date('2026-11-02T09:00:00Z');
  const tick = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  const context = useTestApp(database, { now: () => clock });
  const deps = (pages = PAGES): FeedbackDeps & { ownerNames: Record<string, string> } => ({
    ...context.app,
    pages,
    timeZone: 'UTC',
    ownerNames: OWNER_NAMES,
  });
  /** Someone not signed in, at `clientAddress`. */
  const anonymous = (clientAddress = '192.0.2.1'): Reader => ({ user: null, clientAddress });
  const signedIn = (user: UserRecord): Reader => ({ user, clientAddress: '192.0.2.200' });
  const votesOn = async (page: string) => (await feedbackSummary(deps(), {})).find((summary) => summary.url === page) ?? { yes: 0, no: 0 };
  const reader = async (email: string): Promise<UserRecord> =>
    (await findUserByEmail(context.app, email)) ??
    (
      await createUser(
        context.app,
        { user: null },
        { email, name: email.split('@')[0] as string, role: 'member', jobRoles: [], team: null, ownerHandles: [], password: PASSWORD },
      )
    ).user;

  it.skipIf(!database.available)('stores answers at the page’s version, anonymous ones without anybody or their address', async () => {
    const first = await recordFeedback(deps(), anonymous('192.0.2.1'), {
      page: '/policies/refunds/',
      helpful: false,
      comment: '  Say what happens after 30 days.  ',
    });
    const second = await recordFeedback(deps(), anonymous('192.0.2.2'), { page: '/policies/refunds/', helpful: true });
    expect(first.id).not.toBe(second.id);
    const rows = await context.app.db
      .selectFrom('page_feedback')
      .selectAll()
      .where('page_url', '=', '/policies/refunds/')
      .orderBy('helpful')
      .execute();
    expect(rows.map((row) => [Boolean(row.helpful), row.comment, row.page_version, row.user_id, row.day])).toEqual([
      [false, 'Say what happens after 30 days.', 'refunds00001', null, '2026-11-02'],
      [true, null, 'refunds00001', null, '2026-11-02'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/192\.0\.2/);
    for (const page of ['/no-such-page/', '/faq/draft/']) {
      await expect(recordFeedback(deps(), anonymous(), { page, helpful: true })).rejects.toBeInstanceOf(ApiError);
    }
  });

  it.skipIf(!database.available)('counts one vote per address and day: twelve from one address are one, the last', async () => {
    // Before the period the last test reads, which counts every "no".
    clock = new Date('2026-09-01T09:00:00Z');
    for (let i = 0; i < 12; i++) await recordFeedback(deps(), anonymous('198.51.100.7'), { page: '/guides/tone/', helpful: i === 11 });
    expect(await votesOn('/guides/tone/')).toMatchObject({ yes: 1, no: 0 });
    // At once, as a script would send them: still one.
    await Promise.all(
      Array.from({ length: 12 }, () => recordFeedback(deps(), anonymous('198.51.100.7'), { page: '/guides/tone/', helpful: false })),
    );
    expect(await votesOn('/guides/tone/')).toMatchObject({ yes: 0, no: 1 });
    await recordFeedback(deps(), anonymous('198.51.100.8'), { page: '/guides/tone/', helpful: false });
    expect(await votesOn('/guides/tone/')).toMatchObject({ yes: 0, no: 2 });
    // Addresses of one IPv6 network are one reader; another network is another.
    for (const address of ['2001:db8:7:7::1', '2001:db8:7:7::2', '2001:db8:7:7:abcd::9'])
      await recordFeedback(deps(), anonymous(address), { page: '/guides/tone/', helpful: false });
    await recordFeedback(deps(), anonymous('2001:db8:7:8::1'), { page: '/guides/tone/', helpful: false });
    expect(await votesOn('/guides/tone/')).toMatchObject({ yes: 0, no: 4 });
    // The next day the address may be someone else's: a vote of its own.
    tick(24 * 60);
    await recordFeedback(deps(), anonymous('198.51.100.7'), { page: '/guides/tone/', helpful: false });
    expect(await votesOn('/guides/tone/')).toMatchObject({ yes: 0, no: 5 });
  });

  it.skipIf(!database.available)('keeps one vote per signed-in person and page version: the last one, whatever the day', async () => {
    clock = new Date('2026-09-10T09:00:00Z');
    const rita = await reader('rita.reader@fixture.example');
    const first = await recordFeedback(deps(), signedIn(rita), { page: '/faq/plain-page/', helpful: true });
    tick(5);
    const again = await recordFeedback(deps(), signedIn(rita), { page: '/faq/plain-page/', helpful: false, comment: 'Out of date.' });
    expect(again).toEqual({ id: first.id, replaced: true });
    // At once, from two tabs, and from another address: still one.
    await Promise.all([
      recordFeedback(deps(), signedIn(rita), { page: '/faq/plain-page/', helpful: false, comment: 'Out of date.' }),
      recordFeedback(
        deps(),
        { user: rita, clientAddress: '203.0.113.9' },
        { page: '/faq/plain-page/', helpful: false, comment: 'Out of date.' },
      ),
    ]);
    tick(24 * 60);
    await recordFeedback(deps(), signedIn(rita), { page: '/faq/plain-page/', helpful: false, comment: 'Still out of date.' });
    const mine = await context.app.db.selectFrom('page_feedback').selectAll().where('user_id', '=', rita.id).execute();
    expect(mine.map((row) => [Boolean(row.helpful), row.comment, row.day])).toEqual([[false, 'Still out of date.', '2026-09-11']]);
    expect(await votesOn('/faq/plain-page/')).toMatchObject({ yes: 0, no: 1 });
    // A new version of the page is a new question.
    const changed = PAGES.map((page) => (page.url === '/faq/plain-page/' ? { ...page, version: 'plain0000002' } : page));
    expect((await recordFeedback(deps(changed), signedIn(rita), { page: '/faq/plain-page/', helpful: true })).replaced).toBe(false);
    await recordFeedback(deps(changed), anonymous('198.51.100.7'), { page: '/faq/plain-page/', helpful: true });
    await recordFeedback(deps(changed), anonymous('198.51.100.7'), { page: '/faq/plain-page/', helpful: true });
    expect(await votesOn('/faq/plain-page/')).toMatchObject({ yes: 2, no: 1 });
  });

  it.skipIf(!database.available)('adds a comment to an answer by its id, for an hour', async () => {
    const { id } = await recordFeedback(deps(), anonymous('192.0.2.50'), { page: '/guides/tone/', helpful: false });
    expect(
      await recordFeedback(deps(), anonymous('192.0.2.50'), { page: '/guides/tone/', helpful: false, comment: 'No examples.', id }),
    ).toEqual({
      id,
      replaced: true,
    });
    const row = await context.app.db.selectFrom('page_feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.comment).toBe('No examples.');
    // Someone signed in cannot take over another person's answer, nor anyone an old one.
    const rita = await reader('rita.reader@fixture.example');
    const hers = await recordFeedback(deps(), signedIn(rita), { page: '/guides/tone/', helpful: true });
    await expect(
      recordFeedback(deps(), anonymous(), { page: '/guides/tone/', helpful: false, comment: 'Mine now', id: hers.id }),
    ).rejects.toThrow(ApiError);
    tick(61);
    await expect(
      recordFeedback(deps(), anonymous('192.0.2.50'), { page: '/guides/tone/', helpful: false, comment: 'Later', id }),
    ).rejects.toThrow(ApiError);
  });

  it.skipIf(!database.available)('shows owners their pages and lists pages several people found unhelpful', async () => {
    clock = new Date('2026-11-20T09:00:00Z');
    for (let i = 0; i < 3; i++) {
      tick(1);
      await recordFeedback(deps(), anonymous(`192.0.2.${100 + i}`), { page: '/policies/', helpful: false, comment: `Unclear ${i}` });
    }
    const kim = { email: 'kim@fixture.example', ownerHandles: ['Policy Team'] };
    const mine = await feedbackForOwner(deps(), kim);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ url: '/policies/', title: 'Policies', yes: 0, no: 3, owner: 'Policy Team' });
    expect(mine[0]?.comments.map((entry) => entry.comment)).toEqual(['Unclear 2', 'Unclear 1', 'Unclear 0']);
    expect(await feedbackForOwner(deps(), { email: 'nobody@fixture.example', ownerHandles: [] })).toEqual([]);

    const since = new Date('2026-10-21T00:00:00Z');
    const flagged = await pagesWithNegativeFeedback(deps(), { since, min: 3 });
    expect(flagged.map((page) => [page.url, page.no])).toEqual([['/policies/', 3]]);
    expect(await pagesWithNegativeFeedback(deps(), { since: '2026-11-19T00:00:00Z', min: 4 })).toEqual([]);
    expect(
      await pagesWithNegativeFeedback(deps(), {
        since,
        min: 3,
        user: { email: 'x@fixture.example', ownerHandles: ['@fixture/knowledge'] },
      }),
    ).toEqual([]);

    const all = await feedbackSummary(deps(), { since: since.toISOString() });
    expect(all[0]?.url).toBe('/policies/');
    expect((await feedbackEntries(deps(), { section: '/faq/' })).every((entry) => entry.page.startsWith('/faq/'))).toBe(true);
    expect((await feedbackEntries(deps(), { helpful: true })).every((entry) => entry.helpful)).toBe(true);
    // Reports never say who answered.
    expect(JSON.stringify(all)).not.toMatch(/rita|user_id|userId/);
  });
});
