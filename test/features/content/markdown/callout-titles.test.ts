import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/kit/i18n/index.ts';
import { translateCalloutTitles } from '../../../../src/features/content/markdown/callout-titles.ts';
import { createPageRenderer } from '../../../../src/features/content/markdown/render-page.ts';

const render = createPageRenderer(process.cwd(), () => ({ files: new Set(), dirs: new Set() }) as never);

describe('callout titles in the page language', () => {
  it("gives a callout without a title of its own the language's word, and leaves an author's title alone", async () => {
    const { html } = await render(':::say\nHallo.\n:::\n\n:::warning[Vorsicht]\nText.\n:::\n', `${process.cwd()}/page.md`);
    const german = translateCalloutTitles(html, translate('de'));
    expect(german).toContain('aria-label="So sagen Sie es dem Kunden"');
    expect(german).toMatch(/<\/svg>So sagen Sie es dem Kunden<\/p>/);
    expect(german).toContain('aria-label="Vorsicht"');
    expect(translateCalloutTitles(html, translate('en'))).toBe(html);
  });
});
