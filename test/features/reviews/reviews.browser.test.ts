/**
 * Reviews in Chromium, as a policy owner meets them: the home page says what they have due, the
 * header leads to the dashboard, and the dashboard lists their overdue page with its edit link,
 * all by keyboard. A manager sees every owner.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findUserByEmail, updateUser } from '../../../src/features/accounts/server/users.ts';
import { hasChromium, signInInBrowser } from '../../helpers/chromium.ts';
import { tabTo } from '../../helpers/keyboard.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

describe.skipIf(!hasChromium)('reviews, in Chromium', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, {
    browser: true,
    prepare: async (app) => {
      const owner = await findUserByEmail(app, PEOPLE.member.email);
      await updateUser(app, { user: null }, owner?.id as string, { ownerHandles: ['Billing Operations'] });
    },
  });
  const problems: string[] = [];

  async function signedIn(as: keyof typeof PEOPLE): Promise<Page> {
    const page = await (await site.browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    await signInInBrowser(page, site.server.url, PEOPLE[as].email, { by: 'keyboard' });
    return page;
  }

  async function itemsOf(page: Page, query: string): Promise<{ title: string; status: string }[]> {
    const response = await page.request.get(`${site.server.url}/api/reviews?${query}`);
    return ((await response.json()) as { items: { title: string; status: string }[] }).items;
  }

  it('shows an owner what is due on the home page and leads them to the dashboard by keyboard', async () => {
    const page = await signedIn('member');
    const panel = page.locator('[data-reviews-due]');
    await panel.waitFor();
    // The fixture's dates are fixed and the server's clock is not: what is due soon moves with it.
    const due = await itemsOf(page, 'owner=me&status=overdue,due-soon');
    expect(due.filter((item) => item.status === 'overdue').map((item) => item.title)).toEqual([
      'Refunds',
      'Rückerstattung nach einer Kündigung',
    ]);
    expect(await panel.locator('[data-reviews-due-summary]').textContent()).toBe(
      `${due.length} pages you answer for need a review, 2 overdue.`,
    );
    expect((await panel.locator('li').allTextContents()).slice(0, 2)).toEqual([
      expect.stringMatching(/^Refunds \(overdue by \d+ days\)$/),
      expect.stringMatching(/^Rückerstattung nach einer Kündigung \(overdue by \d+ days\)$/),
    ]);

    await tabTo(page, '.account-menu a[href="/reviews/"]');
    await Promise.all([page.waitForURL(`${site.server.url}/reviews/`), page.keyboard.press('Enter')]);
    const rows = page.locator('[aria-label="Your pages to review"] tbody tr');
    expect(await rows.count()).toBe(due.length);
    expect(await rows.first().textContent()).toContain('Refunds');
    expect(await rows.first().locator('.review-overdue').textContent()).toMatch(/^Overdue by \d+ days$/);
    expect(await rows.first().getByRole('link', { name: 'Edit Refunds' }).getAttribute('href')).toBe(
      'https://git.example.com/fixture/handbook/edit/main/policies/refunds.md',
    );
    expect(await page.locator('#everyone').count()).toBe(0);
    await page.context().close();
  });

  it('shows a manager every owner with their share of trusted pages, and filters the list', async () => {
    const page = await signedIn('manager');
    expect(await page.locator('[data-reviews-due]').isHidden()).toBe(true);
    await page.goto(`${site.server.url}/reviews/`);
    const billing = page.locator('[aria-label="By owner"] tbody tr', { hasText: 'Billing Operations' });
    const billingPages = await itemsOf(page, 'owner=Billing+Operations');
    const trusted = billingPages.filter((item) => item.status === 'current' || item.status === 'due-soon').length;
    expect(await billing.textContent()).toContain(`${Math.round((trusted / billingPages.length) * 100)}%`);
    await page.selectOption('#status', 'overdue');
    await Promise.all([page.waitForURL(/status=overdue/), page.getByRole('button', { name: 'Show' }).click()]);
    const listed = await page.locator('[aria-label="Every page"] tbody tr .review-overdue').count();
    expect(listed).toBe(await page.locator('[aria-label="Every page"] tbody tr').count());
    expect(listed).toBeGreaterThan(0);
    await page.context().close();
  });

  it('broke nothing on any page', () => {
    expect(problems).toEqual([]);
  });
});
