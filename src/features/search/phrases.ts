/**
 * Which of some phrases a site uses, word for word, in any page: a synonym group adds the words
 * of a phrase only where some page has that phrase (query.ts), because each added word costs the
 * browser's search a lookup, and a phrase no page has ("holiday allowance") only adds its words'
 * noise. Found while the search index is built, over the same words.
 */
export interface PhraseFinder {
  /** Looks for the phrases in a run of words (a page's text, tokenized). */
  scan(words: readonly string[]): void;
  /** The phrases found so far, sorted. */
  found(): string[];
}

/** @param phrases each of two words or more, as tokenize() gives them */
export function phraseFinder(phrases: readonly (readonly string[])[]): PhraseFinder {
  const byFirstWord = new Map<string, (readonly string[])[]>();
  for (const phrase of phrases) {
    const first = phrase[0];
    if (first === undefined || phrase.length < 2) continue;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), phrase]);
  }
  const found = new Set<string>();
  return {
    scan(words) {
      for (let at = 0; at < words.length; at++) {
        for (const phrase of byFirstWord.get(words[at] as string) ?? []) {
          if (phrase.every((word, offset) => words[at + offset] === word)) found.add(phrase.join(' '));
        }
      }
    },
    found: () => [...found].sort(),
  };
}
