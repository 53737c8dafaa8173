/**
 * How a typed question becomes lunr clauses. Agents type questions, not keywords, so:
 * - no word is required: a page ranks by how many (and which) words it matches;
 * - stop words are dropped and words stemmed by the language's pipeline;
 * - the last word also matches as a prefix (it is often half typed);
 * - a word the site never uses is corrected to the site's closest words (vocabulary.ts): cheaper
 *   and surer than lunr's fuzzy matching, which compares against stems;
 * - synonyms (knowhow.yaml's, then the built-in ones) add their other words ("dispute" finds
 *   "chargeback"), and a page with a whole synonym answers the words it stands in for.
 */
import type { lunr } from './lunr-languages.ts';
import type { Clause } from './lunr-query.ts';
import { corrections, isKnown, type Vocabulary } from './vocabulary.ts';

export interface QueryTerm {
  /** The word as typed, lower-cased. */
  word: string;
  /** Relative weight: 1 for typed words, less for words added by synonyms. */
  weight: number;
  /** The last word typed, which may be half a word. */
  last?: boolean;
  /** For a correction, the typed word it corrects. */
  corrects?: string;
  /**
   * For a word added by a synonym group: the words of its synonym (`member`, "company meeting")
   * and the typed words that synonym stands in for (`of`, "all hands"). A page that has the whole
   * synonym answers those words of the question.
   */
  synonym?: { member: string[]; of: string[] };
}

/** The longest question the API and the search page accept. */
export const MAX_QUERY_LENGTH = 200;

const SYNONYM_WEIGHT = 0.6;
const CORRECTION_WEIGHT = 0.8;

/**
 * The words of a text, lower-cased. A version number stays one word ("5.1.5", "v2.0"), as the
 * index keeps it: split, its parts would match every page that has a 1 or a 5.
 */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:\.\p{N}+)*/gu) ?? []
  );
}

/**
 * The words to search for: the typed ones, the site's words for any it does not use (typos),
 * then the other members of any synonym group they hit, where the site uses them: each word
 * known to `vocabulary`, each phrase of several words in `phrases` (phrases.ts).
 * `corrections: false` takes the words as typed, without typo corrections or words split and
 * joined: for a language the question may not be in, where another language's word would be
 * "corrected" to a look-alike (merge-languages.ts).
 */
export function queryTerms(
  text: string,
  synonyms: readonly (readonly string[])[] = [],
  vocabulary?: Vocabulary,
  phrases?: ReadonlySet<string>,
  { corrections: correct = true }: { corrections?: boolean } = {},
): QueryTerm[] {
  const typedWords = tokenize(text);
  const terms: QueryTerm[] = typedWords.map((word, index) => ({
    word,
    weight: 1,
    ...(index === typedWords.length - 1 ? { last: true } : {}),
  }));
  const words = [...typedWords];
  if (vocabulary && correct) {
    for (const word of typedWords) {
      for (const correction of corrections(word, vocabulary)) {
        terms.push({ word: correction, weight: CORRECTION_WEIGHT, corrects: word });
        words.push(correction);
      }
    }
    terms.push(...compoundTerms(typedWords, vocabulary, new Set(words)));
  }
  const typed = ` ${words.map(singular).join(' ')} `;
  const seen = new Set(words);
  // The typed word a word of a synonym matched: itself or its plural, or the misspelt word that
  // its correction corrects.
  const typedWordOf = (word: string) => {
    const matched = words.find((candidate) => singular(candidate) === singular(word)) ?? word;
    return terms.find((term) => term.word === matched)?.corrects ?? matched;
  };
  // A misspelt word and its correction both stay in `words`, so synonyms of the correction count.
  for (const { members, singular: singularMembers } of tokenizedGroups(synonyms)) {
    const hit = members.filter((_, index) => typed.includes(singularMembers[index] as string));
    if (hit.length === 0) continue;
    const of = [...new Set(hit.flat().map(typedWordOf))];
    for (const member of members) {
      // Searching for words no page has, or a phrase no page has, costs time and finds nothing.
      const used =
        member.length > 1 && phrases ? phrases.has(member.join(' ')) : !vocabulary || member.every((word) => isKnown(word, vocabulary));
      if (hit.includes(member) || !used) continue;
      for (const word of member) {
        if (seen.has(word)) continue;
        seen.add(word);
        terms.push({ word, weight: SYNONYM_WEIGHT, synonym: { member, of } });
      }
    }
  }
  return terms;
}

