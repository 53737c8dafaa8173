/**
 * The handbook for machines, as the build writes it: every page's clean Markdown copy
 * (<page>/index.html.md), /llms.txt and /llms-full.txt (llmstxt.org), /opensearch.xml and the
 * links to it; and the absolute addresses on the handbook's public address (site.url) in the
 * pages' heads. The fixture site (test/fixtures/site, one MDX page) and the sample content
 * (content/, translated into four languages).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/features/handbook/server/manifest.ts';
import { FIXTURE_DIST, SAMPLE_DIST } from '../helpers/fixture-site.ts';
import { readPage } from '../helpers/html.ts';

const FIXTURE_URL = 'https://handbook.fixture.example';
const SAMPLE_URL = 'https://kb.kestrel-connect.example';

const clientOf = (dist: string) => join(dist, 'client');
const manifestOf = (dist: string) => JSON.parse(readFileSync(join(dist, 'server/knowhow-manifest.json'), 'utf8')) as Manifest;
const copyOf = (dist: string, url: string) => readFileSync(join(clientOf(dist), url, 'index.html.md'), 'utf8');

/** The targets of a Markdown text's inline links and images, and of its reference definitions. */
function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const inline = [...withoutCode.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)].map((match) => match[1] as string);
  const definitions = [...withoutCode.matchAll(/^\s*\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1] as string);
  return [...inline, ...definitions];
}

/** The copy's body: what follows the heading, the summary and the facts block. */
function bodyOf(copy: string): string {
  const lines = copy.split('\n');
  let index = 1;
  while (index < lines.length && (lines[index] === '' || /^(> |- [A-Z][a-z ]+: )/.test(lines[index] as string))) index += 1;
  return lines.slice(index).join('\n');
}

