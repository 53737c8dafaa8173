/**
 * The browser search's word list for one language (features/search/client-data.ts), made by the search
 * process from the vocabulary of the server's index (search-worker.ts), so both search paths
 * correct typos against the same words and add the same synonyms.
 */
import type { ClientSearchData, SearchBundle } from '../features/search/index.ts';
import { englishStopWordFilter, lunr, type SearchLanguage } from '../features/search/index.ts';

// Short words are left out of the vocabulary (vocabulary.ts), so they are tried one by one.
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzäåöüßéèóąćęłńśźż'];
const SHORT_WORDS = [...LETTERS, ...LETTERS.flatMap((first) => LETTERS.map((second) => first + second))];

/** @param synonyms the site's and the language's, as the index was built with (search-worker.ts) */
export function clientSearchData(language: SearchLanguage, bundle: SearchBundle, synonyms: string[][]): ClientSearchData {
  const { vocabulary, phrases = [] } = bundle;
  const isStopWord = stopWordTest(language);
  const stopWords = [...SHORT_WORDS, ...vocabulary.map(([word]) => word)].filter(isStopWord);
  return { language, synonyms, stopWords, vocabulary, phrases };
}

/** Whether the language's lunr pipeline drops a word as a stop word. */
function stopWordTest(language: SearchLanguage): (word: string) => boolean {
  const filter =
    language === 'en'
      ? englishStopWordFilter
      : (lunr as unknown as Record<string, { stopWordFilter: lunr.PipelineFunction }>)[language]?.stopWordFilter;
  if (!filter) return () => false;
  return (word) => filter(new lunr.Token(word, {}), 0, []) === undefined;
}
