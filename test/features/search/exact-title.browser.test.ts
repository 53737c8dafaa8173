/**
 * A page whose title is the question comes first in the in-page search too, in a real Chromium:
 * the dialog on a page in each of the sample's languages is asked the title of each page in that
 * language, as written and as an agent might type it, then again with every language searched.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { askEachInBrowser, openSearchPage } from '../../helpers/browser-search.ts';
import { hasChromium, useSiteInChromium } from '../../helpers/chromium.ts';
import { SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { SAMPLE_LANGUAGES, samplePages, type TitledPage, typedTitle } from '../../helpers/sample-titles.ts';

const pages = samplePages();

describe.skipIf(!hasChromium)('a page whose title is the question, in the in-page search', () => {
  const site = useSiteInChromium(SAMPLE_DIST);

  /** Each page asked by `question` (the same question once), the ones whose first result was not it or a page of the same title. */
  async function misses(page: Page, among: TitledPage[], question: (page: TitledPage) => string): Promise<string[]> {
    const questions = [...new Set(among.map(question))];
    const answers = await askEachInBrowser(page, questions);
    return among.flatMap((titled) => {
      const first = answers[questions.indexOf(question(titled))]?.[0];
      return titled.sameTitle.includes(first ?? '') ? [] : [`"${question(titled)}": ${first} first, not ${titled.url}`];
    });
  }

  it.each(SAMPLE_LANGUAGES)('puts the page first when asked its title, in its language and in every language (%s)', async (lang) => {
    const among = pages[lang] ?? [];
    const page = await openSearchPage(site.browser, site.server.url, among[0]?.url);
    try {
      expect(await misses(page, among, (titled) => titled.title)).toEqual([]);
      expect(await misses(page, among, (titled) => typedTitle(titled.title))).toEqual([]);
      const box = page.locator('dialog input[data-search-all-languages]');
      await box.waitFor({ state: 'visible' });
      await box.check();
      expect(await misses(page, among, (titled) => titled.title)).toEqual([]);
      expect(await misses(page, among, (titled) => typedTitle(titled.title))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
