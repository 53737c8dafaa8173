/**
 * A real build of test/fixtures/site (built once by test/helpers/global-setup.ts), read page by
 * page as a reader's browser would get it.
 */
import type { PolicyText } from '../../src/features/handbook/policy-texts.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { toString as hastText } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { CALLOUT_ICON_PATHS } from '../../src/features/content/markdown/callout-icons.ts';
import { headingPlaces, type ResultCards } from '../../src/features/search/client-data.ts';
import { FIELD_BOOSTS } from '../../src/features/content/field-boosts.ts';
import { pageSections } from '../../src/features/search/page-text.ts';
import type { SearchBundle } from '../../src/features/search/search-index.ts';
import type { Manifest } from '../../src/features/handbook/server/manifest.ts';
import { FIXTURE_DIST } from '../helpers/fixture-site.ts';
import { pageExists, readPage } from '../helpers/html.ts';

const client = join(FIXTURE_DIST, 'client');
const page = (url: string) => readPage(client, url);
const hrefs = (built: ReturnType<typeof page>, selector: string) => built.all(selector).map((link) => String(link.properties.href));

describe('article page', () => {
  const refunds = page('/policies/refunds/');

  it('shows the title, the summary and the trust line', () => {
    expect(refunds.text('h1')).toBe('Refunds');
    expect(refunds.text('.summary')).toBe('Summary: Customers get a full refund within 30 days of purchase.');
    expect(refunds.all('.trust-line dt').map((term) => hastText(term))).toEqual(['Owner', 'Last reviewed', 'Next review']);
    expect(refunds.all('.trust-line dd').map((value) => hastText(value))).toEqual([
      'Billing Operations',
      '15 Jan 2020',
      '15 Jan 2021 (every 1 year)',
    ]);
    expect(refunds.html).toContain('<title>Refunds · Fixture Co Handbook</title>');
  });

  it('warns that the review is overdue, with the due date for the browser to recheck', () => {
    expect(refunds.attr('.trust-line', 'dataReviewDue')).toBe('2021-01-15');
    expect(refunds.attr('.trust-line', 'dataReviewState')).toBe('overdue');
    const warning = refunds.one('[data-review-warning]');
    expect(warning?.properties.hidden).toBeFalsy();
    expect(refunds.text('[data-review-warning]')).toContain('Check with Billing Operations before relying on it.');
  });

  it('has breadcrumbs, a table of contents and deep links to every heading', () => {
    expect(hrefs(refunds, '.breadcrumbs a')).toEqual(['/', '/policies/']);
    expect(hrefs(refunds, '.toc a')).toEqual(['#refund-window', '#refund-window-1']);
    expect(refunds.all('h2.heading').map((heading) => heading.properties.id)).toEqual(['refund-window', 'refund-window-1']);
    expect(hrefs(refunds, 'h2 .heading-link')).toEqual(['#refund-window', '#refund-window-1']);
    expect(refunds.text('#refund-window .sr-only')).toBe('Link to this section: Refund window');
  });

  it('turns links between files into site URLs and marks external links', () => {
    expect(hrefs(refunds, '.content a:not(.heading-link)')).toEqual([
      '/procedures/process-refund/#check-the-order',
      'https://www.example.org/guidance',
    ]);
    expect(refunds.attr('.content a.external', 'rel')).toBe('noopener noreferrer');
    expect(refunds.text('.content a.external')).toBe("regulator's guidance (external link)");
  });

  it('renders callouts, including the script to read to the customer', () => {
    expect(refunds.text('aside.callout-warning .callout-title')).toBe('Check identity first');
    expect(refunds.text('aside.callout-say .callout-title')).toBe('Say to the customer');
    expect(refunds.text('aside.callout-say')).toContain('"I\'ve refunded that for you;');
    expect(refunds.text('.content')).toContain('The office opens at 9:30 and ratio:abc stays as written.');
  });

  it('gives each callout a decorative icon drawn inline, with no style attribute', () => {
    for (const kind of ['warning', 'say'] as const) {
      const icon = refunds.one(`aside.callout-${kind} .callout-title > svg.callout-icon:first-child`);
      expect(icon?.properties.ariaHidden).toBe('true');
      expect(icon?.properties.viewBox).toBe('0 0 24 24');
      expect(refunds.attr(`aside.callout-${kind} .callout-icon path`, 'd')).toBe(CALLOUT_ICON_PATHS[kind]);
    }
    // Served under a Content-Security-Policy without 'unsafe-inline' for styles.
    expect(refunds.html).not.toMatch(/\sstyle=/);
  });

  it('serves the images it shows', () => {
    expect(refunds.attr('.content img', 'src')).toBe('/images/flow.svg');
    expect(existsSync(join(client, 'images/flow.svg'))).toBe(true);
  });

  it('links to the Git host, related pages and its own section only', () => {
    expect(refunds.attr('.edit-link', 'href')).toBe('https://git.example.com/fixture/handbook/edit/main/policies/refunds.md');
    expect(hrefs(refunds, '.related a')).toEqual(['/procedures/process-refund/', '/guides/tone-of-voice/']);
    expect(hrefs(refunds, '.section-nav a')).toEqual(['/', '/policies/', '/policies/refunds/']);
  });

  it('needs no JavaScript to read and stays small', () => {
    // The scripts are the header's account corner, the search, the box to acknowledge the
    // policy, and the article's highlighting and review state, all deferred modules; none is
    // inline (the Content-Security-Policy forbids it).
    const scripts = refunds.all('script[src]');
    expect(scripts.map((script) => script.properties.type)).toEqual(['module', 'module', 'module', 'module']);
    expect(scripts.map((script) => String(script.properties.src))).toEqual([
      expect.stringMatching(/^\/_astro\/AccountMenu\./),
      expect.stringMatching(/^\/_astro\/AcknowledgeBox\./),
      expect.stringMatching(/^\/_astro\/SearchDialog\./),
      expect.stringMatching(/^\/_astro\/ArticleLayout\./),
    ]);
    expect(refunds.all('script:not([src])')).toEqual([]);
    expect(refunds.one('a.skip-link')?.properties.href).toBe('#main');
    expect(refunds.all('header, main, footer, nav').length).toBeGreaterThanOrEqual(5);
    expect(refunds.bytes).toBeLessThan(40_000);
  });

  it('asks whether the page helped, in a form that works without JavaScript and stays out of the search', () => {
    const widget = refunds.one('section.page-feedback');
    expect(widget?.properties.dataPagefindIgnore).toBe('');
    expect(refunds.attr('form[data-feedback-vote]', 'action')).toBe('/feedback/');
    expect(refunds.attr('form[data-feedback-vote] input[name="page"]', 'value')).toBe('/policies/refunds/');
    expect(refunds.all('form[data-feedback-vote] button[name="helpful"]').map((button) => button.properties.value)).toEqual(['yes', 'no']);
    expect(refunds.text('#page-feedback-title')).toBe('Was this page helpful?');
  });

  it('asks for acknowledgement of the version in its front matter, filled in for signed-in people only', () => {
    const box = refunds.one('[data-acknowledge]');
    expect(box?.properties).toMatchObject({ hidden: true, dataPage: '/policies/refunds/', dataVersion: '1', dataNoun: 'policy' });
    expect(refunds.text('[data-acknowledge-button]')).toBe('I have read and understood this');
    expect(page('/guides/tone-of-voice/').all('[data-acknowledge]')).toEqual([]);
  });
});

