import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Outline } from '../../../../src/features/content/outline.ts';
import remarkOutline, { OUTLINE_KEY } from '../../../../src/features/content/markdown/remark-outline.ts';

/** Runs the plugin on the parsed page, as the pipeline does, and returns the VFile it recorded on. */
async function run(markdown: string, { mdx = false, frontmatter }: { mdx?: boolean; frontmatter?: Record<string, unknown> } = {}) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(mdx ? [remarkMdx] : [])
    .use(remarkOutline);
  const file = new VFile({ value: markdown, path: mdx ? '/content/page.mdx' : '/content/page.md' });
  if (frontmatter) file.data.astro = { frontmatter };
  await processor.run(processor.parse(file), file);
  return file;
}

async function outline(markdown: string, options: { mdx?: boolean } = {}): Promise<Outline> {
  const file = await run(markdown, options);
  return file.data.astro?.frontmatter?.[OUTLINE_KEY] as Outline;
}

describe('remark-outline', () => {
  it('records the leading h1 as the lead heading, with its line', async () => {
    const result = await outline('\n# Refunds and returns\n\nCustomers get their money back within 30 days.\n');
    expect(result.leadHeading).toEqual({ text: 'Refunds and returns', line: 2 });
    expect(result.headings).toEqual([]);
  });

  it('has no lead heading when the first heading is not an h1', async () => {
    const result = await outline('## Refund window\n\n# Returns\n');
    expect(result.leadHeading).toBeUndefined();
    expect(result.headings.map((heading) => [heading.depth, heading.text])).toEqual([
      [2, 'Refund window'],
      [1, 'Returns'],
    ]);
  });

  it('takes the lead heading after a paragraph, as long as no heading comes first', async () => {
    const result = await outline('![Acme](logo.svg)\n\n# Refunds and returns\n');
    expect(result.leadHeading).toEqual({ text: 'Refunds and returns', line: 3 });
  });

  it('takes the first paragraph of at least 20 characters as the summary', async () => {
    const result = await outline(
      [
        '# Refunds',
        '',
        'Updated daily.',
        '',
        'Customers get their money back',
        'within **30 days** of delivery.',
        '',
        'Later paragraph.',
      ].join('\n'),
    );
    expect(result.firstParagraph).toBe('Customers get their money back within 30 days of delivery.');
  });

  it('skips a paragraph that is only an image or a badge', async () => {
    const result = await outline('![Logo](logo.svg) ![CI](https://ci.example/b.svg)\n\nCustomers get their money back within 30 days.\n');
    expect(result.firstParagraph).toBe('Customers get their money back within 30 days.');
  });

  it('has no summary when every paragraph is short', async () => {
    expect((await outline('# Refunds\n\nSee below.\n\n## Window\n\nThirty days.\n')).firstParagraph).toBeUndefined();
  });

  it('gives headings the GitHub slugs that heading links use, numbering repeats', async () => {
    const result = await outline(
      [
        '# Refunds',
        '',
        '## Refund window',
        '## Refunds & returns: what *not* to do?',
        '### The `refund` command',
        '## Example',
        '## Example',
        '## Über uns',
        '#### Step 1. Call',
      ].join('\n'),
    );
    expect(result.headings).toEqual([
      { depth: 2, text: 'Refund window', slug: 'refund-window', line: 3 },
      { depth: 2, text: 'Refunds & returns: what not to do?', slug: 'refunds--returns-what-not-to-do', line: 4 },
      { depth: 3, text: 'The refund command', slug: 'the-refund-command', line: 5 },
      { depth: 2, text: 'Example', slug: 'example', line: 6 },
      { depth: 2, text: 'Example', slug: 'example-1', line: 7 },
      { depth: 2, text: 'Über uns', slug: 'über-uns', line: 8 },
      { depth: 4, text: 'Step 1. Call', slug: 'step-1-call', line: 9 },
    ]);
  });

  it('does not give the lead heading a slug, so a later heading of the same words keeps the plain one', async () => {
    const result = await outline('# Refunds\n\n## Refunds\n');
    expect(result.headings).toEqual([{ depth: 2, text: 'Refunds', slug: 'refunds', line: 3 }]);
  });

  it('lists links and images with their lines and labels, wherever they are', async () => {
    const result = await outline(
      [
        '# Refunds',
        '',
        'See [the refund window](../policies/refunds.md#refund-window).',
        '',
        '- [Escalate](escalations/)',
        '- ![Router lights](../images/router.svg)',
        '',
        ':::warning',
        'Email [support](mailto:support@acme.example).',
        ':::',
        '',
        '| Step | Where |',
        '| ---- | ----- |',
        '| 1    | <https://status.example.com> |',
      ].join('\n'),
    );
    expect(result.links).toEqual([
      { url: '../policies/refunds.md#refund-window', line: 3, label: 'the refund window' },
      { url: 'escalations/', line: 5, label: 'Escalate' },
      { url: 'mailto:support@acme.example', line: 9, label: 'support' },
      { url: 'https://status.example.com', line: 14, label: 'https://status.example.com' },
    ]);
    expect(result.images).toEqual([{ url: '../images/router.svg', line: 6, label: 'Router lights' }]);
  });

  it('reads MDX pages', async () => {
    const result = await outline(
      '# Refunds\n\n<Badge text="new" />\n\nCustomers have {days} days: see [the window](refunds.md#window).\n',
      {
        mdx: true,
      },
    );
    expect(result.leadHeading).toEqual({ text: 'Refunds', line: 1 });
    expect(result.links).toEqual([{ url: 'refunds.md#window', line: 5, label: 'the window' }]);
  });

  it('keeps the front matter Astro has already read', async () => {
    const file = await run('# Refunds\n', { frontmatter: { title: 'Refunds and returns' } });
    expect(file.data.astro?.frontmatter).toMatchObject({
      title: 'Refunds and returns',
      [OUTLINE_KEY]: { leadHeading: { text: 'Refunds' } },
    });
  });

  it('takes the summary from the first paragraph of the page, not an image, alt text or a callout title', async () => {
    const imageFirst = await outline(
      '![Diagram of the refund approval workflow](flow.svg)\n\nCustomers get their money back within 30 days.\n',
    );
    expect(imageFirst.firstParagraph).toBe('Customers get their money back within 30 days.');
    const calloutFirst = await outline(
      ':::warning[Before you refund the customer]\nCheck.\n:::\n\nCustomers get their money back within 30 days.\n',
    );
    expect(calloutFirst.firstParagraph).toBe('Customers get their money back within 30 days.');
  });

  it('records reference-style links and images through their definitions', async () => {
    const result = await outline(
      'Read the [refund policy][refunds] and ![router][img].\n\n[refunds]: ../policies/gone.md\n[img]: ../images/gone.svg\n',
    );
    expect(result.links).toEqual([{ url: '../policies/gone.md', line: 1, label: 'refund policy' }]);
    expect(result.images).toEqual([{ url: '../images/gone.svg', line: 1, label: 'router' }]);
  });

  it('makes heading anchors exactly as the rendered ids, without raw HTML or image alt text', async () => {
    const result = await outline('## Refunds <small>new</small>\n\n## ![icon](i.svg) Returns\n');
    expect(result.headings.map((heading) => heading.slug)).toEqual(['refunds-new', '-returns']);
  });

  it('takes as the title the same heading the renderer drops: the first top-level heading', async () => {
    const result = await outline(':::note\n## Outdated\n:::\n\n# Refunds\n\nBody text that is long enough.\n');
    expect(result.leadHeading?.text).toBe('Refunds');
    expect(result.headings.map((heading) => heading.text)).toEqual(['Outdated']);
  });
});
