/**
 * The titles of the built sample site's pages (test/.output/sample), in each language, from the
 * server's search files: for the tests that search each page by its title.
 */
import { readFileSync } from 'node:fs';
import { titleKey } from '../../src/features/search/coverage.ts';
import type { SearchBundle } from '../../src/features/search/index.ts';
import { SAMPLE_DIST } from './fixture-site.ts';

export const SAMPLE_LANGUAGES = ['en', 'de', 'pl', 'fi', 'sv'] as const;

export interface TitledPage {
  title: string;
  url: string;
  lang: string;
  /** Every page of the site, in any language, with the same title (titleKey), this one included. */
  sameTitle: string[];
}

/** Each page of the built sample, by language. */
export function samplePages(): Record<string, TitledPage[]> {
  const documents = SAMPLE_LANGUAGES.flatMap((lang) => {
    const bundle = JSON.parse(readFileSync(`${SAMPLE_DIST}server/search/${lang}.json`, 'utf8')) as SearchBundle;
    return bundle.documents.map((document) => ({ title: document.title, url: document.url, lang }));
  });
  const byTitle = Map.groupBy(documents, (document) => titleKey(document.title));
  return Object.fromEntries(
    SAMPLE_LANGUAGES.map((lang) => [
      lang,
      documents
        .filter((document) => document.lang === lang)
        .map((document) => ({ ...document, sameTitle: (byTitle.get(titleKey(document.title)) ?? []).map(({ url }) => url) })),
    ]),
  );
}

/** A page's title as an agent might type it: lower case, without diacritics, a question mark after it. */
export function typedTitle(title: string): string {
  return `${title.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').toLowerCase()}?`;
}