describe('pages of other kinds', () => {
  it('renders MDX with the author components and resolved links', () => {
    const procedure = page('/procedures/process-refund/');
    expect(procedure.all('.steps ol li').length).toBe(2);
    expect(procedure.text('aside.callout-tip .callout-title')).toBe('Shortcut');
    // The <Callout> component draws the same icon as the Markdown directive.
    expect(procedure.attr('aside.callout-tip .callout-title > svg.callout-icon', 'ariaHidden')).toBe('true');
    expect(procedure.attr('aside.callout-tip .callout-icon path', 'fillRule')).toBe('evenodd');
    expect(procedure.attr('aside.callout-tip .callout-icon path', 'd')).toBe(CALLOUT_ICON_PATHS.tip);
    expect(hrefs(procedure, '.content a:not(.heading-link)')).toEqual(['/policies/refunds/#refund-window']);
  });

  it('derives title, summary, owner and type for a page without front matter', () => {
    const plain = page('/faq/plain-page/');
    expect(plain.text('h1')).toBe('Why was I charged twice?');
    expect(plain.all('h1').length).toBe(1);
    expect(plain.one('.summary')).toBeUndefined();
    expect(plain.attr('meta[name="description"]', 'content')).toBe(
      'A pending authorisation can look like a second charge; it disappears within five days.',
    );
    expect(plain.text('.trust-line dd')).toBe('Knowledge Team');
    expect(plain.text('.article-type')).toBe('FAQ');
  });

  it('leaves drafts out of the published site and its navigation', () => {
    expect(pageExists(client, '/faq/unpublished/')).toBe(false);
    expect(page('/faq/').html).not.toContain('/faq/unpublished/');
  });

  it('gives a folder without index.md a page that lists what it holds', () => {
    const guides = page('/guides/');
    expect(guides.text('h1')).toBe('Guides');
    expect(hrefs(guides, '.page-list a')).toEqual(['/guides/tone-of-voice/']);
  });

  it('lists a training module in lesson order and links the lessons together', () => {
    const module = page('/training/basics/');
    expect(hrefs(module, '.lesson-list a')).toEqual(['/training/basics/welcome/', '/training/basics/first-call/']);
    const lesson = page('/training/basics/first-call/');
    expect(lesson.text('.lesson-position')).toBe('Lesson 2 of 2 in Support basics');
    expect(hrefs(lesson, '.lesson-nav a[rel="prev"]')).toContain('/training/basics/welcome/');
  });

  it('puts search first on the home page, then sections and the root page content', () => {
    const home = page('/');
    expect(home.attr('form[role="search"]', 'action')).toBe('/search/');
    expect(home.one('form[role="search"] input[name="q"]')).toBeDefined();
    expect(hrefs(home, '.section-grid a')).toEqual(['/faq/', '/guides/', '/policies/', '/procedures/', '/training/']);
    expect(hrefs(home, '.home-intro a')).toEqual(['/policies/refunds/']);
  });
});

