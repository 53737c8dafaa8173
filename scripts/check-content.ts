/**
 * npm run check:content [-- --strict] [--json]
 * Reports every problem in the content folder at once; exits 1 when there are errors (or,
 * with --strict or `strict: true` in knowhow.yaml, warnings).
 */
import { resolve } from 'node:path';
import { assertContentDir, ContentDirError, resolveContentDir } from '../src/lib/content/content-dir.ts';
import { formatReport } from '../src/lib/content/problems.ts';
import { hasFailures, loadSite } from '../src/lib/content/site.ts';

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((arg) => !['--strict', '--json'].includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Use --strict (warnings fail too) or --json.`);
  process.exit(2);
}

const contentDir = resolveContentDir(resolve(import.meta.dirname, '..'));
try {
  assertContentDir(contentDir);
} catch (error) {
  if (!(error instanceof ContentDirError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const site = loadSite(contentDir);
const strict = args.has('--strict') || site.settings.strict;
if (args.has('--json')) {
  console.log(JSON.stringify({ contentDir, pages: site.pages.length, problems: site.problems }, null, 2));
} else {
  console.log(`Checked ${site.pages.length} pages in ${contentDir}\n`);
  console.log(formatReport(site.problems, { strict }));
}
process.exit(hasFailures(site, { strict }) ? 1 : 0);
