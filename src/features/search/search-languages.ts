/**
 * The languages search stems and filters stop words for, and how a page's `lang` maps to one.
 * Free of lunr (languages.ts), so that the browser's code can use it.
 */
export const SEARCH_LANGUAGES = ['en', 'de', 'fi', 'sv', 'pl'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

/** The language a page's `lang` searches in: its primary subtag when supported, else English. */
export function searchLanguage(lang: string): SearchLanguage {
  const primary = lang.toLowerCase().split('-')[0] as SearchLanguage;
  return SEARCH_LANGUAGES.includes(primary) ? primary : 'en';
}