describe('build output for the server', () => {
  it('writes the content manifest the server reads', () => {
    const manifest = JSON.parse(readFileSync(join(FIXTURE_DIST, 'server/knowhow-manifest.json'), 'utf8')) as Manifest;
    const refunds = manifest.pages.find((entry) => entry.url === '/policies/refunds/');
    expect(refunds).toMatchObject({ file: 'policies/refunds.md', type: 'policy', reviewDue: '2021-01-15', aliases: ['money back'] });
    expect(manifest.pages.find((entry) => entry.url === '/faq/unpublished/')?.draft).toBe(true);
    expect(refunds).toMatchObject({ acknowledge: true, acknowledgeVersion: '1' });
    expect(manifest.pages.find((entry) => entry.url === '/guides/tone-of-voice/')).toMatchObject({ acknowledge: false });
  });

  it('writes the text of the pages to acknowledge, without their front matter, for the server only', () => {
    const texts = JSON.parse(readFileSync(join(FIXTURE_DIST, 'server/knowhow-policy-texts.json'), 'utf8')) as PolicyText[];
    expect(texts.map(({ url, file, version }) => ({ url, file, version }))).toEqual([
      { url: '/policies/refunds/', file: 'policies/refunds.md', version: '1' },
    ]);
    expect(texts[0]?.text).toMatch(/^Refunds follow \[the refund procedure\]/);
    expect(texts[0]?.text).not.toContain('reviewed:');
  });

  it('indexes for search exactly the text of the built pages, MDX pages included', () => {
    const bundle = JSON.parse(readFileSync(join(FIXTURE_DIST, 'server/search/en.json'), 'utf8')) as SearchBundle;
    const urls = bundle.documents.map((document) => document.url).sort();
    expect(urls).toEqual([
      '/faq/plain-page/',
      '/guides/tone-of-voice/',
      '/policies/',
      '/policies/refunds/',
      '/procedures/process-refund/',
      '/training/basics/',
      '/training/basics/first-call/',
      '/training/basics/welcome/',
    ]);
    for (const document of bundle.documents) {
      expect(document.sections, document.url).toEqual(pageSections(readFileSync(join(client, document.url, 'index.html'), 'utf8')));
    }
  });
});

