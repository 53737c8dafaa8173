/**
 * Polish word forms for npm run bench:search: each of the pages' Polish words, searched alone,
 * should find the pages that write the same word in another form only ("zwrotu" the pages that
 * have only "zwrot" or "zwroty"), as the server's stemmed index does. The pairs come from the
 * pages themselves: the forms that share a stem (the server's Polish stemmer).
 */
import { polishStem, tokenize } from '../../src/features/search/index.ts';
import type { SearchBundle } from '../../src/features/search/index.ts';

export interface FormQuestion {
  /** One word, as some page writes it. */
  q: string;
  /** The pages that have a word with its stem but not the word itself (nor a word starting with it). */
  otherForms: string[];
}

/** @param limit at most this many questions, from the most used words down */
export function polishFormQuestions(bundle: SearchBundle, stopWords: Iterable<string>, limit: number): FormQuestion[] {
  const dropped = new Set(stopWords);
  const pageWords = bundle.documents.map((document) => ({
    url: document.url,
    words: new Set(
      tokenize(
        [
          document.title,
          document.summary,
          ...document.aliases,
          ...document.sections.map((section) => `${section.heading} ${section.text}`),
        ].join(' '),
      ),
    ),
  }));
  const questions: FormQuestion[] = [];
  for (const [word] of bundle.vocabulary) {
    if (dropped.has(word) || /\d/.test(word)) continue;
    const stem = polishStem(word);
    const otherForms = pageWords
      .filter(({ words }) => ![...words].some((other) => other.startsWith(word)) && [...words].some((other) => polishStem(other) === stem))
      .map(({ url }) => url);
    if (otherForms.length > 0) questions.push({ q: word, otherForms });
    if (questions.length === limit) break;
  }
  return questions;
}
