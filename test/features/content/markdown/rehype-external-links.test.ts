import { describe, it } from 'vitest';
import rehypeExternalLinks, { type RehypeExternalLinksOptions } from '../../../../src/features/content/markdown/rehype-external-links.ts';
import { caseName, expectOutput, fixtures, render } from './render.ts';

describe('rehype-external-links', () => {
  for (const fixture of fixtures('rehype-external-links')) {
    it(caseName(fixture), async () => {
      const options = fixture.options as RehypeExternalLinksOptions;
      expectOutput(fixture, await render(fixture.input, { rehype: [rehypeExternalLinks, options], path: fixture.inputPath }));
    });
  }
});
