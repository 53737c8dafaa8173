import { describe, it } from 'vitest';
import remarkLeadHeading from '../../../../src/features/content/markdown/remark-lead-heading.ts';
import { caseName, expectOutput, fixtures, render } from './render.ts';

describe('remark-lead-heading', () => {
  for (const fixture of fixtures('remark-lead-heading')) {
    it(caseName(fixture), async () => {
      expectOutput(fixture, await render(fixture.input, { remark: remarkLeadHeading, path: fixture.inputPath }));
    });
  }
});
