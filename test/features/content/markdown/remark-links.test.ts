import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentIndex } from '../../../../src/features/content/links.ts';
import { listFiles } from '../../../../src/features/content/scan.ts';
import remarkLinks, { type RemarkLinksOptions } from '../../../../src/features/content/markdown/remark-links.ts';
import { caseName, expectOutput, fixtures, PLUGIN_FIXTURES, render } from './render.ts';

// Every case is rendered as if it were this page of the fixture content folder.
const contentDir = join(PLUGIN_FIXTURES, 'remark-links', '_content');
const page = join(contentDir, 'procedures', 'issue-a-refund.md');
const options: RemarkLinksOptions = { contentDir, getIndex: () => buildContentIndex(listFiles(contentDir)) };

describe('remark-links', () => {
  for (const fixture of fixtures('remark-links')) {
    it(caseName(fixture), async () => {
      const html = await render(fixture.input, { remark: [remarkLinks, options], path: page, mdx: fixture.inputPath.endsWith('.mdx') });
      expectOutput(fixture, html);
    });
  }

  it('leaves the links of a file outside the content folder as written', async () => {
    const html = await render('[Refunds](../policies/refunds.md) ![Router](../images/router.svg)', {
      remark: [remarkLinks, options],
      path: join(PLUGIN_FIXTURES, 'remark-links', 'elsewhere', 'page.md'),
    });
    expect(html).toBe('<p><a href="../policies/refunds.md">Refunds</a> <img src="../images/router.svg" alt="Router"></p>');
  });
});
