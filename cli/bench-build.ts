/**
 * npm run bench:build [-- --only handbook|generated] [--pages 10000] [--runs 3] [--warm]
 *
 * Clean builds of (1) the Sourcegraph handbook in ../shared/corpora (883 real pages; skipped,
 * with a note, where that folder is absent) and (2) a generated corpus of 10,000 pages. Prints
 * wall time, peak memory of the whole build (every process it starts, sampled every 100 ms),
 * output size, and the median HTML bytes per page. --runs N makes N clean builds of each and
 * prints the median and range (this machine's speed varies by 10% from run to run). --warm adds
 * a build that reuses the render cache.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ASTRO_BUILD_ARGS } from './astro-build.ts';
import { generateCorpus } from './generate-corpus.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const HANDBOOK = resolve(ROOT, '../shared/corpora/sourcegraph-handbook/content');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const only = option('only');
const generatedPages = Number(option('pages') ?? 10_000);
const warm = args.includes('--warm');
const runs = Math.max(1, Number(option('runs') ?? 1));

interface Measurement {
  status: number | null;
  seconds: number;
  peakBytes: number;
  output: string;
}

/** Runs a clean (or warm) build and samples the memory of its whole process tree. */
export async function build(contentDir: string, name: string, { clean = true } = {}): Promise<Measurement> {
  const workDir = join(ROOT, '.bench', name);
  if (clean) rmSync(workDir, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ASTRO_BUILD_ARGS, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      KNOWHOW_CONTENT_DIR: contentDir,
      KNOWHOW_OUT_DIR: relative(ROOT, join(workDir, 'dist')),
      KNOWHOW_CACHE_DIR: relative(ROOT, join(workDir, 'cache')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  let peakBytes = 0;
  const sampler = setInterval(() => {
    peakBytes = Math.max(peakBytes, treeRss(child.pid as number));
  }, 100);
  const status = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(sampler);
  return { status, seconds: (performance.now() - started) / 1000, peakBytes, output };
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRss(rootPid: number): number {
  const pageSize = 4096;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * pageSize);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

export function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, file) => {
    const stat = statSync(join(dir, file));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function bench(label: string, contentDir: string, name: string): Promise<void> {
  const sourcePages = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.mdx?$/.test(file)).length;
  const results: Measurement[] = [];
  for (let run = 0; run < runs; run++) results.push(await build(contentDir, name));
  const result = results.find((entry) => entry.status !== 0) ?? (results[results.length - 1] as Measurement);
  if (result.status !== 0) {
    console.error(`${label}: the build failed (exit ${result.status})\n${result.output.slice(-4000)}`);
    process.exitCode = 1;
    return;
  }
  const client = join(ROOT, '.bench', name, 'dist', 'client');
  const pages = htmlFiles(client).filter((file) => !file.endsWith('404.html'));
  const sizes = pages.map((file) => statSync(file).size);
  console.log(`\n${label}`);
  console.log(`  source pages        ${sourcePages}`);
  console.log(`  HTML pages built    ${pages.length} (${pages.length - sourcePages} of them folder listings)`);
  const range = (values: number[], format: (value: number) => string) =>
    runs === 1
      ? format(values[0] as number)
      : `${format(median(values))} median of ${runs} (${format(Math.min(...values))} to ${format(Math.max(...values))})`;
  console.log(
    `  wall time           ${range(
      results.map((entry) => entry.seconds),
      (value) => `${value.toFixed(1)} s`,
    )} (clean build)`,
  );
  console.log(
    `  peak memory         ${range(
      results.map((entry) => entry.peakBytes),
      mb,
    )} (all build processes together)`,
  );
  console.log(`  output size         ${mb(folderBytes(join(ROOT, '.bench', name, 'dist')))}`);
  console.log(`  median HTML / page  ${(median(sizes) / 1024).toFixed(1)} KB (largest ${(Math.max(...sizes) / 1024).toFixed(0)} KB)`);
  const warnings = /(\d+) errors?, (\d+) warnings?/.exec(result.output);
  if (warnings) console.log(`  content check       ${warnings[1]} errors, ${warnings[2]} warnings (first report of the build)`);
  if (warm) {
    const again = await build(contentDir, name, { clean: false });
    // The build logs only a render that did something: no line means every page came from the cache.
    const rendered = /Rendered (\d+) Markdown pages/.exec(again.output)?.[1] ?? '0';
    console.log(
      `  warm rebuild        ${again.seconds.toFixed(1)} s, ${mb(again.peakBytes)} (nothing changed; ${rendered} Markdown pages rendered again)`,
    );
  }
}

if (import.meta.main) {
  console.log(`Knowhow build benchmark on ${(await import('node:os')).availableParallelism()} cores, Node ${process.versions.node}`);
  if (!only || only === 'handbook') {
    if (existsSync(HANDBOOK)) await bench('Sourcegraph handbook (../shared/corpora/sourcegraph-handbook)', HANDBOOK, 'handbook');
    else console.log(`\nSourcegraph handbook: skipped, ${HANDBOOK} is not on this machine.`);
  }
  if (!only || only === 'generated') {
    const corpus = join(ROOT, '.bench', 'corpus');
    generateCorpus(corpus, generatedPages);
    await bench(`Generated corpus (${generatedPages} pages, cli/generate-corpus.ts)`, corpus, 'generated');
  }
}
