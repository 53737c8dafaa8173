import { describe, it } from 'vitest';
import remarkCallouts from '../../../../src/features/content/markdown/remark-callouts.ts';
import { caseName, expectOutput, fixtures, render } from './render.ts';

describe('remark-callouts', () => {
  for (const fixture of fixtures('remark-callouts')) {
    it(caseName(fixture), async () => {
      expectOutput(fixture, await render(fixture.input, { remark: remarkCallouts, path: fixture.inputPath }));
    });
  }
});
