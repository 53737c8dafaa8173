/**
 * npm run translation -- --mark <file>...
 *
 * Records in each translation which version of its original it was made from (`translatedFrom:`
 * in its front matter, nothing else in the file changes), once the translation says what the
 * original says. When the original changes after that, readers of the translation are told it
 * may be out of date and the owner sees it among their reviews.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { acknowledgeText, acknowledgeVersion } from '../src/lib/content/acknowledge.ts';
import { resolveContentDir } from '../src/lib/content/content-dir.ts';
import { parseFrontMatter } from '../src/lib/content/frontmatter.ts';
import { translationOf } from '../src/lib/content/paths.ts';
import { setFrontMatterField } from '../src/lib/review/mark.ts';
import { fail, PROJECT_ROOT } from './lib/review-content.ts';

const USAGE = 'Usage: npm run translation -- --mark <translation file>...   e.g. content/policies/refunds-and-returns.de.md';

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
const problems: string[] = [];
const marks: { path: string; version: string; original: string }[] = [];
for (const file of positionals) {
  const path = resolve(invokedFrom, file);
  const inContent = relative(contentDir, path).split('\\').join('/');
  const translation = translationOf(inContent);
  if (!existsSync(path)) problems.push(`${file}: no such file.`);
  else if (inContent.startsWith('..')) problems.push(`${file}: not in the content folder ${contentDir}.`);
  else if (!translation) problems.push(`${file}: not a translation; a translation's name ends in its language, e.g. refunds.de.md.`);
  else if (!existsSync(resolve(contentDir, translation.original))) problems.push(`${file}: there is no ${translation.original} beside it.`);
  else {
    const source = readFileSync(resolve(contentDir, translation.original), 'utf8');
    const version = acknowledgeVersion(parseFrontMatter(translation.original, source).data.version, acknowledgeText(source));
    marks.push({ path, version, original: translation.original });
  }
}
// All or nothing: a typo in one name must not leave half the translations marked.
if (problems.length > 0) fail(`Nothing was marked:\n  ${problems.join('\n  ')}`);
for (const { path, version, original } of marks) {
  const source = readFileSync(path, 'utf8');
  const marked = setFrontMatterField(source, 'translatedFrom', version);
  if (marked !== source) writeFileSync(path, marked);
  console.log(`${relative(invokedFrom, path)}: translates ${original} as of version ${version}`);
}
