/**
 * lunr with the stemmers and stop words of each language the site may be written in. English
 * is lunr's own; German, Finnish, Swedish and Polish come from lunr-languages. One index per
 * language: a mixed index mixes stemmers and finds false matches across languages.
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import german from 'lunr-languages/lunr.de.js';
import finnish from 'lunr-languages/lunr.fi.js';
import polish from 'lunr-languages/lunr.pl.js';
import swedish from 'lunr-languages/lunr.sv.js';

export const SEARCH_LANGUAGES = ['en', 'de', 'fi', 'sv', 'pl'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

stemmerSupport(lunr);
for (const register of [german, finnish, swedish, polish]) register(lunr);

export { lunr };

/** The language a page's `lang` searches in: its primary subtag when supported, else English. */
export function searchLanguage(lang: string): SearchLanguage {
  const primary = lang.toLowerCase().split('-')[0] as SearchLanguage;
  return SEARCH_LANGUAGES.includes(primary) ? primary : 'en';
}

/** The lunr plugin that sets up a language's pipeline; English needs none. */
export function languagePlugin(language: SearchLanguage): lunr.Builder.Plugin | undefined {
  return language === 'en' ? undefined : ((lunr as unknown as Record<string, lunr.Builder.Plugin>)[language] as lunr.Builder.Plugin);
}
