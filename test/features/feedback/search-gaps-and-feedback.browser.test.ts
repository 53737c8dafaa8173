/**
 * Search gaps and page feedback in Chromium, against the fixture site's real server: a reader
 * searches for something the handbook does not have, typing it key by key, and closes the
 * search; one question is counted, and the manager finds it on /reports/search-gaps/. A reader
 * answers "No" with a comment, by keyboard, and the page's owner reads it on /reports/feedback/;
 * a reader without JavaScript answers through the plain form.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../src/features/accounts/server/users.ts';
import { hasChromium, signInInBrowser } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PASSWORD, PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const OWNER = 'bea.billing@fixture.example';

describe.skipIf(!hasChromium)('search gaps and page feedback, in Chromium', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    browser: true,
    prepare: async (app) => {
      await createUser(
        app,
        { user: null },
        {
          email: OWNER,
          name: 'Bea Billing',
          role: 'member',
          jobRoles: ['agent'],
          team: null,
          ownerHandles: ['Billing Operations'],
          password: PASSWORD,
        },
      );
    },
  });
  const problems: string[] = [];
  // Registered after the site's own teardown, so it runs before it (vitest runs after-hooks last in, first out).
  afterAll(() => {
    expect(problems).toEqual([]);
  });

  async function open(path: string, { javaScript = true } = {}): Promise<Page> {
    const context = await site.browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    await page.goto(`${site.server.url}${path}`);
    return page;
  }

  async function signedIn(email: string, path: string): Promise<Page> {
    const page = await open(`/sign-in/?next=${encodeURIComponent(path)}`);
    await signInInBrowser(page, site.server.url, email, { next: path });
    return page;
  }

  const questions = async () =>
    (await site.app.db.selectFrom('search_gap').select(['question', 'searches', 'no_results']).execute()).map((row) => row.question);

  it('counts the last question of a search the handbook cannot answer, and shows it to the manager', async () => {
    const reader = await open('/guides/tone-of-voice/');
    await reader.keyboard.press('Control+k');
    // Typed key by key, as a person does: one question, not one per key.
    await reader.keyboard.type('Zebra grooming allowance?', { delay: 20 });
    await expect.poll(() => reader.locator('dialog[open] [role="status"]').textContent()).toMatch(/No pages match/);
    await reader.keyboard.press('Escape');
    await expect.poll(questions).toEqual(['zebra grooming allowance']);
    // Reopening and closing without a new question counts nothing more.
    await reader.keyboard.press('Control+k');
    await reader.keyboard.press('Escape');
    const row = await site.app.db.selectFrom('search_gap').selectAll().executeTakeFirstOrThrow();
    expect([Number(row.searches), Number(row.no_results)]).toEqual([1, 1]);
    // A search whose result was opened is counted, but is no gap.
    await reader.keyboard.press('Control+k');
    // The box opens with the last question selected: typing replaces it.
    await reader.keyboard.type('refund');
    await expect.poll(() => reader.locator('dialog[open] [role="option"]').count()).toBeGreaterThan(0);
    await Promise.all([reader.waitForURL(/\/policies\/refunds\//), reader.keyboard.press('Enter')]);
    await expect.poll(async () => (await questions()).sort()).toEqual(['refund', 'zebra grooming allowance']);
    const opened = await site.app.db.selectFrom('search_gap').selectAll().where('question', '=', 'refund').executeTakeFirstOrThrow();
    expect([Number(opened.searches), Number(opened.no_results), Number(opened.not_opened)]).toEqual([1, 0, 0]);
    await reader.context().close();

    const manager = await signedIn(PEOPLE.manager.email, '/reports/search-gaps/');
    const first = manager.locator('.data-table tbody tr').first();
    expect(await first.locator('th').textContent()).toBe('zebra grooming allowance');
    expect(await first.locator('td').first().textContent()).toBe('1');
    await manager.context().close();
  });

  it('takes a "No" with a comment by keyboard, and shows it to the page’s owner', async () => {
    const reader = await open('/policies/refunds/');
    await reader.locator('a.skip-link').focus();
    for (let press = 0; press < 200; press++) {
      await reader.keyboard.press('Tab');
      if (await reader.evaluate(() => document.activeElement?.matches('button[name="helpful"][value="no"]') ?? false)) break;
    }
    await reader.keyboard.press('Enter');
    await expect.poll(() => reader.evaluate(() => document.activeElement?.id)).toBe('page-feedback-comment');
    expect(await reader.locator('[data-feedback-status]').textContent()).toMatch(/Thank you/);
    await reader.keyboard.type('Say what happens to store credit.');
    await reader.keyboard.press('Tab');
    await reader.keyboard.press('Enter');
    await expect.poll(() => reader.locator('[data-feedback-status]').textContent()).toMatch(/your comment is sent/);
    await reader.context().close();

    const owner = await signedIn(OWNER, '/reports/feedback/');
    const row = owner.locator('.data-table tbody tr', { hasText: 'Refunds' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(2).textContent()).toBe('1');
    expect(await row.locator('.feedback-comments').textContent()).toContain('Say what happens to store credit.');
    // The owner of the refunds policy sees no other page.
    expect(await owner.locator('.data-table tbody tr').count()).toBe(1);
    await owner.context().close();
  });

  it('takes an answer and a comment without JavaScript', async () => {
    const reader = await open('/guides/tone-of-voice/', { javaScript: false });
    await Promise.all([reader.waitForURL(/\/feedback\/\?/), reader.getByRole('button', { name: 'Yes', exact: true }).click()]);
    expect(await reader.locator('[role="status"]').first().textContent()).toContain('Thank you for your answer.');
    await reader.fill('#comment', 'The examples help.');
    await Promise.all([reader.waitForURL(/sent=comment/), reader.getByRole('button', { name: 'Send comment' }).click()]);
    expect(await reader.locator('main').textContent()).toContain('your comment is sent');
    await reader.getByRole('link', { name: /Back to/ }).click();
    expect(new URL(reader.url()).pathname).toBe('/guides/tone-of-voice/');
    await reader.context().close();
    const stored = await site.app.db.selectFrom('page_feedback').selectAll().where('page_url', '=', '/guides/tone-of-voice/').execute();
    expect(stored.map((entry) => [Boolean(entry.helpful), entry.comment, entry.user_id])).toEqual([[true, 'The examples help.', null]]);
  });
});
