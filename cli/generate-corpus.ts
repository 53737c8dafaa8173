/**
 * Writes a synthetic support handbook for benchmarks: node cli/generate-corpus.ts <folder> [pages]
 * Deterministic (same pages every run), with what real pages have: front matter, sections,
 * lists, tables, callouts, and links with anchors between pages. 20 sections x 10 folders.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = (
  'account agent approve balance billing broadband call callback cancel card case charge chargeback check complaint confirm ' +
  'contract credit customer data date deadline delete device discount dispute email escalate evidence fault fee form goodwill ' +
  'handset identity install invoice issue line log manager mobile notes number offer order outage owner password payment ' +
  'phone plan policy port priority procedure process queue record refund request resolve review router service signal sim ' +
  'speed status supervisor system team tariff ticket transfer update upgrade verify visit vulnerable warranty within working'
).split(' ');
const TYPES = ['policy', 'procedure', 'guide', 'faq'] as const;

let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
const sentence = () => {
  const text = words(8 + Math.floor(random() * 12));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};
const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
// Fixed per position, so links between pages can name an anchor that exists.
const headingFor = (index: number) => `Step ${index + 1} ${WORDS[(index * 7) % WORDS.length]} ${WORDS[(index * 13 + 5) % WORDS.length]}`;

export function generateCorpus(folder: string, pages: number): void {
  rmSync(folder, { recursive: true, force: true });
  const paths: string[] = [];
  for (let index = 0; index < pages; index++) {
    paths.push(`section-${Math.floor(index / 500) % 20}/topic-${Math.floor(index / 50) % 10}/page-${index}.md`);
  }
  paths.forEach((path, index) => {
    const type = TYPES[index % TYPES.length] as (typeof TYPES)[number];
    const headings = Array.from({ length: 4 + (index % 3) }, (_, position) => headingFor(position));
    const month = String(1 + (index % 12)).padStart(2, '0');
    const body: string[] = [
      '---',
      `title: ${words(3)} ${index}`,
      `summary: ${sentence()}`,
      `type: ${type}`,
      `owner: Team ${index % 17}`,
      `reviewed: 2025-${month}-15`,
      `tags: [${words(2).replace(' ', ', ')}]`,
      '---',
      '',
      paragraph(),
    ];
    headings.forEach((heading, position) => {
      body.push('', `## ${heading}`, '', paragraph(), '', paragraph());
      if (position === 1) body.push('', ...Array.from({ length: 4 }, () => `- ${sentence()}`));
      if (position === 2) body.push('', ':::say', `"${sentence()}"`, ':::');
      if (position === 3 && index % 3 === 0)
        body.push(
          '',
          '| Case | Limit | Owner |',
          '| --- | --- | --- |',
          ...Array.from({ length: 4 }, () => `| ${words(2)} | ${Math.floor(random() * 500)} | ${words(1)} |`),
        );
    });
    const target = (offset: number) => {
      const other = (index + offset) % paths.length;
      return `/${paths[other]}#${headingFor(0).toLowerCase().replace(/\s+/g, '-')}`;
    };
    body.push(
      '',
      '## Related',
      '',
      `See [the first step](${target(1)}), [another page](${target(37)}) and [${words(2)}](${target(501)}).`,
      '',
    );
    const file = join(folder, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, body.join('\n'));
  });
}

if (import.meta.main) {
  const [folder, count = '10000'] = process.argv.slice(2);
  if (!folder) {
    console.error('Usage: node cli/generate-corpus.ts <folder> [pages]');
    process.exit(2);
  }
  generateCorpus(folder, Number(count));
  console.log(`Wrote ${count} pages to ${folder}`);
}
