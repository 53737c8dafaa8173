/**
 * The manual (docs/) is a Knowhow handbook that also reads well on a Git host: it passes its own
 * check with no problem at all, builds as a site whose every link leads somewhere, and uses only
 * plain Markdown. README.md and ARCHITECTURE.md link into it with working relative links, and
 * every docs/... page that the code, the deploy files or the sample content names exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/features/handbook/load-site.ts';
import type { Manifest } from '../../src/features/handbook/server/manifest.ts';
import { DOCS_SETTINGS } from '../../cli/lib/docs-settings.ts';
import { buildSite } from '../helpers/build.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { pageExists, readPage } from '../helpers/html.ts';

const DOCS = join(PROJECT_ROOT, 'docs');
const QUIZZES = resolve(PROJECT_ROOT, DOCS_SETTINGS.KNOWHOW_QUIZZES_DIR);
const OUTPUT = join(PROJECT_ROOT, 'test/.output/docs');
const CLIENT = join(OUTPUT, 'dist/client');

const site = loadSite(DOCS, { quizzesDir: QUIZZES });
const markdownFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.split('\\').join('/'))
    .sort();

/** The Markdown outside fenced code blocks and inline code, where links and syntax count. */
function prose(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/^---\n[\s\S]*?\n---\n/, '');
}

function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] as string);
}

/** Heading anchors as GitHub makes them (and Knowhow, which uses the same slugger). */
function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const headings = [...prose(`\n${markdown}`).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((match) => match[1] as string);
  return new Set(headings.map((heading) => slugger.slug(heading.replace(/[`*_]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))));
}

/** Relative links of a Markdown file outside docs/, as a Git host resolves them. */
function brokenRelativeLinks(file: string): string[] {
  const markdown = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  return links(markdown)
    .filter((href) => !/^[a-z][a-z\d+.-]*:/i.test(href))
    .filter((href) => {
      const [path = '', anchor] = href.split('#');
      const target = path ? resolve(dirname(join(PROJECT_ROOT, file)), decodeURIComponent(path)) : join(PROJECT_ROOT, file);
      if (!existsSync(target)) return true;
      if (anchor === undefined || !target.endsWith('.md')) return false;
      return !anchors(readFileSync(target, 'utf8')).has(anchor);
    });
}

describe('the manual as a content folder', () => {
  it('passes npm run check:docs with no errors and no warnings', () => {
    const result = spawnSync(process.execPath, ['cli/docs.ts', 'check'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(result.stdout).toMatch(/Checked \d+ pages in .*docs and 0 quizzes in /);
    expect(result.stdout).toContain('0 errors, 0 warnings');
    expect(result.status).toBe(0);
  });

  it('has no problems, strict on, and every page owned and reviewed', () => {
    expect(site.problems).toEqual([]);
    expect(site.settings.strict).toBe(true);
    const owners = new Set(Object.values(site.settings.owners));
    for (const page of site.pages) {
      expect(owners.has(page.owner ?? ''), `${page.file}: owner ${page.owner}`).toBe(true);
      expect(page.reviewedFrom, page.file).toBe('front-matter');
      expect(page.draft, page.file).toBe(false);
    }
  });

  it('reads well as plain Markdown on a Git host', () => {
    for (const file of markdownFiles(DOCS)) {
      const markdown = readFileSync(join(DOCS, file), 'utf8');
      expect(file, 'plain .md, no MDX').toMatch(/\.md$/);
      // A Git host shows the title only when the page has one as a heading.
      expect(markdown.replace(/^---\n[\s\S]*?\n---\n\s*/, ''), `${file}: starts with a # title`).toMatch(/^# \S/);
      const text = prose(markdown);
      expect(text, `${file}: a callout's ::: lines show as typed on a Git host`).not.toMatch(/^:::/m);
      expect(text, `${file}: MDX components show as typed on a Git host`).not.toMatch(/<(Callout|Steps)\b/);
      // Where code lives is ARCHITECTURE.md's business; files move, and readers need none of them.
      expect(markdown, `${file}: names a source file`).not.toMatch(/(?<![\w.-])src\//);
      for (const href of links(markdown)) {
        // Site addresses (/guides/...) work on the site only; files work in both places.
        expect(href.startsWith('/'), `${file}: link ${href}`).toBe(false);
      }
    }
  });
});

describe('links into the manual', () => {
  it.each(['README.md', 'ARCHITECTURE.md', 'quizzes/README.md'])('%s has no broken relative link', (file) => {
    expect(brokenRelativeLinks(file)).toEqual([]);
  });

  it('keeps the README short, with the test command CI runs', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThan(200);
    expect(readme).toContain('`npm test`');
    expect(links(readme)).toContain('docs/index.md');
  });

  it('names only manual pages that exist, in the code, the deploy files and the sample content', () => {
    const folders = ['src', 'cli', 'deploy', 'content', 'quizzes', '.ci'];
    const named = new Set<string>();
    for (const folder of folders) {
      for (const file of readdirSync(join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })) {
        const path = join(PROJECT_ROOT, folder, file);
        if (!/\.(ts|mjs|astro|md|yaml|service|example)$|^run$/.test(file.split('/').at(-1) ?? '')) continue;
        for (const match of readFileSync(path, 'utf8').matchAll(/(?<![\w/.-])docs\/[\w./-]+?\.md\b/g)) named.add(match[0]);
      }
    }
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((page) => !existsSync(join(PROJECT_ROOT, page)))).toEqual([]);
  });
});

describe('the manual built as a Knowhow site', () => {
  let manifest: Manifest;
  let buildOutput = '';

  beforeAll(() => {
    const result = buildSite(DOCS, OUTPUT, { quizzesDir: QUIZZES });
    buildOutput = result.output;
    if (result.status !== 0) throw new Error(`docs/ did not build:\n${result.output}`);
    manifest = JSON.parse(readFileSync(join(OUTPUT, 'dist/server/knowhow-manifest.json'), 'utf8')) as Manifest;
  });

  it('builds every page, with no demo people and no quizzes', () => {
    expect(buildOutput).toContain(`${site.pages.length} pages, 0 quizzes`);
    expect(manifest.sampleContent).toBe(false);
    expect(manifest.settings.site.name).toBe('Knowhow manual');
    expect(manifest.pages.map((page) => page.url).sort()).toEqual(site.pages.map((page) => page.url).sort());
    for (const page of site.pages) expect(pageExists(CLIENT, page.url), page.url).toBe(true);
    expect(existsSync(join(CLIENT, 'images/sample-site.png'))).toBe(true);
  });

  it('links every page only to pages, headings and files that were built', () => {
    const broken: string[] = [];
    for (const { url } of manifest.pages) {
      const page = readPage(CLIENT, url);
      const targets = [
        ...page.all('.content a[href]').map((link) => String(link.properties.href)),
        ...page.all('.content img[src]').map((image) => String(image.properties.src)),
      ];
      for (const target of targets) {
        if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const targetUrl = path || url;
        if (!targetUrl.startsWith('/')) {
          broken.push(`${url}: ${target} is not a site address`);
          continue;
        }
        const file = join(CLIENT, decodeURIComponent(targetUrl));
        if (!pageExists(CLIENT, targetUrl) && !existsSync(file)) {
          broken.push(`${url}: ${target}`);
          continue;
        }
        if (anchor && !readPage(CLIENT, targetUrl).one(`[id="${decodeURIComponent(anchor)}"]`)) broken.push(`${url}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
