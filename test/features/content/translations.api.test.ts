/**
 * The sample handbook's translations, built and served: addresses under each language, the
 * language switcher and hreflang alternates, the html language, and the server's search in each
 * language, Polish inflections included.
 */
import { describe, expect, it } from 'vitest';
import { sqlite } from '../../helpers/databases.ts';
import { SAMPLE_DIST } from '../../helpers/fixture-site.ts';
import { PEOPLE, signIn } from '../../helpers/people.ts';
import { useServedSite } from '../../helpers/served-site.ts';

describe('the sample handbook in five languages', () => {
  const site = useServedSite(sqlite, SAMPLE_DIST);

  const html = async (path: string) => {
    const response = await fetch(`${site.server.url}${path}`);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  it('serves each translation under its language, in that language, with links to the others', async () => {
    const german = await html('/de/policies/refunds-and-returns/');
    expect(german).toMatch(/^<!doctype html>\s*<html lang="de">/i);
    expect(german).toContain('<h1 data-pagefind-weight');
    // Absolute, on the handbook's public address (site.url): search engines take no other.
    for (const [lang, path] of [
      ['en', '/policies/refunds-and-returns/'],
      ['fi', '/fi/policies/refunds-and-returns/'],
      ['pl', '/pl/policies/refunds-and-returns/'],
      ['sv', '/sv/policies/refunds-and-returns/'],
    ])
      expect(german).toContain(`<link rel="alternate" hreflang="${lang}" href="https://kb.kestrel-connect.example${path}">`);
    expect(german).toMatch(
      /<nav class="language-switcher"[^>]*>.*<span class="language-current" lang="de" aria-current="page">Deutsch<\/span>/s,
    );
    expect(german).toContain('<a href="/pl/policies/refunds-and-returns/" hreflang="pl" lang="pl">Polski</a>');
    const english = await html('/policies/refunds-and-returns/');
    expect(english).toContain('<a href="/sv/policies/refunds-and-returns/" hreflang="sv" lang="sv">Svenska</a>');
    // A page without translations has no switcher.
    expect(await html('/policies/vulnerable-customers/')).not.toContain('language-switcher');
  });

  it('leads the navigation of a translation to the other pages in its language, where they are translated', async () => {
    const nav = (page: string) => /<nav class="section-nav".*?<\/nav>/s.exec(page)?.[0] ?? '';
    const german = nav(await html('/de/policies/refunds-and-returns/'));
    expect(german).toContain('<a href="/de/policies/refunds-and-returns/" aria-current="page">');
    expect(german).toMatch(/<a href="\/de\/policies\/complaint-handling\/">Beschwerde/);
    expect(german).toContain('<a href="/policies/vulnerable-customers/">Vulnerable customers</a>');
    // A translated module page shows the module's lessons, in its language.
    const module = nav(await html('/de/training/handling-complaints/'));
    expect(module).toContain('<a href="/de/training/handling-complaints/recognising-a-complaint/">');
    expect(nav(await html('/policies/refunds-and-returns/'))).toContain('<a href="/policies/complaint-handling/">');
  });

  it('tells the reader, in their language, when the original changed after the translation was made', async () => {
    const stale = await html('/de/policies/goodwill-credits/');
    expect(stale).toMatch(
      /<p class="translation-warning" role="note"[^>]*>Diese Übersetzung ist möglicherweise nicht mehr aktuell: Das Original \(Englisch\) wurde (am .+ geändert|seitdem geändert)\. <a href="\/policies\/goodwill-credits\/" hreflang="en">Original lesen<\/a>/,
    );
    expect(await html('/pl/policies/goodwill-credits/')).toContain('To tłumaczenie może być nieaktualne');
    expect(await html('/de/policies/refunds-and-returns/')).not.toContain('translation-warning');
  });

  it("counts acknowledging a current translation for the original's version", async () => {
    const german = await html('/de/policies/identity-verification/');
    expect(german).toMatch(
      /<section class="acknowledge-box"[^>]* data-page="\/policies\/identity-verification\/" data-version="3"[^>]* data-translation="\/de\/policies\/identity-verification\/"/,
    );
    expect(german).not.toContain('data-stale-translation');
    const cookie = await signIn(site.server.url, PEOPLE.member.email);
    const call = (path: string, body?: unknown) =>
      fetch(`${site.server.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { Cookie: cookie, Origin: site.server.url, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const owed = async () =>
      ((await (await call('/api/me/acknowledgements')).json()) as { due: { page: string }[] }).due.map((due) => due.page);
    expect(await owed()).toContain('/policies/identity-verification/');
    const response = await call('/api/acknowledgements', { page: '/de/policies/identity-verification/', version: '3' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ page: '/policies/identity-verification/', version: '3', readIn: 'de' });
    expect(await owed()).not.toContain('/policies/identity-verification/');
  });

  it('answers an address under a language that has no page with "page not found" in that language', async () => {
    for (const [path, lang, title] of [
      ['/de/policies/no-such-policy/', 'de', 'Seite nicht gefunden'],
      ['/pl/nie-ma/', 'pl', 'Nie znaleziono strony'],
      ['/no-such-page/', 'en', 'Page not found'],
    ]) {
      const response = await fetch(`${site.server.url}${path}`);
      expect(response.status, path).toBe(404);
      const page = await response.text();
      expect(page, path).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${lang}">`, 'i'));
      expect(page, path).toContain(`<h1>${title}</h1>`);
    }
  });

  it('lists each policy once in its section, in the original language', async () => {
    const policies = await html('/policies/');
    expect(policies.match(/href="\/policies\/refunds-and-returns\/"/g)?.length).toBeGreaterThan(0);
    expect(policies).not.toContain('href="/de/policies/refunds-and-returns/"');
  });

  it('searches each language with its own stemming, Polish inflections included', async () => {
    const search = async (q: string, lang: string) => {
      const response = await fetch(`${site.server.url}/api/search?${new URLSearchParams({ q, lang })}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { results: { url: string }[] }).results.map((result) => result.url);
    };
    expect((await search('Rückerstattung Router zurückschicken', 'de'))[0]).toBe('/de/policies/refunds-and-returns/');
    // "reklamacją" and "reklamacji" are not the forms in the Polish page's title.
    expect((await search('jak obsłużyć reklamacją', 'pl')).slice(0, 3)).toContain('/pl/policies/complaint-handling/');
    expect((await search('termin reklamacji', 'pl')).slice(0, 3)).toContain('/pl/policies/complaint-handling/');
    expect((await search('valitus', 'fi')).slice(0, 3)).toContain('/fi/policies/complaint-handling/');
    expect((await search('klagomål', 'sv')).slice(0, 3)).toContain('/sv/policies/complaint-handling/');
    expect((await search('refund', 'en')).every((url) => !/^\/(de|pl|fi|sv)\//.test(url))).toBe(true);
  });

  it('searches every language with lang=all, each result marked with its language', async () => {
    const search = async (q: string, lang = 'all', headers: Record<string, string> = {}) => {
      const response = await fetch(`${site.server.url}/api/search?${new URLSearchParams({ q, lang, limit: '50' })}`, { headers });
      expect(response.status).toBe(200);
      return ((await response.json()) as { results: { url: string; lang: string; score: number }[] }).results;
    };
    // Each language's words, each found in its own index with its own stemming.
    const mixed = await search('Rückerstattung reklamacji valitus klagomål refund');
    expect(new Set(mixed.map((result) => result.lang))).toEqual(new Set(['en', 'de', 'pl', 'fi', 'sv']));
    for (const { url, lang } of mixed) expect(url.match(/^\/(de|pl|fi|sv)\//)?.[1] ?? 'en', url).toBe(lang);
    // Best first; scores within 2% of each other count as equal, the reader's language first.
    for (const [index, result] of mixed.entries())
      for (const later of mixed.slice(index + 1)) expect(later.score).toBeLessThanOrEqual(result.score / 0.98 + 1e-9);
    // A Polish inflection the page does not use, among every language's pages.
    const polish = await search('termin reklamacji');
    expect(polish.slice(0, 3).map((result) => result.url)).toContain('/pl/policies/complaint-handling/');
    // One language: only its pages, marked too.
    const german = await search('Rückerstattung', 'de');
    expect(german.length).toBeGreaterThan(0);
    expect(german.every((result) => result.lang === 'de')).toBe(true);
  });

  it('puts the caller’s own language first among equally good results in every language', async () => {
    // "RFD" (a refund's reference) is in each translation of the refund procedure alike.
    const order = async (cookie?: string) => {
      const response = await fetch(`${site.server.url}/api/search?q=RFD&lang=all&limit=50`, { headers: cookie ? { Cookie: cookie } : {} });
      return ((await response.json()) as { results: { url: string }[] }).results
        .map((result) => result.url)
        .filter((url) => url.endsWith('/procedures/processing-a-refund/') && url !== '/procedures/processing-a-refund/');
    };
    // Anonymous: the handbook's language (English) has no tie here; the others in their order.
    expect(await order()).toEqual([
      '/de/procedures/processing-a-refund/',
      '/fi/procedures/processing-a-refund/',
      '/sv/procedures/processing-a-refund/',
      '/pl/procedures/processing-a-refund/',
    ]);
    const cookie = await signIn(site.server.url, PEOPLE.member.email);
    const chosen = await fetch(`${site.server.url}/account/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: site.server.url, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'language', language: 'pl' }).toString(),
    });
    expect(chosen.status).toBe(303);
    expect((await order(cookie))[0]).toBe('/pl/procedures/processing-a-refund/');
  });

  it('marks each result with its language on the results page when all languages are searched', async () => {
    const page = await html('/search/?q=Rückerstattung+refund&lang=all');
    expect(page).toContain('<input type="checkbox" name="lang" value="all" checked');
    expect(page).toMatch(
      /<span class="badge badge-lang"><span aria-hidden="true" title="Deutsch">DE<\/span><span class="sr-only" lang="de">Deutsch<\/span><\/span>/,
    );
    expect(page).toMatch(/<a class="search-result-title" lang="de" href="\/de\//);
    expect(page).toContain('href="/policies/refunds-and-returns/');
    // One language, by its code: no badges.
    const german = await html('/search/?q=Rückerstattung&lang=de');
    expect(german).toContain('href="/de/policies/refunds-and-returns/');
    expect(german).not.toContain('badge-lang');
  });
});
