/**
 * `npm run check:imports`: reads the imports of every file under src/ and cli/ and checks them
 * against the rules of ARCHITECTURE.md (cli/lib/import-rules.ts). Prints each problem as
 * file:line and exits 1 when there is one. test/architecture.test.ts runs it too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, parse } from 'es-module-lexer';
import { checkImports, type SourceFile, type SourceImport } from './lib/import-rules.ts';

const SOURCE = /\.(?:[cm]?[jt]s|astro)$/;
const TYPE_ONLY = /^(?:import|export)\s+type(?=[\s{*])(?!\s+from\s*['"])/;
const SUFFIXES = ['', '.ts', '.js', '/index.ts'];

/** Every source file under the folders (relative to root), with its imports resolved to project paths. */
export function readSources(root: string, folders: readonly string[] = ['src', 'cli']): SourceFile[] {
  initSync();
  const files: SourceFile[] = [];
  for (const folder of folders) {
    for (const path of walk(join(root, folder))) {
      const relativePath = relative(root, path).split('\\').join('/');
      files.push({ path: relativePath, imports: importsOf(root, path), reexportsOnly: reexportsOnly(readFileSync(path, 'utf8')) });
    }
  }
  return files;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The code blocks of a file: all of a script, or an Astro component's front matter and its <script>s (browser code). */
function blocks(path: string, text: string): { code: string; offset: number; browser: boolean }[] {
  if (!path.endsWith('.astro')) return [{ code: text, offset: 0, browser: false }];
  const found: { code: string; offset: number; browser: boolean }[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) found.push({ code: frontmatter[1] as string, offset: frontmatter.index + 4, browser: false });
  for (const script of text.matchAll(/<script(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)) {
    found.push({ code: script[1] as string, offset: (script.index as number) + script[0].indexOf('>') + 1, browser: true });
  }
  return found;
}

/** Whether a module is nothing but `export ... from` statements and comments. */
function reexportsOnly(text: string): boolean {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return code.trim() !== '' && code.replace(/export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s+from\s+['"][^'"]+['"];?/g, '').trim() === '';
}

function importsOf(root: string, path: string): SourceImport[] {
  const text = readFileSync(path, 'utf8');
  const imports: SourceImport[] = [];
  for (const block of blocks(path, text)) {
    let parsed: ReturnType<typeof parse>[0];
    try {
      [parsed] = parse(block.code, path);
    } catch (error) {
      throw new Error(`Cannot read the imports of ${relative(root, path)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const entry of parsed) {
      if (entry.n === undefined) continue;
      const line = text.slice(0, block.offset + entry.s).split('\n').length;
      const typeOnly = entry.d === -1 && TYPE_ONLY.test(block.code.slice(entry.ss, entry.se));
      const target = entry.n.startsWith('.') ? resolveFile(root, path, entry.n) : entry.n;
      imports.push({ target, typeOnly, browser: block.browser, line });
    }
  }
  return imports;
}

function resolveFile(root: string, importer: string, specifier: string): string {
  const path = resolve(dirname(importer), specifier.split('?')[0] as string);
  for (const suffix of SUFFIXES) {
    if (statSync(path + suffix, { throwIfNoEntry: false })?.isFile())
      return relative(root, path + suffix)
        .split('\\')
        .join('/');
  }
  return relative(root, path).split('\\').join('/');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const sources = readSources(root);
  const problems = checkImports(sources);
  for (const problem of problems) console.error(`${problem.path}:${problem.line}  ${problem.message}`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} import ${problems.length === 1 ? 'problem' : 'problems'}; the rules are in ARCHITECTURE.md.`);
    process.exit(1);
  }
  console.log(`Imports follow the rules: ${sources.length} modules checked.`);
}
