/**
 * pageForMachines, what the MCP `get_page` tool answers: a page of the built fixture site by
 * any of its addresses, as its Markdown copy with the facts to trust it by.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageForMachines, pagePathOf, readBuiltContent } from '../../../../src/features/handbook/server.ts';
import { loadEnv } from '../../../../src/kit/server/env.ts';
import { FIXTURE_DIST, PROJECT_ROOT } from '../../../helpers/fixture-site.ts';

const PUBLIC_URL = 'https://handbook.fixture.example';
const content = readBuiltContent(join(FIXTURE_DIST, 'server'));
const app = (env: Record<string, string> = {}, now = new Date('2026-12-01T12:00:00Z')) => ({
  env: loadEnv({ KNOWHOW_OUT_DIR: relative(PROJECT_ROOT, FIXTURE_DIST), ...env }, PROJECT_ROOT),
  manifest: () => Promise.resolve(content),
  now: () => now,
});

describe('pageForMachines', () => {
  it('gives a page as clean Markdown with its owner, review dates, state, version and sections', async () => {
    const page = await pageForMachines(app(), '/policies/refunds/');
    expect(page).toMatchObject({
      title: 'Refunds',
      summary: 'Customers get a full refund within 30 days of purchase.',
      url: `${PUBLIC_URL}/policies/refunds/`,
      markdownUrl: `${PUBLIC_URL}/policies/refunds/index.html.md`,
      path: '/policies/refunds/',
      type: 'policy',
      owner: 'Billing Operations',
      lastReviewed: '2020-01-15',
      reviewDue: '2021-01-15',
      reviewEvery: '1y',
      reviewStatus: 'overdue',
      version: '1',
      lang: 'en',
      translationStale: false,
      translations: [],
      sections: [
        { anchor: 'refund-window', title: 'Refund window', depth: 2 },
        { anchor: 'refund-window-1', title: 'Refund window', depth: 2 },
      ],
    });
    expect(page?.markdown.startsWith('# Refunds\n')).toBe(true);
    expect(page?.markdown).not.toContain('reviewEvery:');
    expect(page?.markdown).toContain(`(${PUBLIC_URL}/procedures/process-refund/#check-the-order)`);
  });

  it('finds the page by its path with or without the slash, its copy, or its absolute address', async () => {
    for (const address of [
      '/policies/refunds',
      'policies/refunds/',
      '/policies/refunds/index.html.md',
      '/policies/refunds/index.html',
      `${PUBLIC_URL}/policies/refunds/#refund-window`,
      `${PUBLIC_URL}/policies/refunds/?from=assistant`,
    ]) {
      expect((await pageForMachines(app(), address))?.path, address).toBe('/policies/refunds/');
    }
    // The server's own address (BETTER_AUTH_URL) is the handbook's too.
    expect(
      (await pageForMachines(app({ BETTER_AUTH_URL: 'http://127.0.0.1:4999' }), 'http://127.0.0.1:4999/policies/refunds/'))?.path,
    ).toBe('/policies/refunds/');
  });

  it('gives nothing for another site, a missing page or a draft', async () => {
    expect(await pageForMachines(app(), 'https://elsewhere.example/policies/refunds/')).toBeUndefined();
    expect(await pageForMachines(app(), '/no-such-page/')).toBeUndefined();
    expect(await pageForMachines(app(), '/faq/unpublished/')).toBeUndefined();
    expect(await pageForMachines(app(), '')).toBeUndefined();
  });

  it('says when a review is current, as of the day asked', async () => {
    const page = await pageForMachines(app({}, new Date('2026-10-01T12:00:00Z')), '/procedures/process-refund/');
    expect(page).toMatchObject({ reviewDue: '2027-03-01', reviewStatus: 'current', type: 'procedure' });
    expect(page?.markdown).toContain('> **Shortcut**');
  });
});

describe('pagePathOf', () => {
  it('turns an address into a page path', () => {
    expect(pagePathOf('/de/faq/erstattung', [])).toBe('/de/faq/erstattung/');
    expect(pagePathOf('/policies/r%C3%BCck/', [])).toBe('/policies/rück/');
    expect(pagePathOf('/', [])).toBe('/');
    expect(pagePathOf('/index.html.md', [])).toBe('/');
    expect(pagePathOf('https://a.example/x/', ['https://b.example'])).toBeUndefined();
    expect(pagePathOf('mailto:someone@example.com', ['https://b.example'])).toBeUndefined();
  });
});
