/**
 * The import rules of ARCHITECTURE.md, as code: which part of the source may import which. Pure:
 * it takes every source file's imports (read by cli/check-imports.ts) and returns what breaks a
 * rule, so the rules are tested on small made-up trees as well as on the real one.
 *
 * The parts, from the bottom up: the kit (src/kit: HTTP route kit, database, errors, settings,
 * the interface's words), the features (src/features/<feature>), the app context and the HTTP
 * server in front of Astro (src/server), the build (src/build), and the routes (src/pages,
 * src/middleware.ts) and command-line tools (cli/) on top.
 */

/** Features from the bottom up: a feature imports only features before it, so none needs its dependants. */
export const FEATURE_ORDER = [
  'languages',
  'accounts',
  'api-keys',
  'content',
  'training',
  'handbook',
  'search',
  'reviews',
  'acknowledgements',
  'feedback',
  'mcp',
  'site',
  'sidebar',
] as const;

/**
 * What another part may import of a feature: its entries, the files at the top of its folder that
 * only re-export (index.ts, server.ts, and others for what loads heavy code), and its components
 * and layouts (Astro components cannot be re-exported for the pages).
 */
const ENTRY_FILE = /^src\/features\/[^/]+\/[^/]+\.ts$/;
const COMPONENT = /^src\/features\/[^/]+\/(?:components|layouts)\/.+\.astro$/;
/** What browser code (a <script>, a browser/ script) may import of another feature: its browser.ts and its browser scripts. */
const BROWSER_ENTRY = /^src\/features\/[^/]+\/(?:browser\.ts|browser\/[^/]+\.ts)$/;
/**
 * Packages that browser code may load: lunr-languages' Polish stemmer, which the in-page search
 * loads when a reader searches Polish. Pagefind's own script comes from the built site.
 */
export const BROWSER_PACKAGES: readonly string[] = ['lunr-languages'];

export interface SourceImport {
  /** The imported file, relative to the project root ('src/kit/server/errors.ts'), or the package or virtual module ('astro:content'). */
  target: string;
  /** `import type` / `export type`: erased before the code runs. */
  typeOnly: boolean;
  /** Imported from a <script> of an Astro component: code that runs in the browser. */
  browser: boolean;
  /** The line of the import, from 1. */
  line: number;
}

export interface SourceFile {
  /** Relative to the project root, with forward slashes. */
  path: string;
  imports: SourceImport[];
  /** Nothing but `export ... from` statements (and comments): an entry, when at the top of a feature. */
  reexportsOnly?: boolean;
}

export interface ImportProblem {
  path: string;
  line: number;
  message: string;
}

type Part =
  | { kind: 'kit' }
  | { kind: 'feature'; feature: string }
  | { kind: 'server' }
  | { kind: 'build' }
  | { kind: 'route' }
  | { kind: 'cli' }
  | { kind: 'other' };

export function partOf(path: string): Part {
  if (path.startsWith('src/kit/')) return { kind: 'kit' };
  const feature = /^src\/features\/([^/]+)\//.exec(path);
  if (feature) return { kind: 'feature', feature: feature[1] as string };
  if (path.startsWith('src/server/')) return { kind: 'server' };
  if (path.startsWith('src/build/') || path === 'src/content.config.ts') return { kind: 'build' };
  if (path.startsWith('src/pages/') || path === 'src/middleware.ts') return { kind: 'route' };
  if (path.startsWith('cli/')) return { kind: 'cli' };
  return { kind: 'other' };
}

/** Code that only the server runs: a `server/` folder anywhere, or src/server. */
export function isServerOnly(path: string): boolean {
  return path.startsWith('src/server/') || /^src\/(?:kit|features\/[^/]+)\/(?:.+\/)?server(?:\/|\.ts$)/.test(path);
}

/** Code that runs in the browser: a feature's `browser/` folder and the interface's words for scripts. */
export function isBrowserCode(path: string): boolean {
  return /^src\/features\/[^/]+\/browser\//.test(path) || path === 'src/kit/i18n/client.ts';
}

