/**
 * The render cache decides which pages a build renders again: a wrong key serves stale HTML,
 * so each rule that changes a key is tested here.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlPath, readOutline, renderCacheDir, renderKeys, renderPages } from '../../src/build/render-cache.ts';
import { batchSize, defaultWorkerCount } from '../../src/build/render-pool.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';

const root = PROJECT_ROOT.replace(/\/$/, '');
const folders: string[] = [];
function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('renderPages', () => {
  it('renders each page once, then again only when its source changes', async () => {
    const content = tempFolder('knowhow-content-');
    const cache = tempFolder('knowhow-cache-');
    writeFileSync(join(content, 'a.md'), '# A\n\nSee [b](b.md#details).\n');
    writeFileSync(join(content, 'b.md'), '# B\n\n## Details\n\nText.\n');

    const first = await renderPages(root, content, cache);
    expect(first.rendered).toBe(2);
    expect(first.failures).toEqual([]);
    const keyOfA = first.keys.get('a.md') as string;
    expect(readFileSync(htmlPath(renderCacheDir(cache), keyOfA), 'utf8')).toBe('<p>See <a href="/b/#details">b</a>.</p>');
    expect(readOutline(renderCacheDir(cache), keyOfA).leadHeading?.text).toBe('A');

    expect((await renderPages(root, content, cache)).rendered).toBe(0);

    writeFileSync(join(content, 'b.md'), '# B\n\n## Details\n\nNew text.\n');
    const afterEdit = await renderPages(root, content, cache);
    expect(afterEdit.rendered).toBe(1);
    expect(afterEdit.keys.get('a.md')).toBe(keyOfA);
  });

  it('renders every page again when a file is added, because links may now resolve', async () => {
    const content = tempFolder('knowhow-content-');
    const cache = tempFolder('knowhow-cache-');
    writeFileSync(join(content, 'a.md'), 'See [the new page](new.md).\n');
    const before = await renderPages(root, content, cache);
    expect(readFileSync(htmlPath(renderCacheDir(cache), before.keys.get('a.md') as string), 'utf8')).toContain('href="new.md"');

    writeFileSync(join(content, 'new.md'), '# New\n');
    const after = await renderPages(root, content, cache);
    expect(after.rendered).toBe(2);
    expect(readFileSync(htmlPath(renderCacheDir(cache), after.keys.get('a.md') as string), 'utf8')).toContain('href="/new/"');
  });

  it('removes the cached versions of pages that changed', async () => {
    const content = tempFolder('knowhow-content-');
    const cache = tempFolder('knowhow-cache-');
    writeFileSync(join(content, 'a.md'), 'One.\n');
    const old = (await renderPages(root, content, cache)).keys.get('a.md') as string;
    writeFileSync(join(content, 'a.md'), 'Two.\n');
    await renderPages(root, content, cache);
    expect(() => readFileSync(htmlPath(renderCacheDir(cache), old))).toThrow();
  });
});

describe('render processes', () => {
  it('renders every page of a folder too big to render in the build process, and link them', async () => {
    const content = tempFolder('knowhow-content-');
    const cache = tempFolder('knowhow-cache-');
    const count = 90;
    for (let page = 0; page < count; page++)
      writeFileSync(
        join(content, `page-${page}.md`),
        `# Page ${page}\n\nNext: [page ${(page + 1) % count}](page-${(page + 1) % count}.md).\n`,
      );

    const result = await renderPages(root, content, cache);
    expect(result.rendered).toBe(count);
    expect(result.failures).toEqual([]);
    const last = readFileSync(htmlPath(renderCacheDir(cache), result.keys.get(`page-${count - 1}.md`) as string), 'utf8');
    expect(last).toBe('<p>Next: <a href="/page-0/">page 0</a>.</p>');
  });

  it('sends pages in batches that shrink to one as the work runs out', () => {
    expect(batchSize(883, 2)).toBe(16);
    expect(batchSize(40, 2)).toBe(5);
    expect(batchSize(3, 2)).toBe(1);
    expect(batchSize(1, 8)).toBe(1);
  });
});

describe("the key of the renderer's code", () => {
  /**
   * A copy of the project's source to edit, with its packages linked from node_modules; satteri,
   * which the renderer imports, as a bare package.json whose version a test may change.
   */
  function projectCopy(): string {
    const copy = tempFolder('knowhow-project-');
    cpSync(join(root, 'src'), join(copy, 'src'), { recursive: true });
    mkdirSync(join(copy, 'node_modules/satteri'), { recursive: true });
    for (const name of readdirSync(join(root, 'node_modules')).filter((name) => name !== 'satteri'))
      symlinkSync(join(root, 'node_modules', name), join(copy, 'node_modules', name));
    cpSync(join(root, 'node_modules/satteri/package.json'), join(copy, 'node_modules/satteri/package.json'));
    return copy;
  }
  function keyOf(project: string): string {
    const content = tempFolder('knowhow-content-');
    writeFileSync(join(content, 'a.md'), '# A\n\nText.\n');
    return renderKeys(project, content).get('a.md') as string;
  }
  function edit(project: string, file: string, change: (source: string) => string): void {
    writeFileSync(join(project, file), change(readFileSync(join(project, file), 'utf8')));
  }

  it('is the same for a copy of the project elsewhere', () => {
    expect(keyOf(projectCopy())).toBe(keyOf(root));
  });

  it('changes with a module the renderer imports from outside src/features/content', () => {
    const project = projectCopy();
    const before = keyOf(project);
    // Imported by the content feature for review dates.
    edit(project, 'src/kit/calendar.ts', (source) => `${source}\nexport const ADDED = 1;\n`);
    expect(keyOf(project)).not.toBe(before);
  });

  it('changes with the installed version of a package the renderer imports', () => {
    const project = projectCopy();
    const before = keyOf(project);
    edit(project, 'node_modules/satteri/package.json', (source) => source.replace(/"version": "[^"]*"/, '"version": "99.0.0"'));
    expect(keyOf(project)).not.toBe(before);
  });

  it('is computed with subfolders in src/features/content/markdown and src/features/content, which count once imported', () => {
    const project = projectCopy();
    const before = keyOf(project);
    mkdirSync(join(project, 'src/features/content/markdown/helpers'));
    writeFileSync(join(project, 'src/features/content/markdown/helpers/quote.ts'), "export const QUOTE = '>';\n");
    mkdirSync(join(project, 'src/features/content/drafts'));
    expect(keyOf(project)).toBe(before);

    edit(project, 'src/features/content/markdown/walk.ts', (source) => `import './helpers/quote.ts';\n${source}`);
    const importing = keyOf(project);
    expect(importing).not.toBe(before);
    writeFileSync(join(project, 'src/features/content/markdown/helpers/quote.ts'), "export const QUOTE = '|';\n");
    expect(keyOf(project)).not.toBe(importing);
  });

  it('stays the same when code the renderer does not load changes', () => {
    const project = projectCopy();
    const before = keyOf(project);
    edit(project, 'src/kit/server/errors.ts', (source) => `${source}\nexport const UNUSED = 1;\n`);
    edit(project, 'src/features/search/query.ts', (source) => `${source}\nexport const UNUSED = 1;\n`);
    edit(project, 'src/pages/index.astro', (source) => `${source}\n<p>New.</p>\n`);
    writeFileSync(join(project, 'src/features/content/unused.ts'), 'export const UNUSED = 1;\n');
    // The renderer imports only types from render-protocol.ts, and types are erased before the code runs.
    edit(project, 'src/build/render-protocol.ts', (source) => `${source}\nexport type Unused = string;\n`);
    expect(keyOf(project)).toBe(before);
  });
});

describe('KNOWHOW_RENDER_WORKERS', () => {
  it('takes a whole number, and stops the build on anything else rather than guessing', () => {
    expect(defaultWorkerCount('3')).toBe(3);
    expect(defaultWorkerCount(undefined)).toBeGreaterThanOrEqual(1);
    expect(defaultWorkerCount('')).toBeGreaterThanOrEqual(1);
    expect(() => defaultWorkerCount('four')).toThrow(
      'KNOWHOW_RENDER_WORKERS is "four": write a whole number from 1 to 64, or leave it unset for one per core (at most 8).',
    );
    expect(() => defaultWorkerCount('0')).toThrow(/whole number from 1 to 64/);
  });
});
