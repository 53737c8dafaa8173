/**
 * The import rules of ARCHITECTURE.md hold for the whole source (as the authorization matrix
 * holds access), and each rule is shown to catch what it forbids on a small made-up tree.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSources } from '../cli/check-imports.ts';
import { checkImports, FEATURE_ORDER, type SourceFile } from '../cli/lib/import-rules.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the source', () => {
  const sources = readSources(root);

  it('follows every import rule', () => {
    expect(checkImports(sources).map((problem) => `${problem.path}:${problem.line} ${problem.message}`)).toEqual([]);
  });

  it('puts every feature folder in the order of features, and only those', () => {
    const folders = readdirSync(new URL('../src/features/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual([...FEATURE_ORDER].sort());
  });

  it('reads the imports of Astro components, their <script>s as browser code', () => {
    const menu = sources.find((file) => file.path === 'src/features/site/components/AccountMenu.astro');
    expect(menu?.imports.some((entry) => !entry.browser && entry.target.startsWith('src/features/accounts/'))).toBe(true);
    expect(menu?.imports.some((entry) => entry.browser && entry.target === 'src/features/accounts/browser/menu.ts')).toBe(true);
  });
});

/**
 * A made-up tree: each file with the files it imports (`type:` marks a type-only import, `script:`
 * one from a <script>). An index.ts, server.ts or browser.ts it names only as a target is an
 * entry (a file that only re-exports).
 */
function tree(files: Record<string, string[]>): SourceFile[] {
  const entries = Object.values(files)
    .flat()
    .map((target) => target.replace(/^(type|script):/, ''))
    .filter((target) => /^src\/features\/[^/]+\/(?:index|server|browser)\.ts$/.test(target) && !(target in files));
  return [
    ...Object.entries(files).map(([path, imports]) => ({
      path,
      reexportsOnly: /\/(?:index|server|browser)\.ts$/.test(path),
      imports: imports.map((target, index) => ({
        target: target.replace(/^(type|script):/, ''),
        typeOnly: target.startsWith('type:'),
        browser: target.startsWith('script:'),
        line: index + 1,
      })),
    })),
    ...[...new Set(entries)].map((path) => ({ path, reexportsOnly: true, imports: [] })),
  ];
}

function problems(files: Record<string, string[]>): string[] {
  return checkImports(tree(files)).map((problem) => `${problem.path}:${problem.line} ${problem.message}`);
}