/** A Node module or a package that browser code may not load (the page's own styles it may). */
function notForBrowserTarget(target: string): boolean {
  if (target.startsWith('src/') || target.startsWith('cli/')) return false;
  const parts = target.split('/');
  return !BROWSER_PACKAGES.includes((target.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/'));
}

/** Where `astro:content` may be read: the content config and the live site model of the dev server and the build. */
const ASTRO_CONTENT_READERS = /^src\/(?:content\.config\.ts|features\/handbook\/site\/)/;

/** The app context is made above the features, which take its type: `import type { AppContext }`. */
const APP_CONTEXT = 'src/server/app.ts';

export function checkImports(files: readonly SourceFile[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const entries = new Set(files.filter((file) => ENTRY_FILE.test(file.path) && file.reexportsOnly).map((file) => file.path));
  const isEntry = (path: string) => entries.has(path) || COMPONENT.test(path);
  const notForBrowser = trails(files, notForBrowserTarget);
  const serverSide = trails(files, (target) => isServerOnly(target) || target === 'astro:content');
  for (const file of files) {
    const entryTrail = /^src\/features\/[^/]+\/browser\.ts$/.test(file.path)
      ? notForBrowser(file.path)
      : /^src\/features\/[^/]+\/index\.ts$/.test(file.path)
        ? serverSide(file.path)
        : undefined;
    if (entryTrail) {
      const fix = file.path.endsWith('browser.ts')
        ? 'a browser.ts loads no Node module and no package'
        : 'an index.ts loads none of the server side: export it from server.ts (or pages.ts for astro:content)';
      problems.push({ path: file.path, line: 1, message: `loads ${entryTrail.join(' -> ')}: ${fix}` });
    }
    const from = partOf(file.path);
    for (const entry of file.imports) {
      const say = (message: string) => problems.push({ path: file.path, line: entry.line, message });
      const inBrowser = entry.browser || isBrowserCode(file.path);
      if (entry.target === 'astro:content' && !ASTRO_CONTENT_READERS.test(file.path)) {
        say(
          'reads astro:content; only the live site model (src/features/handbook/site/) and src/content.config.ts may: take the handbook from the app context (`app.manifest()`) instead',
        );
        continue;
      }
      if (inBrowser && !entry.typeOnly) {
        const trail = notForBrowser(entry.target) ?? (notForBrowserTarget(entry.target) ? [entry.target] : undefined);
        if (isServerOnly(entry.target)) say(`browser code imports server-only ${entry.target}`);
        else if (trail) say(`browser code loads ${trail.join(' -> ')}`);
        if (isServerOnly(entry.target) || trail) continue;
      }
      if (!entry.target.startsWith('src/') && !entry.target.startsWith('cli/')) continue;
      const to = partOf(entry.target);
      // A <script> or a browser script may load another feature's browser.ts and browser scripts: its entries for the browser.
      if (inBrowser && BROWSER_ENTRY.test(entry.target)) continue;
      if (inBrowser && !entry.typeOnly && to.kind === 'feature' && (from.kind !== 'feature' || from.feature !== to.feature)) {
        say(`browser code imports ${entry.target}: import the ${to.feature} feature's browser.ts`);
        continue;
      }
      const problem = ruleBroken(file.path, from, entry, to, isEntry);
      if (problem) say(problem);
    }
  }
  problems.push(...cycles(files));
  return problems;
}

function ruleBroken(path: string, from: Part, entry: SourceImport, to: Part, isEntry: (path: string) => boolean): string | undefined {
  const target = entry.target;
  if (to.kind === 'route' && !(from.kind === 'route' && path.startsWith('src/pages/')))
    return `imports the route ${target}: routes are called by Astro, never imported`;
  if (to.kind === 'cli' && from.kind !== 'cli') return `imports the command-line tool ${target}`;
  switch (from.kind) {
    case 'kit':
      return to.kind === 'kit' ? undefined : `the kit imports ${target}: the kit knows no feature, server or build`;
    case 'feature': {
      if (to.kind === 'kit') return undefined;
      if (to.kind === 'server' && target === APP_CONTEXT && entry.typeOnly) return undefined;
      if (to.kind !== 'feature') return `a feature imports ${target}: features import the kit and features before them only`;
      if (to.feature === from.feature) {
        return isEntry(target) && !COMPONENT.test(target)
          ? `imports its own feature's entry ${target}: import the module itself`
          : undefined;
      }
      const order = (name: string) => FEATURE_ORDER.indexOf(name as (typeof FEATURE_ORDER)[number]);
      if (order(from.feature) < 0) return `the feature ${from.feature} is not in FEATURE_ORDER (cli/lib/import-rules.ts)`;
      if (order(to.feature) < 0 || order(to.feature) > order(from.feature)) {
        return `${from.feature} imports ${to.feature}, which comes after it (${FEATURE_ORDER.join(' < ')})`;
      }
      return isEntry(target)
        ? undefined
        : `imports ${target} from inside the ${to.feature} feature: import one of its entries (index.ts, server.ts, ...)`;
    }
    case 'server':
    case 'build':
    case 'route':
    case 'cli':
      if (to.kind === 'feature' && !isEntry(target))
        return `imports ${target} from inside the ${to.feature} feature: import one of its entries (index.ts, server.ts, ...)`;
      if (from.kind === 'route' && /^src\/kit\/server\/db\//.test(target))
        return `a route imports the database layer ${target}: call the feature's service`;
      if (from.kind !== 'route' && from.kind !== 'cli' && to.kind === 'build' && from.kind !== 'build')
        return `imports the build's ${target}`;
      return undefined;
    default:
      return undefined;
  }
}

/**
 * For each file, the first chain of imports by which running it loads something `stops` picks
 * (a Node module, say, or server code), if any. Type-only imports load nothing.
 */
function trails(files: readonly SourceFile[], stops: (target: string) => boolean): (path: string) => string[] | undefined {
  const imports = new Map(
    files.map((file) => [file.path, file.imports.filter((entry) => !entry.typeOnly && !entry.browser).map((entry) => entry.target)]),
  );
  const known = new Map<string, string[] | null>();
  const trailOf = (path: string): string[] | undefined => {
    const cached = known.get(path);
    if (cached !== undefined) return cached ?? undefined;
    known.set(path, null);
    for (const target of imports.get(path) ?? []) {
      const rest = stops(target) ? [target] : trailOf(target);
      if (rest) {
        known.set(path, [path, ...rest]);
        return [path, ...rest];
      }
    }
    return undefined;
  };
  return trailOf;
}

/**
 * Import cycles among the source files (Tarjan's strongly connected components), each reported
 * once. Type-only imports count, as a type shared both ways is a design cycle too; the one
 * exception is the app context's type, which the features take from the server that makes it.
 */
function cycles(files: readonly SourceFile[]): ImportProblem[] {
  const followed = (entry: SourceImport) =>
    (entry.target.startsWith('src/') || entry.target.startsWith('cli/')) && !(entry.typeOnly && entry.target === APP_CONTEXT);
  const edges = new Map(files.map((file) => [file.path, [...new Set(file.imports.filter(followed).map((entry) => entry.target))]]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: ImportProblem[] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) {
      const members = component.sort();
      found.push({ path: members[0] as string, line: 1, message: `import cycle among ${members.join(', ')}` });
    }
  };
  for (const file of [...edges.keys()].sort()) if (!index.has(file)) visit(file);
  return found;
}
