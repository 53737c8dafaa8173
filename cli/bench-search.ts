/**
 * npm run bench:search
 *
 * Search quality and speed on the question sets in test/search-quality/, for both search paths:
 * - the JSON search API (lunr): MRR@10, hit@1 and hit@5, server time per query (p50, p95), index size;
 * - the in-page search (Pagefind) in headless Chromium: the same quality figures, how often its
 *   first result is the API's, the first question's time on a cold page, the time per keystroke
 *   while typing, and the size of its index;
 * - per language of the sample's translations, both paths' quality in that language and with
 *   every language searched, and for Polish how well each finds the pages' words in other forms.
 * Builds the sample content and the Sourcegraph handbook (when ../shared is present) first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { LANGUAGES } from '../src/kit/i18n/languages.ts';
import { loadSettings } from '../src/features/content/index.ts';
import { languageName } from '../src/features/languages/index.ts';
import { synonymsFor, mergeLanguages, createSearcher, type Searcher } from '../src/features/search/index.ts';
import type { ClientSearchData, SearchBundle } from '../src/features/search/index.ts';
import { askFirstQuestion, askInBrowser, openSearchPage } from '../test/helpers/browser-search.ts';
import { hasChromium, launchChromium } from '../test/helpers/chromium.ts';
import { startServer } from '../test/helpers/server.ts';
import { build, folderBytes, HANDBOOK, median, ROOT } from './bench-build.ts';
import { polishFormQuestions } from './lib/polish-inflections.ts';

interface Question {
  q: string;
  expect: string[];
}

async function bench(label: string, contentDir: string, name: string, questionsFile: string): Promise<void> {
  const result = await build(contentDir, name);
  if (result.status !== 0) {
    console.error(`${label}: the build failed\n${result.output.slice(-3000)}`);
    process.exitCode = 1;
    return;
  }
  const bundleFile = join(ROOT, '.bench', name, 'dist/server/search/en.json');
  const loadStarted = performance.now();
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as SearchBundle;
  const searcher = createSearcher(bundle, synonymsFor(bundle.language, loadSettings(contentDir).settings));
  const loadMs = performance.now() - loadStarted;
  const questions = JSON.parse(readFileSync(join(ROOT, 'test/search-quality', questionsFile), 'utf8')) as Question[];
  // Warm up as a running server would be, then measure.
  for (const { q } of questions.slice(0, 10)) searcher.search(q, { limit: 10 });
  const quality = new Quality();
  const times: number[] = [];
  const misses: string[] = [];
  const apiFirst: (string | undefined)[] = [];
  for (const { q, expect } of questions) {
    const started = performance.now();
    const hits = searcher.search(q, { limit: 10 });
    times.push(performance.now() - started);
    apiFirst.push(hits[0]?.url);
    const rank = quality.add(
      hits.map((hit) => hit.url),
      expect,
    );
    if (rank !== 0)
      misses.push(
        `    ${rank < 0 ? 'not in top 10' : `rank ${rank + 1}`}: "${q}" (first: ${hits[0]?.url ?? 'nothing'}, expected ${expect[0]})`,
      );
  }
  times.sort((a, b) => a - b);
  const percentile = (p: number) => (times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0).toFixed(1);
  console.log(`\n${label}: ${questions.length} questions (${questionsFile})`);
  console.log(`  JSON API (lunr)   ${quality.summary(questions.length)}`);
  console.log(`  server time       p50 ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms per query`);
  console.log(`  index             ${(statSync(bundleFile).size / 1024 / 1024).toFixed(1)} MB, loaded in ${loadMs.toFixed(0)} ms`);
  if (args.includes('--misses')) console.log(misses.join('\n'));
  if (hasChromium) await benchBrowser(join(ROOT, '.bench', name, 'dist'), questions, apiFirst);
  else console.log('  in-page search    skipped: no Chromium (apt-get install chromium)');
  await benchTranslations(contentDir, name, questionsFile);
}

/**
 * The question sets of the handbook's other languages (kestrel.de.json beside kestrel.json): each
 * asked of that language's server index, and of the in-page search on a page in that language,
 * which searches that language's pages; then again with every language searched, the reader's
 * first at equal relevance.
 */
