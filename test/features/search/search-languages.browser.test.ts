/**
 * The in-page search in the sample's languages, in a real Chromium: Polish words in forms the
 * pages do not use, which Pagefind's own Polish matching misses (the search stems them as the
 * server does), and searching every language at once, by keyboard, each result marked with its
 * language.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from '../../helpers/axe.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInChromium } from '../../helpers/chromium.ts';
import { SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { tabTo } from '../../helpers/keyboard.ts';

describe.skipIf(!hasChromium)('searching in each language from the page, in Chromium', () => {
  const site = useSiteInChromium(SAMPLE_DIST);

  async function openSearch(path: string): Promise<Page> {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}${path}`);
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open] #dialog-search').waitFor();
    return page;
  }

  const dialogResults = (page: Page) =>
    page
      .locator('dialog [role="option"]')
      .evaluateAll((options) => options.map((option) => new URL((option as HTMLAnchorElement).href).pathname));

  it('finds the Polish pages for Polish words in forms they do not use', async () => {
    const page = await openSearch('/pl/policies/refunds-and-returns/');
    const input = page.locator('#dialog-search');
    // Pagefind alone finds "zwrotów" only where a page writes "zwrotów": the goodwill credits
    // policy has "zwrot" and "zwroty", the escalation procedure "zwrotu". The server finds all of
    // them through their stem, and so must the in-page search.
    await input.fill('zwrotów');
    await expect
      .poll(() => dialogResults(page))
      .toEqual(expect.arrayContaining(['/pl/policies/goodwill-credits/', '/pl/procedures/escalating-a-complaint/']));
    const api = await fetch(`${site.server.url}/api/search?q=${encodeURIComponent('zwrotów')}&lang=pl`);
    const apiUrls = ((await api.json()) as { results: { url: string }[] }).results.map((result) => result.url);
    expect(new Set(await dialogResults(page))).toEqual(new Set(apiUrls));
    // "klientów" too: the same pages as the server's search, whatever forms they write.
    await input.fill('klientów');
    const clients = await fetch(`${site.server.url}/api/search?q=${encodeURIComponent('klientów')}&lang=pl&limit=10`);
    const clientUrls = ((await clients.json()) as { results: { url: string }[] }).results.map((result) => result.url);
    expect(clientUrls.length).toBeGreaterThan(5);
    await expect.poll(async () => new Set(await dialogResults(page))).toEqual(new Set(clientUrls));
    // "reklamacji" for the title's "reklamacja", "reklamacjami" in no page at all.
    for (const question of ['termin reklamacji', 'jak postępować z reklamacjami']) {
      await input.fill(question);
      await expect
        .poll(async () => (await dialogResults(page)).slice(0, 2), { message: question })
        .toContain('/pl/policies/complaint-handling/');
    }
    await page.close();
  });

  it('searches every language when asked by keyboard, and marks each result with its language', async () => {
    const page = await openSearch('/de/policies/refunds-and-returns/');
    await page.keyboard.type('Rückerstattung refund');
    await expect.poll(() => dialogResults(page)).toContain('/de/policies/refunds-and-returns/');
    expect((await dialogResults(page)).every((url) => url.startsWith('/de/'))).toBe(true);
    expect(await page.locator('dialog .badge-lang').count()).toBe(0);

    // The box appears with the filters, once the search has loaded; Space ticks it.
    const box = page.locator('dialog input[data-search-all-languages]');
    await box.waitFor({ state: 'visible' });
    expect(await box.evaluate((input) => input.closest('label')?.textContent?.trim())).toBe('In allen Sprachen suchen');
    await tabTo(page, 'dialog input[data-search-all-languages]', 10);
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await expect.poll(() => dialogResults(page)).toContain('/policies/refunds-and-returns/');
    expect(await page.locator('dialog select[data-search-language]').isDisabled()).toBe(true);

    // Each result says its language: "EN" to see, "English" (in itself) to hear.
    const options = page.locator('dialog [role="option"]');
    const count = await options.count();
    expect(await page.locator('dialog [role="option"] .badge-lang').count()).toBe(count);
    const first = page.locator('dialog [role="option"][href^="/policies/refunds-and-returns/"]').first();
    expect(await first.locator('.badge-lang [aria-hidden="true"]').textContent()).toBe('EN');
    expect(await first.locator('.badge-lang .sr-only').evaluate((name) => [name.textContent, name.getAttribute('lang')])).toEqual([
      'English',
      'en',
    ]);
    expect(await first.ariaSnapshot()).toContain('English');
    expect(await first.locator('.search-option-title').getAttribute('lang')).toBe('en');
    const german = page.locator('dialog [role="option"][href^="/de/policies/refunds-and-returns/"] .badge-lang .sr-only');
    expect(await german.textContent()).toBe('Deutsch');

    // Back to the box, and the arrows and Enter work on the merged results.
    for (
      let presses = 0;
      presses < 10 && !(await page.locator('#dialog-search').evaluate((input) => input === document.activeElement));
      presses++
    )
      await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    const chosen = new URL(String(await options.first().getAttribute('href')), site.server.url).pathname;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === chosen);
    await page.close();
  });

  it('finds no accessibility violations in the dialog with every language’s results', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/fi/policies/complaint-handling/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('valitus complaint');
    await page.locator('dialog input[data-search-all-languages]').check();
    await expect.poll(() => page.locator('dialog [role="option"] .badge-lang').count()).toBeGreaterThan(1);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await context.close();
  });
});
