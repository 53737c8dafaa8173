/**
 * Searching one language's bundle: rank with lunr, then describe each hit the way an agent
 * needs it (the page's summary, the best-matching section as a snippet, its review state).
 */
import { reviewState, type ReviewState } from '../content/index.ts';
import {
  boostBest,
  coverageBoost,
  headingBoost,
  type TitleWords,
  titleBoost,
  titleKey,
  titleShare,
  titlesFirst,
  titleWords,
} from './coverage.ts';
import { pageName, type SearchDocument } from './documents.ts';
import type { lunr } from './lunr-languages.ts';
import type { PageSection } from './page-text.ts';
import { createLunrQuery } from './lunr-query.ts';
import { type QueryTerm, queryClauses, queryTerms, synonymsOf, tokenize } from './query.ts';
import { loadIndex, lunrBuilder, type SearchBundle } from './search-index.ts';
import { loadVocabulary } from './vocabulary.ts';

export interface SearchHit {
  title: string;
  url: string;
  summary: string;
  snippet: string;
  /** The id of the best-matching section, to open the page scrolled to it ('' for the top). */
  anchor: string;
  type: SearchDocument['type'];
  section: string;
  status: ReviewState;
  score: number;
  /** The page's language. */
  lang: string;
}

export interface SearchOptions {
  limit: number;
  type?: SearchDocument['type'] | undefined;
  now?: Date;
  /** Typo corrections and compound words (query.ts); off for the languages a question is not in. */
  corrections?: boolean;
}

export interface Searcher {
  search(text: string, options: SearchOptions): SearchHit[];
}

export function createSearcher(bundle: SearchBundle, synonyms: readonly (readonly string[])[] = []): Searcher {
  const index = loadIndex(bundle);
  const query = createLunrQuery(index);
  const documents = new Map(bundle.documents.map((document) => [document.url, document]));
  // The pipeline the pages went through (stop words, then the stemmer), not the one saved with
  // the index: lunr saves only the stemmer, and a stop word stemmed is often a real term
  // ("are" -> "ar", accounts receivable).
  const pipeline = lunrBuilder(bundle.language).pipeline;
  const vocabulary = loadVocabulary(bundle.vocabulary);
  const phrases = bundle.phrases ? new Set(bundle.phrases) : undefined;
  const titleAndHeadings = titleAndHeadingsOf(pipeline);
  // The pages by title (titleKey), for the exact-title rule (coverage.ts, titlesFirst).
  const byTitle = new Map<string, Set<string>>();
  for (const document of bundle.documents) {
    const key = titleKey(document.title);
    if (key) byTitle.set(key, (byTitle.get(key) ?? new Set()).add(document.url));
  }
  /**
   * The pages titled the question that none of its words found (their words all stop words, or
   * written without diacritics in a language that does not correct them), of the type asked
   * for: they come first too, with no score.
   */
  const unmatched = (titled: Set<string>, candidates: { document: SearchDocument }[], type?: SearchDocument['type']) => {
    const found = new Set(candidates.map(({ document }) => document.url));
    return [...titled].flatMap((url) => {
      const document = documents.get(url);
      return document && !found.has(url) && (!type || document.type === type)
        ? [{ match: { ref: url, score: 0, terms: [] }, document, score: 0 }]
        : [];
    });
  };
  return {
    search(text, { limit, type, now = new Date(), corrections = true }) {
      const terms = queryTerms(text, synonyms, vocabulary, phrases, { corrections });
      const matches = query(queryClauses(terms, pipeline));
      const coverage = coverageOf(terms, pipeline);
      const titleShareOf = titleShare(tokenize(text));
      const candidates = matches
        .map((match) => ({ match, document: documents.get(match.ref), score: match.score * coverageBoost(coverage(match.terms)) }))
        .filter(
          (candidate): candidate is typeof candidate & { document: SearchDocument } =>
            candidate.document !== undefined && (!type || candidate.document.type === type),
        )
        .sort((a, b) => b.score - a.score);
      const boosted = boostBest(candidates, limit, ({ document, match }) => {
        const page = titleAndHeadings(document);
        return headingBoost(headingCoverage(page, match.terms, coverage)) * titleBoost(titleShareOf(page.titleWords));
      });
      const titled = byTitle.get(titleKey(text));
      const ranked = titled
        ? titlesFirst([...boosted, ...unmatched(titled, candidates, type)], ({ document }) => titled.has(document.url))
        : boosted;
      const hits: SearchHit[] = [];
      for (const { match, document, score } of ranked.slice(0, limit)) {
        const best = bestSection(document.sections, match.terms);
        hits.push({
          title: document.title,
          url: document.url,
          summary: document.summary,
          snippet: best ? snippetOf(best.section, best.pattern) : '',
          anchor: best?.section.anchor ?? '',
          type: document.type,
          section: document.section,
          status: reviewState(document.reviewDue, now),
          score: Math.round(score * 1000) / 1000,
          lang: document.lang,
        });
      }
      return hits;
    },
  };
}

interface TitleAndHeadings {
  /** The page's title as the title boost compares it. */
  titleWords: TitleWords;
  /** The index terms of the page's title, file name and aliases. */
  title: Set<string>;
  /** The index terms of each of its headings. */
  headings: Set<string>[];
}