describe('build output for the in-page search', () => {
  const pagefind = join(client, 'pagefind');
  /** Every page Pagefind indexed, from its fragment files (gzipped JSON after a signature). */
  const fragments = readdirSync(join(pagefind, 'fragment')).map(
    (file) =>
      JSON.parse(
        gunzipSync(readFileSync(join(pagefind, 'fragment', file)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as {
        url: string;
        content: string;
        meta: Record<string, string>;
        filters: Record<string, string[]>;
      },
  );
  const fragment = (url: string) => fragments.find((entry) => entry.url === url);

  it('indexes each published article once, in its own language', () => {
    const entry = JSON.parse(readFileSync(join(pagefind, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['de', 'en']);
    expect(entry.languages.de?.page_count).toBe(1);
    const urls = fragments.map((entry) => entry.url);
    expect(urls).toContain('/policies/refunds/');
    expect(urls).not.toContain('/faq/unpublished/');
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('indexes title, summary, aliases, headings and body, but no page chrome', () => {
    const refunds = fragment('/policies/refunds/');
    // The aliases and the file name are searched with the title, and come right after it.
    expect(refunds?.content).toMatch(
      /^Refunds\. money back\. policies refunds\. Customers get a full refund within 30 days of purchase\. /,
    );
    expect(refunds?.content).toContain('Refund window.');
    for (const chrome of ['Skip to content', 'On this page', 'Link to this section', 'Edit this page', 'Review overdue', 'Summary:'])
      expect(refunds?.content).not.toContain(chrome);
  });

  it('weighs title, aliases, file name, summary and headings as the server’s search does', () => {
    const built = page('/policies/refunds/');
    const weightOf = (selector: string) => built.one(selector)?.properties.dataPagefindWeight;
    expect(weightOf('article h1')).toBe(String(FIELD_BOOSTS.title));
    expect(weightOf('article .summary')).toBe(String(FIELD_BOOSTS.summary));
    expect(weightOf('article .content h2')).toBe(String(FIELD_BOOSTS.headings));
    const hidden = built.all('article header p[hidden]').map((element) => [hastText(element), element.properties.dataPagefindWeight]);
    expect(hidden).toEqual([
      ['money back', String(FIELD_BOOSTS.aliases)],
      ['policies refunds', String(FIELD_BOOSTS.name)],
    ]);
  });

  it('gives each page the metadata and filters its result shows', () => {
    const refunds = fragment('/policies/refunds/');
    expect(refunds?.meta).toMatchObject({
      title: 'Refunds',
      summary: 'Customers get a full refund within 30 days of purchase.',
      type: 'policy',
      section: 'Policies',
      reviewDue: '2021-01-15',
    });
    expect(refunds?.filters).toEqual({ type: ['policy'], section: ['Policies'], tag: ['billing', 'refunds'] });
  });

  it('writes the result card of every indexed page, by Pagefind id, in its language’s file', () => {
    const cards = (language: string) => JSON.parse(readFileSync(join(pagefind, `knowhow-cards-${language}.json`), 'utf8')) as ResultCards;
    const ids = readdirSync(join(pagefind, 'fragment')).map((file) => file.replace(/\.pf_fragment$/, ''));
    const english = cards('en');
    const german = cards('de');
    expect(Object.keys({ ...english, ...german }).sort()).toEqual(ids.sort());
    expect(Object.keys(german).every((id) => id.startsWith('de_'))).toBe(true);
    // Address, title, type, section, review due: what a listed result shows, not the page's text.
    const card = Object.values(english).find((entry) => entry[0] === '/policies/refunds/');
    expect(card?.slice(0, 5)).toEqual(['/policies/refunds/', 'Refunds', 'policy', 'Policies', '2021-01-15']);
    // Then where the title and the headings are in the page's indexed text, in words (for ranking).
    const words = fragment('/policies/refunds/')?.content.split(/\s+/) ?? [];
    const { titleEnd, headings } = headingPlaces(card?.[5] ?? []);
    expect(words.slice(0, titleEnd).join(' ')).toBe('Refunds. money back. policies refunds.');
    const headingTexts = headings.map(([start, end]) => words.slice(start, end).join(' '));
    expect(headingTexts.filter((text) => text === 'Refund window.')).toHaveLength(2);
  });

  it('has every page hint the search files of its language, each of them built', () => {
    for (const [url, lang] of [
      ['/policies/refunds/', 'en'],
      ['/faq/erstattung/', 'de'],
    ] as const) {
      const built = page(url);
      const hinted = [...hrefs(built, 'head link[rel="preload"]'), ...hrefs(built, 'head link[rel="modulepreload"]')];
      expect(hinted, url).toEqual(
        expect.arrayContaining([
          '/pagefind/pagefind.js',
          `/pagefind/wasm.${lang}.pagefind`,
          `/pagefind/knowhow-${lang}.json`,
          `/pagefind/knowhow-cards-${lang}.json`,
        ]),
      );
      for (const path of hinted) expect(existsSync(join(client, path)), path).toBe(true);
    }
  });

  it('writes the word lists the browser corrects typos with, and none of Pagefind’s own interfaces', () => {
    const words = JSON.parse(readFileSync(join(pagefind, 'knowhow-en.json'), 'utf8')) as {
      stopWords: string[];
      synonyms: string[][];
      vocabulary: [string, number][];
      phrases: string[];
    };
    // The site's synonyms (knowhow.yaml) first, then the built-in English ones.
    expect(words.synonyms[0]).toEqual(['refund', 'money back']);
    expect(words.synonyms).toContainEqual(expect.arrayContaining(['time off', 'pto']));
    // The synonyms' phrases that some page has: the refunds policy's alias, not the built-in "all hands".
    expect(words.phrases).toContain('money back');
    expect(words.phrases).not.toContain('all hands');
    expect(words.stopWords).toEqual(expect.arrayContaining(['the', 'a', 'how']));
    expect(words.stopWords).not.toContain('off');
    expect(words.vocabulary.map(([word]) => word)).toContain('authorisation');
    expect(existsSync(join(pagefind, 'knowhow-de.json'))).toBe(true);
    expect(existsSync(join(pagefind, 'pagefind-ui.js'))).toBe(false);
  });
});
