/**
 * The page renderer leaves out two steps of Astro's Markdown processor (render-page.ts). It must
 * produce the same pages: every page of the sample content and of the fixture site is rendered
 * both ways and compared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../src/features/content/frontmatter.ts';
import { listFiles } from '../../../../src/features/content/scan.ts';
import { markdownPipeline, SYNTAX_HIGHLIGHT } from '../../../../src/features/content/markdown/markdown-pipeline.ts';
import { createPageRenderer } from '../../../../src/features/content/markdown/render-page.ts';

const folders = {
  'the sample content': fileURLToPath(new URL('../../../../content/', import.meta.url)),
  'the fixture site': fileURLToPath(new URL('../../../fixtures/site/', import.meta.url)),
};

describe('createPageRenderer', () => {
  for (const [name, folder] of Object.entries(folders)) {
    it(`renders every page of ${name} exactly as Astro's processor does`, async () => {
      const astro = await createMarkdownProcessor({ ...markdownPipeline(folder), syntaxHighlight: SYNTAX_HIGHLIGHT });
      const render = createPageRenderer(folder);
      const files = listFiles(folder).filter((file) => file.endsWith('.md'));
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        const { body } = splitFrontMatter(readFileSync(join(folder, file), 'utf8'));
        const expected = await astro.render(body, { fileURL: pathToFileURL(join(folder, file)), frontmatter: {} });
        const actual = await render(body, join(folder, file));
        expect(actual.html, file).toBe(expected.code);
        expect(actual.frontmatter, file).toEqual(expected.metadata.frontmatter);
      }
    });
  }

  it('balances raw HTML as Astro does, so a stray tag cannot break the page', async () => {
    const folder = folders['the fixture site'];
    const astro = await createMarkdownProcessor({ ...markdownPipeline(folder), syntaxHighlight: SYNTAX_HIGHLIGHT });
    const body = 'Text <div class="note">unclosed\n\nMore <b>bold.\n';
    const expected = await astro.render(body, { fileURL: pathToFileURL(join(folder, 'page.md')), frontmatter: {} });
    const { html } = await createPageRenderer(folder)(body, join(folder, 'page.md'));
    expect(html).toBe(expected.code);
    expect(html).toContain('</b></p></div>');
  });
});
