import { describe, expect, it } from 'vitest';
import { mergeLanguages } from '../../src/lib/search/merge-languages.ts';

const hit = (url: string, lang: string, score: number) => ({ url, lang, score });

describe('mergeLanguages', () => {
  const english = [hit('/refunds/', 'en', 12), hit('/billing/', 'en', 3.1)];
  const german = [hit('/de/refunds/', 'de', 30), hit('/de/billing/', 'de', 3.14)];
  const polish = [hit('/pl/refunds/', 'pl', 3.12)];

  it('merges the languages’ answers by score, up to the limit', () => {
    expect(mergeLanguages([english, german, polish], 'en', 3).map((found) => found.url)).toEqual([
      '/de/refunds/',
      '/refunds/',
      '/billing/',
    ]);
  });

  it('puts the reader’s language first at equal relevance (two significant digits), then the order given', () => {
    expect(mergeLanguages([english, german, polish], 'pl-PL', 10).map((found) => found.url)).toEqual([
      '/de/refunds/',
      '/refunds/',
      '/pl/refunds/',
      '/billing/',
      '/de/billing/',
    ]);
    expect(
      mergeLanguages([english, german, polish], 'de', 10)
        .map((found) => found.url)
        .slice(2),
    ).toEqual(['/de/billing/', '/billing/', '/pl/refunds/']);
  });

  it('keeps a clearly better page first whatever its language', () => {
    expect(mergeLanguages([english, polish], 'pl', 1)[0]?.url).toBe('/refunds/');
  });
});