async function benchTranslations(contentDir: string, name: string, questionsFile: string): Promise<void> {
  const distDir = join(ROOT, '.bench', name, 'dist');
  const settings = loadSettings(contentDir).settings;
  const searchers = ['en', ...LANGUAGES]
    .filter((lang) => existsSync(join(distDir, `server/search/${lang}.json`)))
    .map((lang) => {
      const bundle = JSON.parse(readFileSync(join(distDir, `server/search/${lang}.json`), 'utf8')) as SearchBundle;
      return { lang, searcher: createSearcher(bundle, synonymsFor(bundle.language, settings)) };
    });
  // As GET /api/search?lang=all does (features/search/server/search-service.ts): only the reader's language corrects typos.
  const searchAll = (q: string, readerLang: string) =>
    mergeLanguages(
      searchers.map(({ lang, searcher }) => searcher.search(q, { limit: 10, corrections: lang === readerLang })),
      readerLang,
      10,
      q,
    );
  for (const lang of LANGUAGES) {
    const file = questionsFile.replace(/\.json$/, `.${lang}.json`);
    if (!existsSync(join(ROOT, 'test/search-quality', file))) continue;
    const questions = JSON.parse(readFileSync(join(ROOT, 'test/search-quality', file), 'utf8')) as Question[];
    const bundle = JSON.parse(readFileSync(join(distDir, `server/search/${lang}.json`), 'utf8')) as SearchBundle;
    const searcher = createSearcher(bundle, synonymsFor(bundle.language, settings));
    const api = new Quality();
    const apiFirst = questions.map(({ q, expect }) => {
      const urls = searcher.search(q, { limit: 10 }).map((hit) => hit.url);
      api.add(urls, expect);
      return urls[0];
    });
    console.log(`
${languageName(lang, 'en')} (${lang}): ${questions.length} questions (${file})`);
    console.log(`  JSON API (lunr)   ${api.summary(questions.length)}`);
    const apiAll = new Quality();
    for (const { q, expect } of questions)
      apiAll.add(
        searchAll(q, lang).map((hit) => hit.url),
        expect,
      );
    if (!hasChromium) {
      console.log(`  all languages     JSON API ${apiAll.summary(questions.length)}`);
      continue;
    }
    const [server, browser] = await Promise.all([startServer(distDir), launchChromium()]);
    try {
      // The in-page search asks in the language of the page it is on.
      const page = await openSearchPage(browser, server.url, questions[0]?.expect[0] ?? `/${lang}/`);
      const inPage = new Quality();
      let agree = 0;
      for (const [index, { q, expect }] of questions.entries()) {
        const { urls } = await askInBrowser(page, q);
        inPage.add(urls, expect);
        if (urls[0] === apiFirst[index]) agree++;
      }
      console.log(
        `  in-page (Pagefind) ${inPage.summary(questions.length)}; same first result as the API for ${agree}/${questions.length}`,
      );
      if (lang === 'pl') await benchPolishForms(page, bundle, searcher, distDir);
      // The same questions with the dialog's "Search all languages" ticked.
      const allBox = page.locator('dialog input[data-search-all-languages]');
      await allBox.waitFor({ state: 'visible' });
      await allBox.check();
      const inPageAll = new Quality();
      for (const { q, expect } of questions) inPageAll.add((await askInBrowser(page, q)).urls, expect);
      console.log(`  all languages     JSON API ${apiAll.summary(questions.length)}`);
      console.log(`                    in-page  ${inPageAll.summary(questions.length)}`);
    } finally {
      await Promise.all([browser.close(), server.stop()]);
    }
  }
}

/**
 * Polish, whose forms Pagefind matches only in part: each of the pages' Polish words searched
 * alone, and the pages that write it only in another form ("zwrot" for "zwrotów"), found in the
 * top 10 by each path; and the size of what the in-page search loads to stem Polish.
 */
async function benchPolishForms(page: Page, bundle: SearchBundle, searcher: Searcher, distDir: string): Promise<void> {
  const { stopWords } = JSON.parse(readFileSync(join(distDir, 'client/pagefind/knowhow-pl.json'), 'utf8')) as ClientSearchData;
  const questions = polishFormQuestions(bundle, stopWords, 300);
  let pages = 0;
  let api = 0;
  let inPage = 0;
  for (const { q, otherForms } of questions) {
    const apiUrls = new Set(searcher.search(q, { limit: 10 }).map((hit) => hit.url));
    const inPageUrls = new Set((await askInBrowser(page, q)).urls);
    pages += otherForms.length;
    api += otherForms.filter((url) => apiUrls.has(url)).length;
    inPage += otherForms.filter((url) => inPageUrls.has(url)).length;
  }
  const share = (found: number) => `${found}/${pages} (${((100 * found) / pages).toFixed(0)}%)`;
  const stemmer = readdirSync(join(distDir, 'client/_astro')).find((file) => file.startsWith('polish-stemmer'));
  const stemmerSize = stemmer
    ? `${(gzipSync(readFileSync(join(distDir, 'client/_astro', stemmer))).length / 1024).toFixed(1)} KB gzipped`
    : 'none';
  console.log(
    `  Polish word forms ${questions.length} of the pages' words, each searched alone: pages that have it only in another form found`,
  );
  console.log(`                    by the API ${share(api)}, in-page ${share(inPage)}; the in-page search's Polish stemmer ${stemmerSize}`);
}

