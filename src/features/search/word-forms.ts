/**
 * The site's words grouped by stem, for a search whose own stemming falls short: Pagefind finds
 * "zwrotów" only where a page writes "zwrotów" (or a word starting with it), not the pages that
 * write "zwrot" or "zwroty". The in-page search stems the typed word with the server's stemmer
 * and searches the site's words with that stem instead.
 */
export interface WordForms {
  /** The site's words that share `word`'s stem, most used first (none when the site has no such word). */
  of(word: string): string[];
}

/** At most this many forms of a word are searched: each is a lookup, and the rarer ones add little. */
export const MAX_FORMS = 6;

/** @param words the site's words, most used first (the vocabulary's order) */
export function wordForms(words: Iterable<string>, stem: (word: string) => string): WordForms {
  const byStem = new Map<string, string[]>();
  for (const word of words) {
    const key = stem(word);
    const forms = byStem.get(key);
    if (!forms) byStem.set(key, [word]);
    else if (forms.length < MAX_FORMS) forms.push(word);
  }
  return { of: (word) => byStem.get(stem(word)) ?? [] };
}

/**
 * The fewest words that find every form: Pagefind matches word beginnings, so "zwrot" finds
 * "zwrotu" and "zwroty" as well, scored as a near match.
 */
export function searchedForms(forms: string[]): string[] {
  const shortestFirst = [...new Set(forms)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const form of shortestFirst) if (!kept.some((shorter) => form.startsWith(shorter))) kept.push(form);
  return kept;
}
