/**
 * npm run review [-- --owner o] [--section s] [--today YYYY-MM-DD] [--json] [--fail-on overdue|due-soon]
 * npm run review -- --mark <file>... [--date YYYY-MM-DD]
 *
 * The content folder's review table: every page with its owner, due date and state, the most
 * urgent first. With --fail-on, exits 1 when a page is overdue (or, with due-soon, due soon
 * too), so a scheduled CI job in the content repository fails when policies lapse.
 * With --mark, records a review in the files themselves (their `reviewed:` front matter).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { todayIso, loadSettings, resolveContentDir } from '../src/features/content/index.ts';
import { REVIEW_LABELS, markReviewed } from '../src/features/reviews/index.ts';
import { checkDate, contentReview, fail, PROJECT_ROOT } from './lib/review-content.ts';

const USAGE = `Usage:
  npm run review [-- --owner <owner>] [--section <section>] [--today YYYY-MM-DD] [--json] [--fail-on overdue|due-soon]
  npm run review -- --mark <file>... [--date YYYY-MM-DD]`;

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      owner: { type: 'string' },
      section: { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      mark: { type: 'boolean', default: false },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

// npm runs scripts from the project root; the files someone names are relative to where they typed.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

if (values.mark) markFiles(positionals, checkDate(values.date, '--date'));
else listReviews();

function markFiles(files: string[], date: string | undefined): void {
  if (files.length === 0) fail(`Name the files you reviewed, e.g. npm run review -- --mark content/policies/refunds.md\n\n${USAGE}`);
  const contentDir = resolveContentDir(PROJECT_ROOT);
  const today = todayIso(new Date(), loadSettings(contentDir).settings.site.timeZone);
  const reviewed = date ?? today;
  if (reviewed > today) fail(`--date ${reviewed} is in the future: a review is recorded on the day it happened (today is ${today}).`);
  const problems: string[] = [];
  const paths = files.map((file) => resolve(invokedFrom, file));
  for (const [index, path] of paths.entries()) {
    const inContent = relative(contentDir, path);
    if (!existsSync(path)) problems.push(`${files[index]}: no such file.`);
    else if (inContent.startsWith('..') || resolve(contentDir, inContent) !== path)
      problems.push(`${files[index]}: not in the content folder ${contentDir}.`);
    else if (!/\.mdx?$/.test(path)) problems.push(`${files[index]}: not a page (.md or .mdx).`);
  }
  // All or nothing: a typo in one name must not leave half the reviews recorded.
  if (problems.length > 0) fail(`Nothing was marked:\n  ${problems.join('\n  ')}`);
  for (const path of paths) {
    const source = readFileSync(path, 'utf8');
    const marked = markReviewed(source, reviewed);
    if (marked !== source) writeFileSync(path, marked);
    console.log(`${relative(invokedFrom, path)}: reviewed ${reviewed}`);
  }
  console.log(
    `\nCommit the change to record the review, e.g. git commit -m "Review ${files.length === 1 ? relative(contentDir, paths[0] as string) : `${files.length} pages`}" ${files.join(' ')}`,
  );
}

function listReviews(): void {
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'overdue' && failOn !== 'due-soon') fail(`--fail-on ${failOn}: write overdue or due-soon.`);
  if (positionals.length > 0) fail(`Unexpected ${positionals.join(' ')}. To record a review, add --mark.\n\n${USAGE}`);
  const review = contentReview({ owner: values.owner, section: values.section, today: checkDate(values.today, '--today') });
  const { items, today } = review;
  const lapsed = items.filter((item) => item.status === 'overdue' || (failOn === 'due-soon' && item.status === 'due-soon'));
  if (values.json) {
    console.log(JSON.stringify({ today, contentDir: review.contentDir, items }, null, 2));
  } else {
    const rows = items.map((item) => [
      item.title,
      item.file,
      item.owner ?? '(no owner)',
      item.due ?? '(unknown)',
      item.status === 'overdue' ? `${REVIEW_LABELS.overdue} by ${item.daysOverdue}d` : REVIEW_LABELS[item.status],
    ]);
    const header = ['Title', 'File', 'Owner', 'Due', 'State'];
    const widths = header.map((title, column) =>
      Math.min(48, Math.max(title.length, ...rows.map((row) => (row[column] as string).length))),
    );
    const cell = (text: string, column: number) => {
      const width = widths[column] as number;
      return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
    };
    const line = (row: string[]) => row.map(cell).join('  ').trimEnd();
    console.log(`Reviews in ${review.contentDir} on ${today} (${review.timeZone})\n`);
    console.log(line(header));
    console.log(line(widths.map((width) => '-'.repeat(width))));
    for (const row of rows) console.log(line(row));
    const count = (state: keyof typeof REVIEW_LABELS) => items.filter((item) => item.status === state).length;
    console.log(
      `\n${items.length} ${items.length === 1 ? 'page' : 'pages'}: ${count('overdue')} overdue, ${count('translation-stale') > 0 ? `${count('translation-stale')} translations out of date, ` : ''}${count('due-soon')} due soon, ${count('unknown')} with no review date, ${count('current')} current.`,
    );
  }
  if (failOn && lapsed.length > 0) {
    console.error(
      `${lapsed.length} ${lapsed.length === 1 ? 'page is' : 'pages are'} ${failOn === 'overdue' ? 'overdue' : 'overdue or due soon'} for review.`,
    );
    process.exit(1);
  }
}
