/**
 * npm run check:content [-- --strict] [--json]
 * Reports every problem in the content folder and the quizzes folder at once; exits 1 when there are errors (or,
 * with --strict or `strict: true` in knowhow.yaml, warnings).
 */
import { resolve } from 'node:path';
import { assertContentDir, ContentDirError, resolveContentDir, formatReport, publicUrlNotice } from '../src/features/content/index.ts';
import { hasFailures, loadSite } from '../src/features/handbook/loader.ts';
import { resolveQuizzesDir } from '../src/features/training/index.ts';

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((arg) => !['--strict', '--json'].includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Use --strict (warnings fail too) or --json.`);
  process.exit(2);
}

const projectRoot = resolve(import.meta.dirname, '..');
const contentDir = resolveContentDir(projectRoot);
const quizzesDir = resolveQuizzesDir(projectRoot, contentDir);
try {
  assertContentDir(contentDir);
} catch (error) {
  if (!(error instanceof ContentDirError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const site = loadSite(contentDir, { quizzesDir });
const strict = args.has('--strict') || site.settings.strict;
if (args.has('--json')) {
  const counts = { pages: site.pages.length, quizzes: site.quizzes.length };
  console.log(JSON.stringify({ contentDir, quizzesDir, ...counts, problems: site.problems }, null, 2));
} else {
  // Naming the quizzes folder shows at once when KNOWHOW_QUIZZES_DIR points somewhere empty.
  const quizzes = site.quizzes.length === 1 ? '1 quiz' : `${site.quizzes.length} quizzes`;
  console.log(`Checked ${site.pages.length} pages in ${contentDir} and ${quizzes} in ${quizzesDir}\n`);
  console.log(formatReport(site.problems, { strict }));
  const notice = publicUrlNotice(contentDir, site.settings);
  if (notice) console.log(`\nNote: ${notice}`);
}
process.exit(hasFailures(site, { strict }) ? 1 : 0);
