/**
 * What the browser's search needs besides Pagefind's index to follow the same rules as the
 * server's (query.ts): the site's words for typo correction, the synonyms from knowhow.yaml,
 * and the language's stop words. One small public file per language, beside Pagefind's files,
 * written by the build (build/client-search-data.ts). Kept free of lunr: the browser loads it.
 */
import type { HeadingPlaces } from './merge-hits.ts';
import { SEARCH_LANGUAGES, type SearchLanguage } from './search-languages.ts';

export interface ClientSearchData {
  language: SearchLanguage;
  synonyms: string[][];
  /** The words the language's pipeline drops, among the site's words and every one- or two-letter word. */
  stopWords: string[];
  /** The site's words with their counts, most frequent first (vocabulary.ts). */
  vocabulary: [string, number][];
  /** The phrases of the synonym groups that some page has (phrases.ts). */
  phrases: string[];
}

/** Where the build writes Pagefind's files and ours beside them (build/pagefind-index.ts). */
export const PAGEFIND_PATH = '/pagefind/';

/** The primary language subtag of a page's `lang`, lower-cased: the word list's language. */
export function languageCode(lang: string): string {
  return (lang.split('-')[0] ?? lang).toLowerCase();
}

export function clientDataFile(language: string): string {
  return `knowhow-${language}.json`;
}

/**
 * What the result list shows of a page before its Pagefind fragment (text and headings) has
 * loaded: address, title, type, section and review due date, by Pagefind page id. With these the
 * list appears as soon as the pages are ranked; summary, snippet and section follow. Last, where
 * the title and the h2 and h3 headings are in the page's indexed text, in words, for ranking
 * (merge-hits.ts): the title's end, then for each heading the gap since the previous one's end
 * and its length.
 */
export type ResultCard = [url: string, title: string, type: string, section: string, reviewDue: string, places: number[]];
export type ResultCards = Record<string, ResultCard>;

/**
 * The id of the empty element that ends a page's title in its indexed text, after the aliases
 * and file name searched with it (features/site/layouts/ArticleLayout.astro).
 */
export const TITLE_END_ID = 'search-title-end';

/** A card's `places` for a page's title end and headings (in order): small numbers keep the file small. */
export function encodeHeadingPlaces({ titleEnd, headings }: HeadingPlaces): number[] {
  const places = [titleEnd];
  let end = titleEnd;
  for (const [start, headingEnd] of headings) {
    places.push(start - end, headingEnd - start);
    end = headingEnd;
  }
  return places;
}

/** A card's `places` as merge-hits.ts takes them (encodeHeadingPlaces undone). */
export function headingPlaces(places: number[]): HeadingPlaces {
  const titleEnd = places[0] ?? 0;
  const headings: [number, number][] = [];
  let end = titleEnd;
  for (let at = 1; at + 1 < places.length; at += 2) {
    const start = end + (places[at] as number);
    end = start + (places[at + 1] as number);
    headings.push([start, end]);
  }
  return { titleEnd, headings };
}

export function resultCardsFile(language: string): string {
  return `knowhow-cards-${language}.json`;
}

/**
 * The files the in-page search loads before it can answer on a page in `lang`: Pagefind's code
 * and WebAssembly, the word list and the result cards. Pages hint them to the browser
 * (features/search/components/SearchPreload.astro), so that a question asked as soon as a page has opened does
 * not wait for them. Pagefind's entry file is left out (Pagefind asks for it with a changing
 * query string), and so is its index metadata (its name carries a hash).
 */
export function preloadedSearchFiles(lang: string): { path: string; module?: true }[] {
  const code = languageCode(lang);
  return [
    { path: `${PAGEFIND_PATH}pagefind.js`, module: true },
    ...((SEARCH_LANGUAGES as readonly string[]).includes(code) ? [{ path: `${PAGEFIND_PATH}wasm.${code}.pagefind` }] : []),
    { path: `${PAGEFIND_PATH}${clientDataFile(code)}` },
    { path: `${PAGEFIND_PATH}${resultCardsFile(lang.toLowerCase())}` },
  ];
}
