/**
 * A page whose title is the question comes first: GET /api/search, over real HTTP against the
 * built sample site, asked the title of each of its pages in each language, in that language and
 * with every language searched, as written and as an agent might type it.
 */
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { SAMPLE_LANGUAGES, samplePages, type TitledPage, typedTitle } from '../../helpers/sample-titles.ts';
import { useServedSite } from '../../helpers/served-site.ts';

const pages = samplePages();

describe('a page whose title is the question, in the JSON API', () => {
  // Every title goes to the API: lift the per-client limit for this server.
  const site = useServedSite(sqlite, SAMPLE_DIST, { people: false, env: { KNOWHOW_SEARCH_RATE_LIMIT: '100000' } });

  const firstResult = async (lang: string, question: string) => {
    const response = await fetch(`${site.server.url}/api/search?lang=${lang}&q=${encodeURIComponent(question)}&limit=5`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: { url: string }[] }).results[0]?.url;
  };

  /** The pages whose first result was not the page asked for (or one with the same title). */
  const misses = async (lang: (page: TitledPage) => string, question: (page: TitledPage) => string, among: TitledPage[]) => {
    const missed: string[] = [];
    for (const page of among) {
      const first = await firstResult(lang(page), question(page));
      if (!page.sameTitle.includes(first ?? '')) missed.push(`"${question(page)}" (${lang(page)}): ${first} first, not ${page.url}`);
    }
    return missed;
  };

  it('the sample has pages in every language, one title shared by two pages', () => {
    for (const lang of SAMPLE_LANGUAGES) expect(pages[lang]?.length, lang).toBeGreaterThan(5);
    const shared = Object.values(pages)
      .flat()
      .filter((page) => page.sameTitle.length > 1);
    expect(shared.map((page) => page.url).sort()).toEqual(['/pl/policies/complaint-handling/', '/pl/training/handling-complaints/']);
  });

  it.each(SAMPLE_LANGUAGES)('puts the page first when asked its title in its language (%s)', async (lang) => {
    const among = pages[lang] ?? [];
    expect(
      await misses(
        () => lang,
        (page) => page.title,
        among,
      ),
    ).toEqual([]);
    expect(
      await misses(
        () => lang,
        (page) => typedTitle(page.title),
        among,
      ),
    ).toEqual([]);
  });

  it.each(SAMPLE_LANGUAGES)('puts the page first when asked its title in every language (%s)', async (lang) => {
    const among = pages[lang] ?? [];
    expect(
      await misses(
        () => 'all',
        (page) => page.title,
        among,
      ),
    ).toEqual([]);
    expect(
      await misses(
        () => 'all',
        (page) => typedTitle(page.title),
        among,
      ),
    ).toEqual([]);
  });

  it('tells apart the complaint handling policy and the module on handling complaints', async () => {
    // The module's page has more of the words, more often: it came first for the policy's title.
    expect(await firstResult('en', 'Complaint handling')).toBe('/policies/complaint-handling/');
    expect(await firstResult('en', 'Handling complaints')).toBe('/training/handling-complaints/');
    expect(await firstResult('fi', 'Valitusten käsittely')).toBe('/fi/policies/complaint-handling/');
  });
});