describe('the import rules', () => {
  it('let a feature use the kit and an earlier feature through its entries', () => {
    expect(
      problems({
        'src/features/training/grading.ts': ['src/kit/calendar.ts', 'src/features/content/index.ts', 'astro/zod'],
        'src/features/training/server/attempts.ts': [
          'src/features/accounts/server.ts',
          'type:src/server/app.ts',
          'src/features/training/grading.ts',
        ],
        'src/pages/quiz/index.astro': [
          'src/features/training/server.ts',
          'src/features/site/layouts/Base.astro',
          'script:src/features/training/browser/progress.ts',
        ],
      }),
    ).toEqual([]);
  });

  it('keep the kit free of features, the server and the build', () => {
    expect(problems({ 'src/kit/server/errors.ts': ['src/features/accounts/index.ts', 'src/server/app.ts'] })).toEqual([
      'src/kit/server/errors.ts:1 the kit imports src/features/accounts/index.ts: the kit knows no feature, server or build',
      'src/kit/server/errors.ts:2 the kit imports src/server/app.ts: the kit knows no feature, server or build',
    ]);
  });

  it('refuse a feature that imports a later feature, or another feature from inside', () => {
    expect(
      problems({ 'src/features/content/links.ts': ['src/features/training/index.ts', 'src/features/languages/language-names.ts'] }),
    ).toEqual([
      `src/features/content/links.ts:1 content imports training, which comes after it (${FEATURE_ORDER.join(' < ')})`,
      'src/features/content/links.ts:2 imports src/features/languages/language-names.ts from inside the languages feature: import one of its entries (index.ts, server.ts, ...)',
    ]);
  });

  it('refuse a feature that imports its own entry, the server (other than the app context’s type) or the build', () => {
    expect(
      problems({
        'src/features/search/query.ts': [
          'src/features/search/index.ts',
          'src/server/app.ts',
          'type:src/server/http/site-handler.ts',
          'src/build/knowhow.ts',
        ],
      }),
    ).toEqual([
      "src/features/search/query.ts:1 imports its own feature's entry src/features/search/index.ts: import the module itself",
      'src/features/search/query.ts:2 a feature imports src/server/app.ts: features import the kit and features before them only',
      'src/features/search/query.ts:3 a feature imports src/server/http/site-handler.ts: features import the kit and features before them only',
      'src/features/search/query.ts:4 a feature imports src/build/knowhow.ts: features import the kit and features before them only',
    ]);
  });

  it('take as entries only the files at the top of a feature that do nothing but re-export', () => {
    const files = tree({ 'src/pages/search.astro': ['src/features/search/query.ts', 'src/features/search/loader.ts'] });
    const withLoader = [
      ...files,
      { path: 'src/features/search/loader.ts', reexportsOnly: true, imports: [] },
      { path: 'src/features/search/query.ts', reexportsOnly: false, imports: [] },
    ];
    expect(checkImports(withLoader).map((problem) => `${problem.path}:${problem.line} ${problem.message}`)).toEqual([
      'src/pages/search.astro:1 imports src/features/search/query.ts from inside the search feature: import one of its entries (index.ts, server.ts, ...)',
    ]);
  });

  it('refuse pages that reach into a feature or the database', () => {
    expect(
      problems({ 'src/pages/reviews/index.astro': ['src/features/reviews/server/reviews.ts', 'src/kit/server/db/connect.ts'] }),
    ).toEqual([
      'src/pages/reviews/index.astro:1 imports src/features/reviews/server/reviews.ts from inside the reviews feature: import one of its entries (index.ts, server.ts, ...)',
      "src/pages/reviews/index.astro:2 a route imports the database layer src/kit/server/db/connect.ts: call the feature's service",
    ]);
  });

  it('keep server code out of the browser', () => {
    expect(
      problems({
        'src/features/search/browser/engine.ts': ['src/features/search/server/search-service.ts'],
        'src/features/site/components/SearchBox.astro': ['script:src/kit/server/env.ts'],
      }),
    ).toEqual([
      'src/features/search/browser/engine.ts:1 browser code imports server-only src/features/search/server/search-service.ts',
      'src/features/site/components/SearchBox.astro:1 browser code imports server-only src/kit/server/env.ts',
    ]);
  });

  it('keep Node modules and packages out of the browser, however far down they are loaded', () => {
    expect(
      problems({
        'src/features/search/browser/results.ts': [
          'src/features/content/index.ts',
          'src/features/content/browser.ts',
          'type:src/features/content/index.ts',
        ],
        'src/features/search/browser/engine.ts': ['src/features/search/query.ts', 'lunr-languages/lunr.pl.js'],
        'src/features/search/query.ts': ['unified'],
        'src/features/content/browser.ts': ['src/features/content/review.ts', 'src/features/content/scan.ts'],
        'src/features/content/review.ts': [],
        'src/features/content/scan.ts': ['node:fs'],
      }),
    ).toEqual([
      "src/features/search/browser/results.ts:1 browser code imports src/features/content/index.ts: import the content feature's browser.ts",
      'src/features/search/browser/results.ts:2 browser code loads src/features/content/browser.ts -> src/features/content/scan.ts -> node:fs',
      'src/features/search/browser/engine.ts:1 browser code loads src/features/search/query.ts -> unified',
      'src/features/content/browser.ts:1 loads src/features/content/browser.ts -> src/features/content/scan.ts -> node:fs: a browser.ts loads no Node module and no package',
    ]);
  });

  it('keep the server side out of an index.ts', () => {
    expect(
      problems({
        'src/features/training/index.ts': ['src/features/training/grading.ts', 'src/features/training/server/attempts.ts'],
        'src/features/training/grading.ts': [],
        'src/features/training/server/attempts.ts': [],
      }),
    ).toEqual([
      'src/features/training/index.ts:1 loads src/features/training/index.ts -> src/features/training/server/attempts.ts: an index.ts loads none of the server side: export it from server.ts (or pages.ts for astro:content)',
    ]);
  });

  it('let only the live site model read astro:content', () => {
    expect(
      problems({
        'src/features/handbook/site/get-site.ts': ['astro:content'],
        'src/features/handbook/server/manifest.ts': ['astro:content'],
      }),
    ).toEqual([
      'src/features/handbook/server/manifest.ts:1 reads astro:content; only the live site model (src/features/handbook/site/) and src/content.config.ts may: take the handbook from the app context (`app.manifest()`) instead',
    ]);
  });

  it('find import cycles, type-only imports included', () => {
    expect(
      problems({
        'src/features/content/types.ts': ['type:src/features/content/links.ts'],
        'src/features/content/links.ts': ['src/features/content/types.ts'],
        'src/features/content/paths.ts': ['src/features/content/links.ts'],
      }),
    ).toEqual(['src/features/content/links.ts:1 import cycle among src/features/content/links.ts, src/features/content/types.ts']);
  });

  it('let nothing import a route or a command-line tool', () => {
    expect(
      problems({ 'src/server/http/api-routes.ts': ['src/pages/api/me.ts'], 'src/features/reviews/mark.ts': ['cli/review.ts'] }),
    ).toEqual([
      'src/server/http/api-routes.ts:1 imports the route src/pages/api/me.ts: routes are called by Astro, never imported',
      'src/features/reviews/mark.ts:1 imports the command-line tool cli/review.ts',
    ]);
  });
});
