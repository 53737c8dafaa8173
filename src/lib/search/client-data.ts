/**
 * What the browser's search needs besides Pagefind's index to follow the same rules as the
 * server's (query.ts): the site's words for typo correction, the synonyms from knowhow.yaml,
 * and the language's stop words. One small public file per language, beside Pagefind's files,
 * written by the build (integrations/client-search-data.ts). Kept free of lunr: the browser loads it.
 */
import type { SearchLanguage } from './languages.ts';

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

export function clientDataFile(language: string): string {
  return `knowhow-${language}.json`;
}

/**
 * What the result list shows of a page before its Pagefind fragment (text and headings) has
 * loaded: address, title, type, section and review due date, by Pagefind page id. With these the
 * list appears as soon as the pages are ranked; summary, snippet and section follow.
 */
export type ResultCard = [url: string, title: string, type: string, section: string, reviewDue: string];
export type ResultCards = Record<string, ResultCard>;

export function resultCardsFile(language: string): string {
  return `knowhow-cards-${language}.json`;
}
