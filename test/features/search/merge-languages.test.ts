import { describe, expect, it } from 'vitest';
import { mergeLanguages } from '../../../src/features/search/merge-languages.ts';

const hit = (url: string, lang: string, score: number) => ({ url, lang, score });

describe('mergeLanguages', () => {
  const english = [hit('/refunds/', 'en', 12), hit('/billing/', 'en', 3.1)];
  const german = [hit('/de/refunds/', 'de', 30), hit('/de/billing/', 'de', 3.14)];
  const polish = [hit('/pl/refunds/', 'pl', 3.12)];

  it('merges the languages’ answers by score, up to the limit', () => {
    expect(mergeLanguages([english, german, polish], 'en', 3, 'refund').map((found) => found.url)).toEqual([
      '/de/refunds/',
      '/refunds/',
      '/billing/',
    ]);
  });

  it('puts the reader’s language first at equal relevance (within 2%), then the order given', () => {
    expect(mergeLanguages([english, german, polish], 'pl-PL', 10, 'refund').map((found) => found.url)).toEqual([
      '/de/refunds/',
      '/refunds/',
      '/pl/refunds/',
      '/billing/',
      '/de/billing/',
    ]);
    expect(
      mergeLanguages([english, german, polish], 'de', 10, 'refund')
        .map((found) => found.url)
        .slice(2),
    ).toEqual(['/de/billing/', '/billing/', '/pl/refunds/']);
  });

  it('counts scores either side of a rounding edge as equal', () => {
    const edge = [
      [hit('/de/x/', 'de', 21.504)],
      [hit('/fi/x/', 'fi', 21.528)],
      [hit('/pl/x/', 'pl', 21.496)],
      [hit('/sv/x/', 'sv', 21.48)],
    ];
    expect(mergeLanguages(edge, 'pl', 4, 'refund').map((found) => found.url)).toEqual(['/pl/x/', '/de/x/', '/fi/x/', '/sv/x/']);
    expect(mergeLanguages(edge, 'sv', 1, 'refund').map((found) => found.url)).toEqual(['/sv/x/']);
  });

  it('keeps a clearly better page first whatever its language', () => {
    expect(mergeLanguages([english, polish], 'pl', 1, 'refund')[0]?.url).toBe('/refunds/');
  });

  it('puts the pages titled the question first, the reader’s language first among them, then the others by score', () => {
    const titled = (url: string, lang: string, score: number, title: string) => ({ url, lang, score, title });
    const answers = [
      [titled('/complaints/', 'en', 50, 'Handling complaints'), titled('/policy/', 'en', 20, 'Complaint handling')],
      [titled('/sv/policy/', 'sv', 10, 'Complaint handling'), titled('/sv/other/', 'sv', 30, 'Klagomål')],
    ];
    expect(mergeLanguages(answers, 'en', 4, 'complaint handling?').map((found) => found.url)).toEqual([
      '/policy/',
      '/sv/policy/',
      '/complaints/',
      '/sv/other/',
    ]);
    expect(mergeLanguages(answers, 'sv', 2, 'Complaint  Handling').map((found) => found.url)).toEqual(['/sv/policy/', '/policy/']);
    expect(mergeLanguages(answers, 'en', 2, 'complaint').map((found) => found.url)).toEqual(['/complaints/', '/sv/other/']);
  });
});
