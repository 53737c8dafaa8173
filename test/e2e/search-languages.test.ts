/**
 * The in-page search in the sample's languages, in a real Chromium: Polish words in forms the
 * pages do not use, which Pagefind's own Polish matching misses (the search stems them as the
 * server does).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInChromium } from '../helpers/chromium.ts';
import { SAMPLE_DIST } from '../helpers/fixture-site.ts';

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
    await input.fill('klientów');
    await expect.poll(async () => (await dialogResults(page)).length).toBe(6);
    // "reklamacji" for the title's "reklamacja", "reklamacjami" in no page at all.
    for (const question of ['termin reklamacji', 'jak postępować z reklamacjami']) {
      await input.fill(question);
      await expect
        .poll(async () => (await dialogResults(page)).slice(0, 2), { message: question })
        .toContain('/pl/policies/complaint-handling/');
    }
    await page.close();
  });
});
