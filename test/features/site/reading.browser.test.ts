import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { useServedSite } from '../../helpers/served-site.ts';
import { hasChromium, useSiteInChromium } from '../../helpers/chromium.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';

describe.skipIf(!hasChromium)('reading the site in Chromium', () => {
  const site = useSiteInChromium(FIXTURE_DIST);

  it('shows the whole article with JavaScript turned off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/policies/refunds/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Refunds');
    expect(await page.locator('[data-review-warning]').isVisible()).toBe(true);
    expect(await page.locator('aside.callout-say').isVisible()).toBe(true);
    await context.close();
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/policies/refunds/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('turns a page overdue in the browser once its due date passes, without a rebuild', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/procedures/process-refund/`);
    expect(await page.locator('[data-review-warning]').isVisible()).toBe(false);
    // The procedure was reviewed on 2026-09-01 and is reviewed every 6 months.
    await page.clock.setFixedTime(new Date('2027-03-02T09:00:00Z'));
    await page.reload();
    expect(await page.locator('[data-review-warning]').isVisible()).toBe(true);
    expect(await page.locator('.trust-line').getAttribute('data-review-state')).toBe('overdue');
    await page.close();
  });

  it('opens a deep link at its heading', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1200, height: 500 } });
    await page.goto(`${site.server.url}/policies/refunds/#refund-window-1`);
    const top = await page.locator('#refund-window-1').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    await page.close();
  });

  it('follows the system dark mode and prints without the page chrome', async () => {
    const page = await site.browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${site.server.url}/policies/refunds/`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(15, 20, 25)');
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.sidebar', '.toc-column', '.site-footer']) {
      expect(await page.locator(chrome).evaluate((element) => getComputedStyle(element).display)).toBe('none');
    }
    expect(await page.locator('.content').isVisible()).toBe(true);
    await page.close();
  });

  it('searches from the home page box with the keyboard and no JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    await page.locator('#home-search').fill('customer wants money back');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=customer\+wants\+money\+back/);
    const first = page.locator('.search-result-title').first();
    expect(await first.textContent()).toBe('Refunds');
    expect(await first.getAttribute('href')).toMatch(/^\/policies\/refunds\/(#.+)?$/);
    expect(await page.locator('.search-results li').first().locator('.badge-overdue').count()).toBe(1);
    await context.close();
  });

  it('answers unknown addresses with a 404 page that offers search', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.server.url}/policies/no-such-policy/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('form[role="search"] input[name="q"]').count()).toBe(1);
    await page.close();
  });
});

describe('the server', () => {
  const served = useServedSite(sqlite, FIXTURE_DIST, { people: false });

  it('reports its health and the content build it serves over HTTP', async () => {
    const response = await fetch(`${served.server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { status: string; pages: number; builtAt: string };
    expect(body.status).toBe('ok');
    // Eleven pages in the fixture, one of them a draft.
    expect(body.pages).toBe(10);
    expect(Date.parse(body.builtAt)).not.toBeNaN();
  });
});