/** Each synonym group's members as words, and as they are matched (" vacation day "). */
interface TokenizedGroup {
  members: string[][];
  singular: string[];
}

const tokenized = new WeakMap<readonly (readonly string[])[], TokenizedGroup[]>();

/** The groups tokenized once per list (a site's list lives as long as its search): every question reads them. */
function tokenizedGroups(synonyms: readonly (readonly string[])[]): TokenizedGroup[] {
  let groups = tokenized.get(synonyms);
  if (!groups) {
    groups = synonyms.map((group) => {
      const members = group.map((member) => tokenize(member)).filter((member) => member.length > 0);
      return { members, singular: members.map((member) => ` ${member.map(singular).join(' ')} `) };
    });
    tokenized.set(synonyms, groups);
  }
  return groups;
}

/**
 * The site's way of writing what was typed as one word or as two: "sign off" where the site
 * writes "signoff" (searched as a synonym of the two words), "oncall" where it writes "on call"
 * (its two words searched as a correction of the one, both needed to answer it).
 */
function compoundTerms(typedWords: string[], vocabulary: Vocabulary, seen: Set<string>): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const [index, word] of typedWords.entries()) {
    const next = typedWords[index + 1];
    // Not a possessive or a contraction ("candidate's", "don't"), split at the apostrophe.
    const joined = next === undefined || next === 's' || next === 't' ? '' : `${word}${next}`;
    if (next !== undefined && joined && vocabulary.counts.has(joined) && !seen.has(joined)) {
      seen.add(joined);
      terms.push({ word: joined, weight: SYNONYM_WEIGHT, synonym: { member: [joined], of: [word, next] } });
    }
    const parts = splitCompound(word, vocabulary);
    if (!parts) continue;
    for (const part of parts.filter((part) => !seen.has(part))) {
      seen.add(part);
      terms.push({ word: part, weight: CORRECTION_WEIGHT, synonym: { member: parts, of: [word] } });
    }
  }
  return terms;
}

/** A word the site never uses, as two words it does use ("timeoff" -> "time off"), the likeliest split. */
function splitCompound(word: string, vocabulary: Vocabulary): [string, string] | undefined {
  if (word.length < 5 || vocabulary.counts.has(word) || /\d/.test(word)) return undefined;
  let best: { parts: [string, string]; count: number } | undefined;
  for (let at = 2; at <= word.length - 2; at++) {
    const left = word.slice(0, at);
    const right = word.slice(at);
    // Two-letter words are not in the vocabulary: allowed in front of a longer word ("on call").
    const leftCount =
      left.length === 2 ? (TWO_LETTER_PREFIXES.has(left) ? Number.POSITIVE_INFINITY : 0) : (vocabulary.counts.get(left) ?? 0);
    const rightCount = vocabulary.counts.get(right) ?? 0;
    const count = Math.min(leftCount, rightCount);
    if (count > 0 && (!best || count > best.count)) best = { parts: [left, right], count };
  }
  return best?.parts;
}

/** Short words that start English compounds written apart ("on call", "in person", "up front"). */
const TWO_LETTER_PREFIXES = new Set(['on', 'in', 'up', 'of', 'at', 'by', 'to', 'go', 're', 'co']);

/**
 * A word without its plural s, for matching the phrases of synonym groups: "vacations" names
 * the "vacation" of a group, and groups need not list both.
 */
export function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The synonyms among the terms, once each: a page with every word of `member` answers `of`. */
export function synonymsOf(terms: QueryTerm[]): { member: string[]; of: string[] }[] {
  const found = new Map<string, { member: string[]; of: string[] }>();
  for (const { synonym } of terms) if (synonym) found.set(synonym.member.join(' '), synonym);
  return [...found.values()];
}

/**
 * The clauses of the lunr query for the terms (lunr-query.ts). Words the pipeline drops (stop
 * words) add nothing; the last word also matches as a prefix.
 */
export function queryClauses(terms: QueryTerm[], pipeline: lunr.Pipeline): Clause[] {
  const clauses: Clause[] = [];
  for (const { word, weight, last } of terms) {
    if (pipeline.runString(word).length === 0) continue;
    clauses.push({ term: word, boost: 10 * weight, usePipeline: true });
    if (last && word.length >= 2) clauses.push({ term: word, boost: 3 * weight, prefix: true, usePipeline: false });
  }
  return clauses;
}
