/**
 * Writes the browser search's word lists (lib/search/client-data.ts) next to Pagefind's index,
 * from the vocabulary of the server's search files, so both search paths correct typos against
 * the same words.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClientSearchData, clientDataFile } from '../lib/search/client-data.ts';
import { englishStopWordFilter, lunr, type SearchLanguage } from '../lib/search/languages.ts';
import type { SearchBundle } from '../lib/search/search-index.ts';
import { SEARCH_DIR } from '../lib/server/search-service.ts';
import { PAGEFIND_DIR } from './pagefind-index.ts';

export function writeClientSearchFiles(
  serverDir: string,
  clientDir: string,
  languages: string[],
  synonyms: readonly (readonly string[])[],
): void {
  for (const language of languages) {
    const bundle = JSON.parse(readFileSync(join(serverDir, SEARCH_DIR, `${language}.json`), 'utf8')) as SearchBundle;
    const data = clientSearchData(language as SearchLanguage, bundle.vocabulary, synonyms);
    writeFileSync(join(clientDir, PAGEFIND_DIR, clientDataFile(language)), JSON.stringify(data));
  }
}

// Short words are left out of the vocabulary (vocabulary.ts), so they are tried one by one.
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzäåöüßéèóąćęłńśźż'];
const SHORT_WORDS = [...LETTERS, ...LETTERS.flatMap((first) => LETTERS.map((second) => first + second))];

export function clientSearchData(
  language: SearchLanguage,
  vocabulary: [string, number][],
  synonyms: readonly (readonly string[])[],
): ClientSearchData {
  const isStopWord = stopWordTest(language);
  const stopWords = [...SHORT_WORDS, ...vocabulary.map(([word]) => word)].filter(isStopWord);
  return { language, synonyms: synonyms.map((group) => [...group]), stopWords, vocabulary };
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