for (const [name, dist, publicUrl] of [
  ['the fixture site', FIXTURE_DIST, FIXTURE_URL],
  ['the sample content', SAMPLE_DIST, SAMPLE_URL],
] as const) {
  describe(`Markdown copies of ${name}`, () => {
    const manifest = manifestOf(dist);
    const published = manifest.pages.filter((page) => !page.draft);

    it('exist for every published page, titled, without front matter, with the page facts', () => {
      expect(published.length).toBeGreaterThan(5);
      for (const page of published) {
        const copy = copyOf(dist, page.url);
        expect(copy.split('\n')[0], page.url).toBe(`# ${page.title}`);
        expect(copy, page.url).not.toMatch(/^(title|owner|reviewed|tags|summary):/m);
        expect(copy, page.url).toContain(`- Address: ${publicUrl}${page.url}\n`);
        expect(copy, page.url).toContain(`- Type: ${page.type}\n`);
        if (page.owner) expect(copy, page.url).toContain(`- Owner: ${page.owner}\n`);
        if (page.reviewDue) expect(copy, page.url).toContain(`- Review due: ${page.reviewDue}\n`);
        // One level-1 heading: the page's own lead heading is not repeated.
        expect(copy.match(/^# /gm), page.url).toHaveLength(1);
      }
    });

    it('link only to absolute addresses, and to other pages at their HTML addresses', () => {
      const problems: string[] = [];
      for (const page of published) {
        const copy = copyOf(dist, page.url);
        for (const target of linkTargets(copy)) {
          if (!/^(https?:|mailto:|tel:)/.test(target)) problems.push(`${page.url}: ${target} is not absolute`);
        }
        for (const target of linkTargets(bodyOf(copy))) {
          if (/\.mdx?(#|$)/.test(target)) problems.push(`${page.url}: ${target} is a Markdown file`);
          if (!target.startsWith(publicUrl)) continue;
          const path = decodeURIComponent(new URL(target).pathname);
          if (!existsSync(join(clientOf(dist), path))) problems.push(`${page.url}: ${target} is not on the site`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('leave no MDX or directive syntax behind', () => {
      for (const page of published) {
        const body = bodyOf(copyOf(dist, page.url)).replace(/```[\s\S]*?```/g, '');
        expect(body, page.url).not.toMatch(/^:::/m);
        expect(body, page.url).not.toMatch(/^(import|export) /m);
        expect(body, page.url).not.toMatch(/<[A-Z][A-Za-z]*[\s>/]/);
      }
    });

    it('are in llms.txt: an H1, a summary, sections of pages linking to every copy', () => {
      const text = readFileSync(join(clientOf(dist), 'llms.txt'), 'utf8');
      const lines = text.split('\n');
      expect(lines[0]).toBe(`# ${manifest.settings.site.name}`);
      expect(lines[1]).toBe('');
      expect(lines[2]).toMatch(/^> \S/);
      // Nothing but paragraphs, H2 sections and their lists follow (llmstxt.org).
      expect(lines.slice(3).filter((line) => line.startsWith('# '))).toEqual([]);
      const sections = lines.filter((line) => line.startsWith('## '));
      expect(sections.length).toBeGreaterThan(1);
      const items = lines.filter((line) => line.startsWith('- '));
      const linked = items.map((line) => {
        const match = /^- \[(.+?)\]\((\S+)\)(: .+)?$/.exec(line);
        expect(match, line).not.toBeNull();
        return match?.[2] as string;
      });
      for (const url of linked) {
        expect(url.startsWith(`${publicUrl}/`), url).toBe(true);
        expect(url.endsWith('/index.html.md'), url).toBe(true);
        expect(existsSync(join(clientOf(dist), decodeURIComponent(new URL(url).pathname))), url).toBe(true);
      }
      // Every published page once.
      expect(new Set(linked).size).toBe(linked.length);
      expect(linked.map((url) => decodeURIComponent(new URL(url).pathname)).sort()).toEqual(
        published.map((page) => `${page.url}index.html.md`).sort(),
      );
    });

    it('are all in llms-full.txt, under its one H1', () => {
      const text = readFileSync(join(clientOf(dist), 'llms-full.txt'), 'utf8');
      expect(text.match(/^# /gm)).toHaveLength(1);
      for (const page of published) expect(text).toContain(`## ${page.title}\n`);
    });

    it('are written for machines only: no built page or Pagefind index holds them', () => {
      const files = (dir: string): string[] =>
        readdirSync(dir).flatMap((entry) => {
          const path = join(dir, entry);
          return statSync(path).isDirectory() ? files(path) : [relative(clientOf(dist), path)];
        });
      const copies = files(clientOf(dist)).filter((file) => file.endsWith('.md'));
      expect(copies.every((file) => file.endsWith('index.html.md'))).toBe(true);
      expect(copies).toHaveLength(published.length);
    });

    it('are linked from every page, and the OpenSearch description too', () => {
      for (const page of published) {
        const built = readPage(clientOf(dist), page.url);
        expect(built.attr('link[rel="alternate"][type="text/markdown"]', 'href'), page.url).toBe(`${publicUrl}${page.url}index.html.md`);
        expect(built.attr('link[rel="search"]', 'type')).toBe('application/opensearchdescription+xml');
        expect(built.attr('link[rel="search"]', 'href')).toBe('/opensearch.xml');
        expect(built.attr('link[rel="search"]', 'title')).toBe(manifest.settings.site.name);
      }
    });

    it('has canonical addresses, absolute, on the public address', () => {
      for (const page of published) {
        expect(readPage(clientOf(dist), page.url).attr('link[rel="canonical"]', 'href'), page.url).toBe(`${publicUrl}${page.url}`);
      }
    });

    it('describes its search for browsers (OpenSearch 1.1)', () => {
      const xml = readFileSync(join(clientOf(dist), 'opensearch.xml'), 'utf8');
      expect(
        xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">'),
      ).toBe(true);
      expect(xml).toContain('<InputEncoding>UTF-8</InputEncoding>');
      expect(xml).toContain(`<Url type="text/html" method="get" template="${publicUrl}/search/?q={searchTerms}"/>`);
      expect(xml).toContain(`<Image height="16" width="16" type="image/svg+xml">${publicUrl}/favicon.svg</Image>`);
      const shortName = /<ShortName>(.*)<\/ShortName>/.exec(xml)?.[1] ?? '';
      expect(shortName.length).toBeGreaterThan(0);
      expect([...shortName].length).toBeLessThanOrEqual(16);
    });
  });
}

describe('a translated page', () => {
  const page = readPage(clientOf(SAMPLE_DIST), '/policies/refunds-and-returns/');
  const german = readPage(clientOf(SAMPLE_DIST), '/de/policies/refunds-and-returns/');

  it('names every language of it with an absolute address (hreflang), itself included', () => {
    const alternates = (built: typeof page) =>
      built.all('link[rel="alternate"][hreflang]').map((link) => [link.properties.hrefLang, link.properties.href]);
    const expected = [
      ['en', `${SAMPLE_URL}/policies/refunds-and-returns/`],
      ['de', `${SAMPLE_URL}/de/policies/refunds-and-returns/`],
      ['fi', `${SAMPLE_URL}/fi/policies/refunds-and-returns/`],
      ['pl', `${SAMPLE_URL}/pl/policies/refunds-and-returns/`],
      ['sv', `${SAMPLE_URL}/sv/policies/refunds-and-returns/`],
    ];
    const sorted = (list: unknown[][]) => [...list].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(sorted(alternates(page))).toEqual(sorted(expected));
    expect(sorted(alternates(german))).toEqual(sorted(expected));
    expect(page.attr('link[rel="canonical"]', 'href')).toBe(`${SAMPLE_URL}/policies/refunds-and-returns/`);
    expect(german.attr('link[rel="canonical"]', 'href')).toBe(`${SAMPLE_URL}/de/policies/refunds-and-returns/`);
  });

  it('has a Markdown copy in its language that names the others', () => {
    const copy = copyOf(SAMPLE_DIST, '/de/policies/refunds-and-returns/');
    expect(copy).toContain('- Language: de\n');
    expect(copy).toContain(`[en](${SAMPLE_URL}/policies/refunds-and-returns/index.html.md)`);
    const llms = readFileSync(join(clientOf(SAMPLE_DIST), 'llms.txt'), 'utf8');
    expect(llms).toContain('## Translations: Deutsch (de)');
    expect(llms).toContain(`(${SAMPLE_URL}/de/policies/refunds-and-returns/index.html.md)`);
  });
});

describe('the Markdown copy of a page', () => {
  it('turns callouts into block quotes with their title, and file links into page addresses', () => {
    const copy = copyOf(FIXTURE_DIST, '/policies/refunds/');
    expect(copy).toContain(`[the refund procedure](${FIXTURE_URL}/procedures/process-refund/#check-the-order)`);
    expect(copy).toContain("[regulator's guidance](https://www.example.org/guidance)");
    expect(copy).toContain('> **Check identity first**\n>\n> Verify the caller before any refund.');
    expect(copy).toContain('> **Say to the customer**\n>\n> "I\'ve refunded that for you;');
    expect(copy).toContain(`![Refund flow](${FIXTURE_URL}/images/flow.svg)`);
    expect(copy).toContain('The office opens at 9:30 and ratio:abc stays as written.');
  });

  it("of an MDX page keeps its components' content and drops their tags", () => {
    const copy = copyOf(FIXTURE_DIST, '/procedures/process-refund/');
    expect(copy).toContain(`Read the [refund policy](${FIXTURE_URL}/policies/refunds/#refund-window) first.`);
    expect(copy).toContain('1. Open the order.\n2. Check the payment date.');
    expect(copy).toContain('> **Shortcut**\n>\n> Press R to open the refund form.');
    expect(copy).not.toContain('<Steps>');
  });
});
