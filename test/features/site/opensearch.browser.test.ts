/**
 * The OpenSearch description as a browser finds it: every page's head links to it, it is
 * well-formed XML a browser parses, and its search template opens the search page with the question.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInChromium } from '../../helpers/chromium.ts';
import { FIXTURE_DIST } from '../../helpers/fixture-site.ts';

describe.skipIf(!hasChromium)('the handbook as a browser search engine', () => {
  const site = useSiteInChromium(FIXTURE_DIST);

  it('is linked from the page and described in XML the browser parses', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/policies/refunds/`);
    const description = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="search"][type="application/opensearchdescription+xml"]');
      if (!link) return undefined;
      const response = await fetch(link.href);
      const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
      const namespace = 'http://a9.com/-/spec/opensearch/1.1/';
      const text = (name: string) => xml.getElementsByTagNameNS(namespace, name)[0]?.textContent ?? null;
      const urls = [...xml.getElementsByTagNameNS(namespace, 'Url')].map((url) => [url.getAttribute('type'), url.getAttribute('template')]);
      return {
        title: link.title,
        type: response.headers.get('content-type'),
        broken: xml.getElementsByTagName('parsererror').length > 0,
        root: xml.documentElement.localName,
        shortName: text('ShortName'),
        encoding: text('InputEncoding'),
        image: text('Image'),
        urls,
      };
    });
    expect(description).toEqual({
      title: 'Fixture Co Handbook',
      type: 'application/opensearchdescription+xml; charset=utf-8',
      broken: false,
      root: 'OpenSearchDescription',
      shortName: 'Fixture Co Hand…',
      encoding: 'UTF-8',
      image: 'https://handbook.fixture.example/favicon.svg',
      urls: [
        ['text/html', 'https://handbook.fixture.example/search/?q={searchTerms}'],
        ['application/opensearchdescription+xml', 'https://handbook.fixture.example/opensearch.xml'],
      ],
    });
    await page.close();
  });

  it('answers a search typed in the address bar with the search page and its results', async () => {
    const page = await site.browser.newPage();
    // What the browser does with the template: {searchTerms} filled in, on this server.
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('refund')}`);
    await expect.poll(() => page.locator('#search-query').inputValue()).toBe('refund');
    await expect.poll(() => page.getByRole('link', { name: 'Refunds' }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
