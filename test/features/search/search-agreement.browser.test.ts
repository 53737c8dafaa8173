/**
 * Both search paths index the same text by the same rules: on the sample content's quality set
 * (test/search-quality/kestrel.json) the in-page search, run in Chromium, and the JSON API must
 * agree on the first result for most questions, and each must keep finding the expected pages.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { askInBrowser, openSearchPage } from '../../helpers/browser-search.ts';
import { hasChromium } from '../../helpers/chromium.ts';
import { sqlite } from '../../helpers/databases.ts';
import { PROJECT_ROOT, SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { useServedSite } from '../../helpers/served-site.ts';

interface Question {
  q: string;
  expect: string[];
}

const questions = JSON.parse(readFileSync(`${PROJECT_ROOT}test/search-quality/kestrel.json`, 'utf8')) as Question[];

describe.skipIf(!hasChromium)('the in-page search and the JSON API on the quality set', () => {
  // Every question goes to the API: lift the per-client limit for this server.
  const site = useServedSite(sqlite, SAMPLE_DIST, { people: false, browser: true, env: { KNOWHOW_SEARCH_RATE_LIMIT: '100000' } });
  let page: Page;
  const api: string[][] = [];
  const inPage: string[][] = [];

  beforeAll(async () => {
    page = await openSearchPage(site.browser, site.server.url);
    for (const { q } of questions) {
      const response = await fetch(`${site.server.url}/api/search?q=${encodeURIComponent(q)}&limit=10`);
      api.push(((await response.json()) as { results: { url: string }[] }).results.map((result) => result.url));
      inPage.push((await askInBrowser(page, q)).urls);
    }
  }, 120_000);

  it('agree on the first result for at least three questions in four', () => {
    const agreeing = questions.filter((_, index) => api[index]?.[0] !== undefined && api[index]?.[0] === inPage[index]?.[0]).length;
    console.info(`Same first result for ${agreeing} of ${questions.length} questions`);
    expect(agreeing / questions.length).toBeGreaterThanOrEqual(0.75);
  });

  it('each put the expected page in the top five for at least nine questions in ten', () => {
    const inTopFive = (answers: string[][]) =>
      questions.filter(({ expect }, index) => answers[index]?.slice(0, 5).some((url) => expect.includes(url))).length;
    expect(inTopFive(api) / questions.length).toBeGreaterThanOrEqual(0.9);
    expect(inTopFive(inPage) / questions.length).toBeGreaterThanOrEqual(0.9);
  });
});
