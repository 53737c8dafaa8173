/**
 * The code a module runs: the project files reachable from it by imports, followed through
 * relative imports, and the installed version of every package those files import. The render
 * cache hashes it (render-cache.ts), so that a change anywhere in the renderer's code, or a
 * package upgrade, renders the pages again, and a change elsewhere does not.
 *
 * Imports are found by es-module-lexer (the lexer Vite uses), which reads TypeScript's import
 * statements as they are; it needs no type checker and reads the renderer's files in a few
 * milliseconds. Packages are not followed into: their version stands for their code.
 */
import { readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { initSync, parse } from 'es-module-lexer';

export interface ModuleGraph {
  /** Absolute paths of the project files loaded, sorted. */
  files: string[];
  /** Package name -> installed version ('not installed' when node_modules lacks it), sorted by name. */
  packages: Map<string, string>;
}

/** Files whose imports are read; anything else imported (JSON, say) counts by its content only. */
const SCRIPT = /\.[cm]?[jt]sx?$/;
/** Tried in turn for an import without its file extension, as Vite resolves one. */
const SUFFIXES = ['', '.ts', '.js', '/index.ts', '/index.js'];
/** `import type` and `export type` are erased before the code runs, so they load nothing. */
const TYPE_ONLY = /^(?:import|export)\s+type(?=[\s{*])(?!\s+from\s*['"])/;

/** Everything that loading the entry files (absolute paths) loads. */
export function moduleGraph(entries: string[]): ModuleGraph {
  // Compiles the lexer's WebAssembly on the first call only (under a millisecond).
  initSync();
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const pending = entries.map((entry) => resolve(entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    if (!SCRIPT.test(file)) continue;
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) pending.push(resolveFile(file, specifier));
      else if (!isBuiltin(specifier)) {
        const name = packageName(specifier);
        if (!packages.has(name)) packages.set(name, installedVersion(dirname(file), name));
      }
    }
  }
  return { files: [...files].sort(), packages: new Map([...packages].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** The specifiers a file loads: static imports, re-exports and dynamic imports of a string. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  let imports: ReturnType<typeof parse>[0];
  try {
    [imports] = parse(source, file);
  } catch (error) {
    // A file the lexer cannot read would leave its imports out of the hash: say so rather than serve stale pages.
    throw new Error(`Cannot read the imports of ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return imports
    .filter((entry) => entry.n !== undefined && !(entry.d === -1 && TYPE_ONLY.test(source.slice(entry.ss, entry.se))))
    .map((entry) => entry.n as string);
}

/** The file a relative import names. A missing one would fail the code that loads it too, so it fails here, by name. */
function resolveFile(importer: string, specifier: string): string {
  const path = resolve(dirname(importer), specifier);
  for (const suffix of SUFFIXES) {
    if (statSync(path + suffix, { throwIfNoEntry: false })?.isFile()) return path + suffix;
  }
  throw new Error(`${importer} imports ${specifier}, which does not exist`);
}

/** 'astro/zod' -> 'astro', '@astrojs/markdown-remark/x' -> '@astrojs/markdown-remark'. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** The version Node would load from `from`: the nearest node_modules folder up the tree that has the package. */
function installedVersion(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (statSync(manifest, { throwIfNoEntry: false })?.isFile()) {
      return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version);
    }
    if (dirname(dir) === dir) return 'not installed';
  }
}
