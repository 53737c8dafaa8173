/**
 * Polish word forms for the in-page search: the browser's stemmer is the server's (the sample's
 * Polish pages stem alike on both), and a word is searched as the site's forms of its stem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../../src/features/content/scan.ts';
import { lunr } from '../../../src/features/search/lunr-languages.ts';
import { polishStem } from '../../../src/features/search/polish-stemmer.ts';
import { tokenize } from '../../../src/features/search/query.ts';
import { MAX_FORMS, searchedForms, wordForms } from '../../../src/features/search/word-forms.ts';
import { SAMPLE_CONTENT } from '../../helpers/fixture-site.ts';

/** The stem lunr's Polish pipeline gives the server's index. */
function serverStem(word: string): string {
  const { stemmer } = (lunr as unknown as { pl: { stemmer: lunr.PipelineFunction } }).pl;
  return String(stemmer(new lunr.Token(word, {}), 0, []));
}

describe('the browser’s Polish stemmer', () => {
  it('stems every word of the sample’s Polish pages as the server’s index does', () => {
    const files = listFiles(SAMPLE_CONTENT).filter((file) => /\.pl\.mdx?$/.test(file));
    expect(files.length).toBeGreaterThan(3);
    const words = new Set(files.flatMap((file) => tokenize(readFileSync(`${SAMPLE_CONTENT}${file}`, 'utf8'))));
    expect(words.size).toBeGreaterThan(500);
    const differ = [...words].filter((word) => polishStem(word) !== serverStem(word));
    expect(differ).toEqual([]);
    expect(polishStem('zwrotu')).toBe(polishStem('zwrot'));
    expect(polishStem('reklamacji')).toBe(polishStem('reklamacja'));
  });
});

describe('wordForms', () => {
  const forms = wordForms(['zwrot', 'zwroty', 'klient', 'zwrotu', 'reklamacja', 'klienta', 'zwrotów'], polishStem);

  it('gives the site’s words with the typed word’s stem, most used first, even for a form no page uses', () => {
    expect(forms.of('zwrotami')).toEqual(['zwrot', 'zwroty', 'zwrotu', 'zwrotów']);
    expect(forms.of('reklamacji')).toEqual(['reklamacja']);
    expect(forms.of('faktura')).toEqual([]);
  });

  it(`keeps at most ${MAX_FORMS} forms of a stem`, () => {
    const many = wordForms(['ab', 'aba', 'abu', 'aby', 'abą', 'abę', 'abie', 'abom', 'abami'], (word) => word.slice(0, 2));
    expect(many.of('ab')).toHaveLength(MAX_FORMS);
  });
});

describe('searchedForms', () => {
  it('searches a form once when a shorter one starts it: Pagefind matches word beginnings', () => {
    expect(searchedForms(['zwrotu', 'zwrot', 'zwroty', 'zwrotów'])).toEqual(['zwrot']);
    expect(searchedForms(['reklamacji', 'reklamację', 'reklamacja', 'reklamacji'])).toEqual(['reklamacji', 'reklamację', 'reklamacja']);
  });
});
