/**
 * Read and acknowledge in Chromium: a member acknowledges the fixture site's refunds policy by
 * keyboard, without a reload; the owner raises its version (the next release, built from
 * test/fixtures/site-changes, served on the same database); the member is asked again, opens
 * what changed, sees the new words marked as added, and acknowledges the new version there;
 * a manager sees it in the report. The page of changes passes axe's WCAG checks.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../../helpers/axe.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, signInInBrowser } from '../../helpers/chromium.ts';
import { tabTo } from '../../helpers/keyboard.ts';
import { sqlite } from '../../helpers/databases.ts';
import { FIXTURE_DIST, FIXTURE_V2_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const REFUNDS = '/policies/refunds/';

describe.skipIf(!hasChromium)('read and acknowledge, in Chromium', () => {
  const site = useServedSite(sqlite, FIXTURE_DIST, { browser: true });
  const problems: string[] = [];

  async function signedIn(as: keyof typeof PEOPLE): Promise<{ context: BrowserContext; page: Page }> {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/\b4\d\d\b/.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
    });
    await signInInBrowser(page, site.server.url, PEOPLE[as].email);
    return { context, page };
  }

  it('shows nothing to someone not signed in', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/me')),
      page.goto(`${site.server.url}${REFUNDS}`),
    ]);
    expect(((await answer.json()) as { user: unknown }).user).toBeNull();
    await page.waitForLoadState('networkidle');
    // Nobody is signed in: what they owe is not even asked.
    expect(asked).not.toContain('/api/me/acknowledgements');
    expect(await page.locator('[data-acknowledge]').isHidden()).toBe(true);
    await context.close();
  });

  it('lets a member acknowledge the policy by keyboard, without a reload', async () => {
    const { context, page } = await signedIn('member');
    const due = page.locator('[data-acknowledgements-due]');
    await expect.poll(() => due.textContent()).toBe('To acknowledge: 1');
    await page.goto(`${site.server.url}${REFUNDS}`);
    await page.locator('[data-acknowledge-button]').waitFor();
    expect(await page.locator('[data-acknowledge-intro]').textContent()).toContain('(version 1)');
    await page.evaluate(() => {
      (window as Window & { notReloaded?: boolean }).notReloaded = true;
    });
    await tabTo(page, '[data-acknowledge-button]');
    await page.keyboard.press('Enter');
    const status = page.locator('[data-acknowledge-status]');
    await expect.poll(() => status.textContent()).toMatch(/^Thank you\. You acknowledged version 1 on \d+ \w+ \d{4}\.$/);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-acknowledge-status]'))).toBe(true);
    expect(await page.locator('[data-acknowledge-button]').isHidden()).toBe(true);
    expect(await page.evaluate(() => (window as Window & { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.locator('[data-acknowledgements-due]').count()).toBe(0);

    await page.reload();
    await expect.poll(() => page.locator('[data-acknowledge-intro]').textContent()).toMatch(/^You acknowledged version 1 on /);
    await context.close();
  });

  it('asks again after the owner raises the version, and shows what changed', async () => {
    await site.restart(FIXTURE_V2_DIST);
    const { context, page } = await signedIn('member');
    await expect.poll(() => page.locator('[data-acknowledgements-due]').textContent()).toBe('To acknowledge: 1');
    await page.goto(`${site.server.url}${REFUNDS}`);
    const intro = page.locator('[data-acknowledge-intro]');
    await expect.poll(() => intro.textContent()).toMatch(/^This policy changed since you acknowledged version 1 on .+: see what changed\./);
    await tabTo(page, '[data-acknowledge-intro] a');
    await Promise.all([page.waitForURL(/\/acknowledgements\/changes\//), page.keyboard.press('Enter')]);

    expect(await page.locator('h1').textContent()).toBe('What changed in Refunds');
    expect(await page.locator('.text-diff .diff-changed ins').allTextContents()).toEqual([
      '[added: , or fourteen days for an opened device]',
    ]);
    expect(await page.locator('.text-diff .diff-changed del').count()).toBe(0);
    expect(await page.locator('.text-diff').textContent()).toContain('Thirty days from purchase');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((violation) => `${colorScheme}: ${violation.id}`)).toEqual([]);
    }

    await tabTo(page, 'form.acknowledge-box button');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.locator('[data-notice]').first().textContent()).toMatch(/You acknowledged version 2 of Refunds on /);
    expect(await page.locator('form.acknowledge-box').count()).toBe(0);

    await page.goto(`${site.server.url}/acknowledgements/`);
    expect(await page.locator('.lead').textContent()).toContain('Nothing is waiting for your acknowledgement.');
    const signed = await page.locator('#signed + ul li').allTextContents();
    expect(signed).toHaveLength(2);
    expect(signed[0]).toContain('Refunds: version 2');
    expect(signed[1]).toContain('(an earlier version)');
    await context.close();
  });

  it('shows the manager who acknowledged the current version', async () => {
    const { context, page } = await signedIn('manager');
    await page.goto(`${site.server.url}/reports/acknowledgements/?status=acknowledged`);
    const row = page.locator('tr', { hasText: PEOPLE.member.name });
    expect(await row.textContent()).toContain('version 2 on');
    expect(await page.locator('.report-counts').textContent()).toContain('Refunds (version 2): 1 of 4 acknowledged');
    await context.close();
  });

  it('broke nothing on any page', () => {
    expect(problems).toEqual([]);
  });
});
