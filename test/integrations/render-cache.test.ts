/**
 * The render cache decides which pages a build renders again: a wrong key serves stale HTML,
 * so each rule that changes a key is tested here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlPath, readOutline, renderCacheDir, renderPages } from '../../src/integrations/render-cache.ts';
import { batchSize } from '../../src/integrations/render-pool.ts';
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
