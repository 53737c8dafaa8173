/**
 * npm run translation -- --mark <file>...
 *
 * Records in each translation which version of its original it was made from (`translatedFrom:`,
 * nothing else in the file changes), once the translation says what the original says: a page's
 * in its front matter, the original's version or text hash; a quiz translation's
 * (quizzes/<module>.<lang>.yaml) at its top, a hash of the original quiz's words. When the
 * original changes after that, learners and readers of the translation are told it may be out
 * of date and the owner sees it among their reviews.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { acknowledgeText, acknowledgeVersion, resolveContentDir, parseFrontMatter, translationOf } from '../src/features/content/index.ts';
import { setFrontMatterField } from '../src/features/reviews/index.ts';
import { markQuizTranslation, resolveQuizzesDir } from '../src/features/training/index.ts';
import { fail, PROJECT_ROOT } from './lib/review-content.ts';

const USAGE =
  'Usage: npm run translation -- --mark <translation file>...   e.g. content/policies/refunds-and-returns.de.md or quizzes/handling-complaints.de.yaml';

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { mark: { type: 'boolean', default: false } } });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (!values.mark || positionals.length === 0) fail(USAGE);

// npm runs scripts from the project root; the files someone names are relative to where they typed.
const invokedFrom = process.env.INIT_CWD ?? process.cwd();
const contentDir = resolveContentDir(PROJECT_ROOT);
const quizzesDir = resolveQuizzesDir(PROJECT_ROOT, contentDir);
const inside = (folder: string, path: string) => !relative(folder, path).startsWith('..');
const problems: string[] = [];
const marks: { path: string; source: string; marked: string; original: string; version: string }[] = [];
for (const file of positionals) {
  const path = resolve(invokedFrom, file);
  if (!existsSync(path)) {
    problems.push(`${file}: no such file.`);
  } else if (inside(quizzesDir, path) && /\.ya?ml$/i.test(path)) {
    const mark = markQuizTranslation(path, contentDir);
    if ('problem' in mark) problems.push(`${file}: ${mark.problem}`);
    else marks.push({ path, source: readFileSync(path, 'utf8'), ...mark });
  } else {
    const inContent = relative(contentDir, path).split('\\').join('/');
    const translation = translationOf(inContent);
    if (!inside(contentDir, path)) problems.push(`${file}: not in the content folder ${contentDir} nor the quizzes folder ${quizzesDir}.`);
    else if (!translation) problems.push(`${file}: not a translation; a translation's name ends in its language, e.g. refunds.de.md.`);
    else if (!existsSync(resolve(contentDir, translation.original)))
      problems.push(`${file}: there is no ${translation.original} beside it.`);
    else {
      const original = readFileSync(resolve(contentDir, translation.original), 'utf8');
      const version = acknowledgeVersion(parseFrontMatter(translation.original, original).data.version, acknowledgeText(original));
      const source = readFileSync(path, 'utf8');
      marks.push({ path, source, marked: setFrontMatterField(source, 'translatedFrom', version), original: translation.original, version });
    }
  }
}
// All or nothing: a typo in one name must not leave half the translations marked.
if (problems.length > 0) fail(`Nothing was marked:\n  ${problems.join('\n  ')}`);
for (const { path, source, marked, original, version } of marks) {
  if (marked !== source) writeFileSync(path, marked);
  console.log(`${relative(invokedFrom, path)}: translates ${original} as of version ${version}`);
}
