import { readFileSync } from 'node:fs';
import { createSearcher } from '../src/lib/search/search.ts';
const [bundlePath, setPath, synPath] = process.argv.slice(2) as [string, string, string?];
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
const synonyms = synPath ? (await import('../src/lib/content/settings.ts')).loadSettings(synPath).settings.synonyms : [];
const s = createSearcher(bundle, synonyms);
const set = JSON.parse(readFileSync(setPath, 'utf8')) as { q: string; expect: string[] }[];
let rr = 0,
  h1 = 0,
  h5 = 0;
const misses: string[] = [];
const times: number[] = [];
for (const { q, expect } of set) {
  const t = performance.now();
  const hits = s.search(q, { limit: 10 });
  times.push(performance.now() - t);
  const rank = hits.findIndex((h) => expect.includes(h.url));
  if (rank >= 0) rr += 1 / (rank + 1);
  if (rank === 0) h1++;
  if (rank >= 0 && rank < 5) h5++;
  if (rank !== 0) misses.push(`${rank < 0 ? 'miss' : '#' + (rank + 1)}  ${q}  -> ${hits[0]?.url} (want ${expect[0]})`);
}
times.sort((a, b) => a - b);
console.log(
  `MRR@10 ${(rr / set.length).toFixed(3)}  hit@1 ${h1}/${set.length}  hit@5 ${h5}/${set.length}  p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms p95 ${times[Math.floor(times.length * 0.95)]?.toFixed(1)} ms`,
);
console.log(misses.slice(0, Number(process.env.SHOW ?? 15)).join('\n'));
