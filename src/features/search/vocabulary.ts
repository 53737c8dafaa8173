/**
 * Typo tolerance: a word the site never uses ("verificaton") is replaced by the closest words it
 * does use ("verification"), found among words with the same first letter and a similar
 * length, preferring the most frequent. Works on the words as written, not on stems, so one
 * wrong letter stays one edit away.
 */
export interface Vocabulary {
  /** Word -> how many times the site uses it. */
  counts: Map<string, number>;
  /** First letter -> its words, for a quick candidate list. */
  byInitial: Map<string, string[]>;
}

/** Adds words to running counts (for building a vocabulary page by page). */
export function countWords(counts: Map<string, number>, words: Iterable<string>): void {
  for (const word of words) if (word.length >= 3 && !/^\d+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
}

export function sortedVocabulary(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export function loadVocabulary(entries: [string, number][]): Vocabulary {
  const counts = new Map(entries);
  const byInitial = new Map<string, string[]>();
  for (const [word] of entries) {
    const initial = word[0] as string;
    const list = byInitial.get(initial);
    if (list) list.push(word);
    else byInitial.set(initial, [word]);
  }
  return { counts, byInitial };
}

/** Whether the site uses the word; the vocabulary leaves out short words and numbers, so those count as used. */
export function isKnown(word: string, vocabulary: Vocabulary): boolean {
  return word.length < 3 || /^\d+$/.test(word) || vocabulary.counts.has(word);
}

/** The words the site uses that `word` is probably a misspelling of, best first (empty when it is known). */
export function corrections(word: string, vocabulary: Vocabulary, limit = 2): string[] {
  if (word.length < 4 || vocabulary.counts.has(word)) return [];
  const maxDistance = word.length >= 8 ? 2 : 1;
  const found: { word: string; distance: number; count: number }[] = [];
  for (const candidate of vocabulary.byInitial.get(word[0] as string) ?? []) {
    if (Math.abs(candidate.length - word.length) > maxDistance) continue;
    const distance = boundedDistance(word, candidate, maxDistance);
    if (distance <= maxDistance) found.push({ word: candidate, distance, count: vocabulary.counts.get(candidate) ?? 0 });
  }
  return found
    .sort((a, b) => a.distance - b.distance || b.count - a.count)
    .slice(0, limit)
    .map((entry) => entry.word);
}

/** Damerau-Levenshtein distance (adjacent swaps count one), giving up once it exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}