/** A page's title words and the index terms of its title and headings, worked out once per page and kept. */
function titleAndHeadingsOf(pipeline: lunr.Pipeline): (document: SearchDocument) => TitleAndHeadings {
  const termsOfWord = new Map<string, string[]>();
  const termsOf = (text: string) => {
    const found = new Set<string>();
    for (const word of tokenize(text)) {
      let terms = termsOfWord.get(word);
      if (!terms) {
        terms = pipeline.runString(word);
        termsOfWord.set(word, terms);
      }
      for (const term of terms) found.add(term);
    }
    return found;
  };
  const kept = new Map<string, TitleAndHeadings>();
  return (document) => {
    let terms = kept.get(document.url);
    if (!terms) {
      terms = {
        titleWords: titleWords(document.title),
        title: termsOf(`${document.title} ${pageName(document.url)} ${document.aliases.join(' ')}`),
        headings: document.sections.filter((section) => section.heading).map((section) => termsOf(section.heading)),
      };
      kept.set(document.url, terms);
    }
    return terms;
  };
}

/**
 * The largest share of the question that the page's title answers, alone or with one of its
 * headings (coverage.ts, headingBoost), from the index terms the page matched.
 */
function headingCoverage({ title, headings }: TitleAndHeadings, matched: string[], coverage: (matched: string[]) => number): number {
  const inTitle = matched.filter((term) => title.has(term));
  let best = inTitle.length > 0 ? coverage(inTitle) : 0;
  for (const heading of headings) {
    const inHeading = matched.filter((term) => heading.has(term) && !title.has(term));
    if (inHeading.length > 0) best = Math.max(best, coverage([...inTitle, ...inHeading]));
  }
  return best;
}

/** The section that matches the most of the matched index terms, headings counting double. */
function bestSection(sections: PageSection[], matchedTerms: string[]): { section: PageSection; pattern: RegExp } | undefined {
  if (sections.length === 0 || matchedTerms.length === 0) return undefined;
  // Index terms are stems ("polici" for "policy"): match words that start like them.
  const stems = matchedTerms.map((term) => term.slice(0, Math.max(3, term.length - 1)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Plain \b and \w, not Unicode classes: every query makes a new pattern, and patterns with
  // Unicode classes take milliseconds to compile. Good enough to choose a snippet.
  const pattern = new RegExp(`\\b(${stems.join('|')})\\w*`, 'gi');
  let best: PageSection | undefined;
  let bestScore = 0;
  for (const section of sections) {
    const found = new Set<string>();
    for (const match of section.text.matchAll(pattern)) found.add(match[1]?.toLowerCase() ?? '');
    let score = found.size;
    for (const match of section.heading.matchAll(pattern)) score += 2 * (match ? 1 : 0);
    if (score > bestScore) {
      best = section;
      bestScore = score;
    }
  }
  return best ? { section: best, pattern } : undefined;
}

const SNIPPET_LENGTH = 200;

function snippetOf(section: PageSection, pattern: RegExp): string {
  const { text } = section;
  pattern.lastIndex = 0;
  const first = pattern.exec(text);
  const start = Math.max(0, (first?.index ?? 0) - 60);
  const from = start === 0 ? 0 : text.indexOf(' ', start) + 1;
  const end = Math.min(text.length, from + SNIPPET_LENGTH);
  const to = end === text.length ? end : text.lastIndexOf(' ', end);
  return `${from > 0 ? '… ' : ''}${text.slice(from, to > from ? to : end)}${to < text.length ? ' …' : ''}`;
}

/**
 * The share of the question's words (stop words aside) that a page matches, from 0 to 1: a page
 * that answers more of the question ranks above one that repeats a single word. A correction
 * counts for the word it corrects, a synonym the page has in full for the words it stands in
 * for; the last word counts when a match starts with it.
 */
function coverageOf(terms: QueryTerm[], pipeline: lunr.Pipeline): (matched: string[]) => number {
  const typed = terms.filter((term) => term.weight === 1 && pipeline.runString(term.word).length > 0);
  if (typed.length === 0) return () => 0;
  const stemsOf = new Map<string, string[]>();
  for (const term of typed) stemsOf.set(term.word, pipeline.runString(term.word));
  for (const term of terms) {
    if (term.corrects && stemsOf.has(term.corrects)) stemsOf.get(term.corrects)?.push(...pipeline.runString(term.word));
  }
  // Each word of a synonym as the stems it is indexed under; stop words have none and are not needed.
  const synonyms = synonymsOf(terms)
    .map(({ member, of }) => ({ stems: member.map((word) => pipeline.runString(word)).filter((stems) => stems.length > 0), of }))
    .filter(({ stems }) => stems.length > 0);
  return (matched) => {
    const answered = new Set<string>();
    for (const { stems, of } of synonyms) {
      if (stems.every((wordStems) => wordStems.some((stem) => matched.includes(stem)))) for (const word of of) answered.add(word);
    }
    let covered = 0;
    for (const term of typed) {
      const stems = stemsOf.get(term.word) ?? [];
      if (answered.has(term.word) || matched.some((found) => stems.includes(found) || (term.last === true && found.startsWith(term.word))))
        covered++;
    }
    return covered / typed.length;
  };
}
