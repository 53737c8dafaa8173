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
import type { SearchLanguage } from './search-languages.ts';

export { SEARCH_LANGUAGES, type SearchLanguage, searchLanguage } from './search-languages.ts';

stemmerSupport(lunr);
for (const register of [german, finnish, swedish, polish]) register(lunr);

export { lunr };

/** The lunr plugin that sets up a language's pipeline; English needs none. */
export function languagePlugin(language: SearchLanguage): lunr.Builder.Plugin | undefined {
  return language === 'en' ? undefined : ((lunr as unknown as Record<string, lunr.Builder.Plugin>)[language] as lunr.Builder.Plugin);
}

/**
 * English stop words: lunr's list without the short words that carry meaning in support
 * questions ("time off", "on call", "all hands", "no signal", "not working", "log out").
 */
const ENGLISH_STOP_WORDS =
  'a able about across after almost also am among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither nor of often only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom why will with would yet you your'.split(
    ' ',
  );

export const englishStopWordFilter = lunr.generateStopWordFilter(ENGLISH_STOP_WORDS);
// Registered by name, so an index saved with it loads again (lunr.Index.load).
lunr.Pipeline.registerFunction(englishStopWordFilter, 'knowhowStopWordFilterEn');
