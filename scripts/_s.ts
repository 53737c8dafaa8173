import { readFileSync } from 'node:fs';
import { createSearcher } from '../src/lib/search/search.ts';
const bundle = JSON.parse(readFileSync(process.argv[2] as string, 'utf8'));
const s = createSearcher(bundle, [
  ['chargeback', 'dispute'],
  ['refund', 'money back'],
]);
for (const q of process.argv.slice(3)) {
  const t = performance.now();
  const hits = s.search(q, { limit: 3 });
  console.log(`${q}  (${(performance.now() - t).toFixed(1)} ms)`);
  for (const h of hits) console.log(`   ${h.score.toFixed(2)} ${h.url}  #${h.anchor} | ${h.snippet.slice(0, 90)}`);
}
