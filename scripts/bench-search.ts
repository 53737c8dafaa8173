/**
 * npm run bench:search
 *
 * Search quality and speed of the JSON search API on the question sets in test/search-quality/:
 * MRR@10, hit@1 and hit@5 per corpus, server time per query (p50, p95), and the index size.
 * Builds the sample content and the Sourcegraph handbook (when ../shared is present) first.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../src/lib/content/settings.ts';
import { createSearcher } from '../src/lib/search/search.ts';
import type { SearchBundle } from '../src/lib/search/search-index.ts';
import { build, HANDBOOK, ROOT } from './bench-build.ts';

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
  const searcher = createSearcher(JSON.parse(readFileSync(bundleFile, 'utf8')) as SearchBundle, loadSettings(contentDir).settings.synonyms);
  const loadMs = performance.now() - loadStarted;
  const questions = JSON.parse(readFileSync(join(ROOT, 'test/search-quality', questionsFile), 'utf8')) as Question[];
  // Warm up as a running server would be, then measure.
  for (const { q } of questions.slice(0, 10)) searcher.search(q, { limit: 10 });
  let reciprocalRanks = 0;
  let hit1 = 0;
  let hit5 = 0;
  const times: number[] = [];
  const misses: string[] = [];
  for (const { q, expect } of questions) {
    const started = performance.now();
    const hits = searcher.search(q, { limit: 10 });
    times.push(performance.now() - started);
    const rank = hits.findIndex((hit) => expect.includes(hit.url));
    if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 5) hit5++;
    if (rank !== 0)
      misses.push(
        `    ${rank < 0 ? 'not in top 10' : `rank ${rank + 1}`}: "${q}" (first: ${hits[0]?.url ?? 'nothing'}, expected ${expect[0]})`,
      );
  }
  times.sort((a, b) => a - b);
  const percentile = (p: number) => (times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0).toFixed(1);
  console.log(`\n${label}: ${questions.length} questions (${questionsFile})`);
  console.log(
    `  JSON API (lunr)   MRR@10 ${(reciprocalRanks / questions.length).toFixed(3)}, hit@1 ${hit1}/${questions.length}, hit@5 ${hit5}/${questions.length}`,
  );
  console.log(`  server time       p50 ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms per query`);
  console.log(`  index             ${(statSync(bundleFile).size / 1024 / 1024).toFixed(1)} MB, loaded in ${loadMs.toFixed(0)} ms`);
  if (args.includes('--misses')) console.log(misses.join('\n'));
}

const args = process.argv.slice(2);
console.log('Knowhow search benchmark (in-page search: not measured yet)');
await bench('Kestrel Connect sample content', join(ROOT, 'content'), 'search-sample', 'kestrel.json');
if (existsSync(HANDBOOK)) await bench('Sourcegraph handbook', HANDBOOK, 'handbook', 'sourcegraph-handbook.json');
else console.log(`\nSourcegraph handbook: skipped, ${HANDBOOK} is not on this machine.`);
