/** Review states on the organisation's calendar, at the edges: due today, month ends, leap days, time zones. */
import { describe, expect, it } from 'vitest';
import { reviewState, reviewStateOn } from '../../../src/features/content/review.ts';
import type { PageRecord } from '../../../src/features/content/types.ts';
import { reviewItems, trustFigures } from '../../../src/features/reviews/items.ts';
import { ownedBy, ownerNamed } from '../../../src/features/reviews/page-owners.ts';

describe('review state', () => {
  it('is current until the due date has passed, due soon within the window, overdue the day after', () => {
    expect(reviewStateOn('2026-11-27', '2026-11-27')).toBe('due-soon');
    expect(reviewStateOn('2026-11-26', '2026-11-27')).toBe('overdue');
    expect(reviewStateOn('2026-12-11', '2026-11-27')).toBe('due-soon');
    expect(reviewStateOn('2026-12-12', '2026-11-27')).toBe('current');
    expect(reviewStateOn(undefined, '2026-11-27')).toBe('unknown');
  });

  it('counts a window in months by the calendar, across month ends and 29 February', () => {
    // One month from 31 January is the last day of February: 29 February in a leap year.
    expect(reviewStateOn('2028-02-29', '2028-01-31', '1m')).toBe('due-soon');
    expect(reviewStateOn('2028-03-01', '2028-01-31', '1m')).toBe('current');
    expect(reviewStateOn('2027-02-28', '2027-01-31', '1m')).toBe('due-soon');
    expect(reviewStateOn('2027-03-01', '2027-01-31', '1m')).toBe('current');
    // A page due on 29 February is overdue on 1 March, not on 28 February.
    expect(reviewStateOn('2028-02-29', '2028-02-28')).toBe('due-soon');
    expect(reviewStateOn('2028-02-29', '2028-03-01')).toBe('overdue');
    expect(reviewStateOn('2026-12-31', '2026-12-17', '2w')).toBe('due-soon');
    expect(reviewStateOn('2026-12-31', '2026-12-16', '2w')).toBe('current');
  });

  it('reads the date in the organisation’s time zone, where it may already be tomorrow', () => {
    const lateEvening = new Date('2026-03-31T20:00:00Z');
    expect(reviewState('2026-03-31', lateEvening, { timeZone: 'UTC' })).toBe('due-soon');
    // 09:00 on 1 April in Auckland: the page due on 31 March has lapsed there.
    expect(reviewState('2026-03-31', lateEvening, { timeZone: 'Pacific/Auckland' })).toBe('overdue');
    // 13:00 on 31 March in Los Angeles.
    expect(reviewState('2026-03-31', lateEvening, { timeZone: 'America/Los_Angeles' })).toBe('due-soon');
  });
});

const page = (url: string, reviewDue: string | undefined, owner?: string, extra: Partial<PageRecord> = {}): PageRecord =>
  ({
    id: url.replaceAll('/', ''),
    url,
    file: `${url.slice(1, -1)}.md`,
    title: url,
    type: 'policy',
    reviewEvery: '6m',
    tags: [],
    audience: [],
    lang: 'en',
    aliases: [],
    draft: false,
    headings: [],
    section: '/',
    isSectionIndex: false,
    version: 'v',
    linksTo: [],
    ...(reviewDue ? { reviewDue, reviewed: '2026-01-01' } : {}),
    ...(owner ? { owner } : {}),
    ...extra,
  }) as PageRecord;

describe('the review list', () => {
  const pages = [
    page('/policies/a/', '2026-12-30', 'Billing Operations'),
    page('/policies/b/', '2026-11-01', '@kestrel/billing-ops'),
    page('/faq/c/', '2026-11-20', 'Knowledge Team'),
    page('/faq/d/', undefined, 'Knowledge Team'),
    page('/guides/e/', '2026-12-01', 'lena@kestrel.example'),
    page('/policies/draft/', '2020-01-01', 'Billing Operations', { draft: true }),
  ];

  it('puts the most urgent first: longest overdue, due soon, unknown, current; drafts left out', () => {
    const items = reviewItems({ pages }, '2026-11-27', '14d');
    expect(items.map((item) => [item.url, item.status, item.daysOverdue])).toEqual([
      ['/policies/b/', 'overdue', 26],
      ['/faq/c/', 'overdue', 7],
      ['/guides/e/', 'due-soon', 0],
      ['/faq/d/', 'unknown', 0],
      ['/policies/a/', 'current', 0],
    ]);
  });

  it('filters by state, section and owner, matching handles with their display names', () => {
    const names = { '@kestrel/billing-ops': 'Billing Operations' };
    expect(reviewItems({ pages }, '2026-11-27', '14d', { status: ['overdue'] }).map((item) => item.url)).toEqual([
      '/policies/b/',
      '/faq/c/',
    ]);
    expect(reviewItems({ pages }, '2026-11-27', '14d', { section: 'faq' }).map((item) => item.url)).toEqual(['/faq/c/', '/faq/d/']);
    expect(reviewItems({ pages }, '2026-11-27', '14d', { owner: ownerNamed('billing operations', names) }).map((item) => item.url)).toEqual(
      ['/policies/b/', '/policies/a/'],
    );
    const lena = ownedBy({ email: 'Lena@Kestrel.example', ownerHandles: ['@kestrel/billing-ops'] }, names);
    expect(reviewItems({ pages }, '2026-11-27', '14d', { owner: lena }).map((item) => item.url)).toEqual([
      '/policies/b/',
      '/guides/e/',
      '/policies/a/',
    ]);
    expect(reviewItems({ pages }, '2026-11-27', '14d', { owner: ownedBy({ email: 'x@y.z', ownerHandles: [] }, names) })).toEqual([]);
  });

  it('gives each owner and section the share of pages that can be trusted, weakest first', () => {
    const items = reviewItems({ pages }, '2026-11-27', '14d');
    expect(trustFigures(items, 'section').map((figure) => [figure.key, figure.pages, figure.trusted])).toEqual([
      ['/faq/', 2, 0],
      ['/policies/', 2, 50],
      ['/guides/', 1, 100],
    ]);
    expect(trustFigures(items, 'owner')[0]).toMatchObject({ key: 'Knowledge Team', overdue: 1, unknown: 1, trusted: 0 });
  });
});