/** The in-page search of the built site, in headless Chromium against its real server. */
async function benchBrowser(distDir: string, questions: Question[], apiFirst: (string | undefined)[]): Promise<void> {
  const [server, browser] = await Promise.all([startServer(distDir), launchChromium()]);
  try {
    const page = await openSearchPage(browser, server.url);
    const quality = new Quality();
    let agree = 0;
    const misses: string[] = [];
    for (const [index, { q, expect }] of questions.entries()) {
      const { urls } = await askInBrowser(page, q);
      const rank = quality.add(urls, expect);
      if (urls[0] === apiFirst[index]) agree++;
      if (rank !== 0)
        misses.push(
          `    ${rank < 0 ? 'not in top 10' : `rank ${rank + 1}`}: "${q}" (first: ${urls[0] ?? 'nothing'}, expected ${expect[0]})`,
        );
    }
    // Typing the first questions letter by letter, as an agent does.
    const keystrokes: number[] = [];
    const keystrokesComplete: number[] = [];
    for (const { q } of questions.slice(0, 8)) {
      for (let length = 1; length <= q.length; length++) {
        const answer = await askInBrowser(page, q.slice(0, length));
        keystrokes.push(answer.milliseconds);
        keystrokesComplete.push(answer.completeMilliseconds);
      }
    }
    await page.context().close();
    // A fresh browser context each time: nothing cached. Asked once the page is idle (the search
    // loads itself then, as it would while an agent reads), and asked the moment it has loaded.
    const firstWhenIdle: number[] = [];
    const firstWhenIdleComplete: number[] = [];
    const firstAtLoad: number[] = [];
    for (const { q } of questions.slice(0, 7)) {
      for (const waitUntil of ['networkidle', 'load'] as const) {
        const cold = await browser.newContext();
        const coldPage = await cold.newPage();
        await coldPage.goto(`${server.url}/search/`, { waitUntil });
        const answer = await askFirstQuestion(coldPage, q);
        if (waitUntil === 'load') firstAtLoad.push(answer.milliseconds);
        else {
          firstWhenIdle.push(answer.milliseconds);
          firstWhenIdleComplete.push(answer.completeMilliseconds);
        }
        await cold.close();
      }
    }
    console.log(`  in-page (Pagefind) ${quality.summary(questions.length)}; same first result as the API for ${agree}/${questions.length}`);
    console.log(
      `  in Chromium       first question on a fresh page: results listed in ${median(firstWhenIdle).toFixed(0)} ms once it is idle (with summaries and snippets: ${median(firstWhenIdleComplete).toFixed(0)} ms), ${median(firstAtLoad).toFixed(0)} ms the moment it has loaded (medians of ${firstWhenIdle.length})`,
    );
    console.log(
      `                    later keystrokes ${median(keystrokes).toFixed(1)} ms median, ${median(keystrokesComplete).toFixed(1)} ms with summaries and snippets (${keystrokes.length} keystrokes)`,
    );
    console.log(`  Pagefind index    ${(folderBytes(join(distDir, 'client/pagefind')) / 1024 / 1024).toFixed(1)} MB on disk`);
    if (args.includes('--misses')) console.log(misses.join('\n'));
  } finally {
    await Promise.all([browser.close(), server.stop()]);
  }
}

class Quality {
  private reciprocalRanks = 0;
  private hit1 = 0;
  private hit5 = 0;

  /** Records one answer; returns the rank of the first expected page (-1: not in the top 10). */
  add(urls: string[], expected: string[]): number {
    const rank = urls.slice(0, 10).findIndex((url) => expected.includes(url));
    if (rank >= 0) this.reciprocalRanks += 1 / (rank + 1);
    if (rank === 0) this.hit1++;
    if (rank >= 0 && rank < 5) this.hit5++;
    return rank;
  }

  summary(count: number): string {
    return `MRR@10 ${(this.reciprocalRanks / count).toFixed(3)}, hit@1 ${this.hit1}/${count}, hit@5 ${this.hit5}/${count}`;
  }
}

const args = process.argv.slice(2);
console.log('Knowhow search benchmark');
await bench('Kestrel Connect sample content', join(ROOT, 'content'), 'search-sample', 'kestrel.json');
if (existsSync(HANDBOOK)) await bench('Sourcegraph handbook', HANDBOOK, 'handbook', 'sourcegraph-handbook.json');
else console.log(`\nSourcegraph handbook: skipped, ${HANDBOOK} is not on this machine.`);
