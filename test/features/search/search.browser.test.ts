/**
 * The in-page search (Pagefind) in a real Chromium against the built fixture site: the keyboard
 * flow an agent uses mid-call, the relevance rules (not every word needed, typos, synonyms),
 * filters, the language of the page, and the highlighted words on the page it opens.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInChromium } from '../../helpers/chromium.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';

describe.skipIf(!hasChromium)('searching from the page in Chromium', () => {
  const site = useSiteInChromium(FIXTURE_DIST);

  async function openPage(path: string): Promise<Page> {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}${path}`);
    return page;
  }

  const dialogTitles = (page: Page) => page.locator('dialog [role="option"] .search-option-title').allTextContents();

  it('opens with / from an article, answers as you type, and opens the chosen result at its section', async () => {
    const page = await openPage('/guides/tone-of-voice/');
    await page.keyboard.press('/');
    const input = page.locator('#dialog-search');
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await input.getAttribute('role')).toBe('combobox');

    // Not every word is on the page: "customer" and "how" are not.
    await page.keyboard.type('how does a customer check the payment status');
    await expect.poll(() => dialogTitles(page)).toContain('Why was I charged twice?');
    expect((await dialogTitles(page))[0]).toBe('Why was I charged twice?');
    expect(await page.locator('dialog [role="status"]').textContent()).toMatch(/\d+ pages?/);
    expect(await input.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('ArrowDown');
    const first = page.locator('dialog [role="option"]').first();
    expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Enter');
    await page.waitForURL(/\/faq\/plain-page\/\?highlight=.*#what-to-check$/);
    const marks = await page.locator('article mark.search-hit').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toEqual(expect.arrayContaining(['payment', 'status']));
    await page.close();
  });

  it('opens with Ctrl+K, closes with one Esc, and gives the focus back', async () => {
    const page = await openPage('/policies/refunds/');
    await page.locator('a.skip-link').focus();
    await page.keyboard.press('Control+k');
    expect(await page.locator('dialog[open]').count()).toBe(1);
    // With a question in the box too: Chromium's own Esc would only empty the box.
    await page.keyboard.type('refund');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Control+k');
    expect(await page.locator('#dialog-search').inputValue()).toBe('refund');
    await page.close();
  });

  it('lets the keyboard pass the header’s box, forwards and back to the skip link, without opening the dialog', async () => {
    const page = await openPage('/policies/refunds/');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element?.id || element?.className || element?.tagName;
      });
    const dialogOpen = () => page.locator('dialog[open]').count();
    const passed: string[] = [];
    // Forwards: skip link, site name, the box, then its Search button.
    for (let presses = 0; presses < 6 && !passed.includes('BUTTON'); presses++) {
      await page.keyboard.press('Tab');
      passed.push(String(await focused()));
      expect(await dialogOpen()).toBe(0);
    }
    expect(passed).toEqual(['skip-link', 'site-name', 'site-search', 'BUTTON']);
    // And back, every step from the Search button to the skip link.
    const back: string[] = [];
    for (let presses = 0; presses < 3; presses++) {
      await page.keyboard.press('Shift+Tab');
      back.push(String(await focused()));
      expect(await dialogOpen()).toBe(0);
    }
    expect(back).toEqual(['site-search', 'site-name', 'skip-link']);
    await page.close();
  });

  it('opens the dialog from the header box with what is typed in it, and gives the focus back on close', async () => {
    const page = await openPage('/policies/refunds/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.press('r');
    expect(await page.locator('dialog[open]').count()).toBe(1);
    const input = page.locator('#dialog-search');
    expect(await input.inputValue()).toBe('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dialog-search');
    // The next keys add to the letter rather than replace it.
    await page.keyboard.type('efund');
    expect(await input.inputValue()).toBe('refund');
    await expect.poll(() => dialogTitles(page)).toContain('Refunds');
    await page.keyboard.press('Escape');
    // The dialog's close event, which gives the focus back, comes a moment after the key.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // The box keeps the question: Enter gives its full results page. The browser gives the focus
    // back itself as the dialog closes, a task before the close event copies the question over.
    await expect.poll(() => page.locator('#site-search').inputValue()).toBe('refund');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=refund$/);
    await page.close();
  });

  it('opens the dialog when the header box is clicked', async () => {
    const page = await openPage('/policies/refunds/');
    await page.locator('#site-search').click();
    expect(await page.locator('dialog[open]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dialog-search');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    // Focus coming back to the box does not open the dialog again.
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.close();
  });

  it('lists each result as a link in the role of an option, for a click or a middle-click', async () => {
    const page = await openPage('/guides/tone-of-voice/');
    await page.keyboard.press('/');
    await page.keyboard.type('refund');
    const result = page.locator('dialog [role="option"]', { hasText: 'Refunds' }).first();
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.evaluate((option) => option.tagName)).toBe('A');
    // An option may hold no link, button or other control (axe: nested-interactive).
    expect(await result.locator('a, button, input, select, [tabindex]').count()).toBe(0);
    const href = String(await result.getAttribute('href'));
    expect(href).toMatch(/^\/policies\/refunds\//);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), result.click({ button: 'middle' })]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/policies/refunds/');
    await tab.close();
    // The middle-click left the dialog as it was; a plain click opens the result here.
    expect(await page.locator('dialog[open]').count()).toBe(1);
    await result.click();
    await page.waitForURL(/\/policies\/refunds\//);
    await page.close();
  });

  it('finds pages despite a typo, and through synonyms and aliases', async () => {
    const page = await openPage('/policies/refunds/');
    await page.keyboard.press('/');
    await page.keyboard.type('autorisation');
    await expect.poll(() => dialogTitles(page)).toContain('Why was I charged twice?');
    // knowhow.yaml makes "money back" a synonym of "refund"; the refunds policy also has it as an alias.
    await page.locator('#dialog-search').fill('money back');
    await expect.poll(async () => (await dialogTitles(page))[0]).toBe('Refunds');
    await page.close();
  });

  it('shows the type, section, summary, a highlighted snippet and an overdue review', async () => {
    const page = await openPage('/guides/tone-of-voice/');
    await page.keyboard.press('/');
    await page.keyboard.type('refund');
    const result = page.locator('dialog [role="option"]', { hasText: 'Refunds' }).first();
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator('.badge-policy').textContent()).toBe('Policy');
    expect(await result.locator('.badge-overdue').textContent()).toBe('Review overdue');
    expect(await result.locator('.search-option-meta').textContent()).toContain('Policies');
    // Listed first from the result cards; the summary and snippet come with the page's text.
    await expect
      .poll(() => result.locator('.search-option-summary').textContent())
      .toBe('Customers get a full refund within 30 days of purchase.');
    expect((await result.locator('.search-option-snippet mark').allTextContents()).length).toBeGreaterThan(0);
    // From the page's text, not the aliases and file name searched with its title.
    expect(await result.locator('.search-option-snippet').textContent()).not.toMatch(/money back|policies refunds/);
    await page.close();
  });

  it('narrows the results with the type and tag filters', async () => {
    const page = await openPage('/policies/refunds/');
    await page.keyboard.press('/');
    await page.keyboard.type('refund');
    await expect.poll(async () => (await dialogTitles(page)).length).toBeGreaterThan(1);
    await page.locator('dialog select[data-filter="type"]').selectOption('faq');
    await expect.poll(() => dialogTitles(page)).not.toContain('Refunds');
    await page.locator('dialog select[data-filter="type"]').selectOption('');
    await page.locator('#dialog-search').fill('write as you speak');
    await expect.poll(() => dialogTitles(page)).toContain('Tone of voice');
    await page.locator('dialog select[data-filter="tag"]').selectOption('refunds');
    await expect.poll(() => dialogTitles(page)).not.toContain('Tone of voice');
    await page.close();
  });

  it('searches the pages of the page’s own language, and others on request', async () => {
    const english = await openPage('/policies/refunds/');
    await english.keyboard.press('/');
    await english.keyboard.type('Abrechnungskonsole');
    await expect.poll(() => english.locator('dialog [role="status"]').textContent()).toMatch(/No pages match/);
    await english.locator('dialog select[data-search-language]').selectOption('de');
    await expect.poll(() => dialogTitles(english)).toEqual(['Rückerstattung nach einer Kündigung']);
    await english.close();

    const german = await openPage('/faq/erstattung/');
    await german.keyboard.press('/');
    // German stemming: "Kunden" finds "Kunde".
    await german.keyboard.type('Kunde');
    await expect.poll(() => dialogTitles(german)).toEqual(['Rückerstattung nach einer Kündigung']);
    await german.close();
  });

  it('answers in place under the home page’s own box', async () => {
    const page = await openPage('/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-search');
    await page.keyboard.type('charged twice');
    const titles = page.locator('[data-search-panel="home-search"] .search-option-title');
    await expect.poll(async () => (await titles.allTextContents())[0]).toBe('Why was I charged twice?');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/faq\/plain-page\//);
    await page.close();
  });
});
