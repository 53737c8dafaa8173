import { describe, expect, it } from 'vitest';
import { outlineOf, parseMarkdown } from '../../../../src/features/content/outline.ts';
import rehypeHeadingLinks from '../../../../src/features/content/markdown/rehype-heading-links.ts';
import { caseName, expectOutput, fixtures, render } from './render.ts';

describe('rehype-heading-links', () => {
  for (const fixture of fixtures('rehype-heading-links')) {
    it(caseName(fixture), async () => {
      expectOutput(fixture, await render(fixture.input, { rehype: rehypeHeadingLinks, path: fixture.inputPath }));
    });
  }

  it('gives headings the ids the content check knows as their anchors', async () => {
    const markdown = [
      'Refund window',
      'Refunds & returns: what *not* to do?',
      'The `refund` command',
      'Example',
      'Example',
      'Example 1',
      'Über uns',
      'What next →',
      'Use {braces} here',
    ]
      .map((text) => `## ${text}`)
      .join('\n\n');
    const html = await render(markdown, { rehype: rehypeHeadingLinks, path: '/content/page.md' });
    const ids = [...html.matchAll(/<h2 id="([^"]*)"/g)].map((match) => match[1]);
    expect(ids).toEqual(outlineOf(parseMarkdown(markdown)).headings.map((heading) => heading.slug));
    expect(ids).toEqual([
      'refund-window',
      'refunds--returns-what-not-to-do',
      'the-refund-command',
      'example',
      'example-1',
      'example-1-1',
      'über-uns',
      'what-next-',
      'use-braces-here',
    ]);
  });
});
