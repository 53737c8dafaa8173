/**
 * The browser's search: the question is cut into words by the same rules as the server's
 * (lib/search/query.ts: stop words, typo corrections against the site's words, synonyms), each
 * word is looked up in Pagefind, and the answers are merged so that a page need not contain
 * every word (lib/search/merge-hits.ts). Each result opens at its best-matching section, with
 * the question's words highlighted there (highlight.ts).
 *
 * The ranked pages are listed at once from the result cards (lib/search/client-data.ts); their
 * summaries, snippets and sections need each page's text, which follows a moment later.
 */
import {
  type ClientSearchData,
  clientDataFile,
  headingPlaces,
  languageCode,
  type ResultCard,
  type ResultCards,
  resultCardsFile,
  TITLE_END_ID,
} from '../../lib/search/client-data.ts';
import { titleWords } from '../../lib/search/coverage.ts';
import { type MergedPage, mergeTermHits, type PageFacts, type TermSearch } from '../../lib/search/merge-hits.ts';
import { type QueryTerm, queryTerms, tokenize } from '../../lib/search/query.ts';
import { loadVocabulary, type Vocabulary } from '../../lib/search/vocabulary.ts';
import { reviewState, type ReviewState } from '../../lib/content/review.ts';
import { HIGHLIGHT_PARAM } from './highlight-param.ts';
import {
  createPagefind,
  fetchPageData,
  type Filters,
  PAGEFIND_PATH,
  type PagefindAnchor,
  type PagefindData,
  type PagefindInstance,
  type PagefindResult,
} from './pagefind.ts';

export interface SearchResult {
  /** The page's address, scrolled to the best section, with the words to highlight. */
  href: string;
  title: string;
  summary: string;
  /** HTML: escaped text with the matching words in <mark>. */
  snippetHtml: string;
  type: string;
  section: string;
  status: ReviewState;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** How many pages matched in all, of which `results` are the best. */
  total: number;
  /**
   * When `results` are listed from the result cards, without summary, snippet and section: the
   * same pages in the same order, complete.
   */
  details?: Promise<SearchResult[]>;
}

const SNIPPET_WORDS = 30;

export class SearchEngine {
  private readonly pagefind: PagefindInstance;
  private readonly synonyms: string[][];
  private readonly stopWords: Set<string>;
  private readonly vocabulary: Vocabulary | undefined;
  private readonly phrases: Set<string> | undefined;
  private readonly cards: ResultCards | undefined;
  private readonly lookups = new Map<string, Promise<PagefindResult[]>>();
  private readonly pages = new Map<string, Promise<PagefindData>>();
  private readonly facts = new Map<string, PageFacts | undefined>();

  private constructor(pagefind: PagefindInstance, data: ClientSearchData | undefined, cards: ResultCards | undefined) {
    this.pagefind = pagefind;
    this.synonyms = data?.synonyms ?? [];
    this.stopWords = new Set(data?.stopWords ?? []);
    this.vocabulary = data ? loadVocabulary(data.vocabulary) : undefined;
    this.phrases = data?.phrases ? new Set(data.phrases) : undefined;
    this.cards = cards;
  }

  static async load(language: string): Promise<SearchEngine> {
    // Without the word lists the search still works, only without typo correction and synonyms;
    // without the cards, results are listed once the pages' text has loaded.
    const [pagefind, data, cards] = await Promise.all([
      createPagefind(language),
      loadJson<ClientSearchData>(clientDataFile(languageCode(language))),
      loadJson<ResultCards>(resultCardsFile(language.toLowerCase())),
    ]);
    return new SearchEngine(pagefind, data, cards);
  }

  /**
   * Whether the site has the word, or a word that starts with it. Pagefind, given a word no page
   * has, shortens it until something matches ("abrechnungskonsole" finds every "a"); the server's
   * search finds nothing for it, and neither should this one (a correction is searched instead).
   * Words under three letters are not in the word list and are always looked up.
   */
  private usedBySite(word: string): boolean {
    const vocabulary = this.vocabulary;
    if (!vocabulary || word.length < 3 || vocabulary.counts.has(word)) return true;
    return (vocabulary.byInitial.get(word[0] as string) ?? []).some((known) => known.startsWith(word));
  }

  filters(): Promise<Record<string, Record<string, number>>> {
    return this.pagefind.filters();
  }

  async search(text: string, filters: Filters, limit: number): Promise<SearchAnswer> {
    const { terms, merged } = await this.rank(text, filters, limit);
    const highlight = terms.filter((term) => term.weight === 1 || term.corrects).map((term) => term.word);
    const top = merged.slice(0, limit);
    const details = Promise.all(
      top.map(async (page) => describe(page.hits, await this.pageData(page.hits[0]?.hit as PagefindResult), highlight)),
    );
    const cards = top.map((page) => this.cards?.[page.id]);
    if (!cards.every((card) => card !== undefined)) return { results: await details, total: merged.length };
    return { results: cards.map((card) => listed(card, highlight)), total: merged.length, details };
  }

  /**
   * Asks a question nobody sees, once, while the page is idle: the first real question then
   * runs code that the browser has already compiled and optimised (Pagefind's included), which
   * takes a third off its time on a large handbook. The question is the site's most used word.
   */
  async warmUp(): Promise<void> {
    for (const word of this.vocabulary?.counts.keys() ?? []) {
      if (this.stopWords.has(word)) continue;
      await this.rank(word, {}, 10);
      return;
    }
  }

  /** The pages that answer `text`, best first (exactly so for the first `limit`), with the words searched. */
  private async rank(text: string, filters: Filters, limit: number): Promise<{ terms: QueryTerm[]; merged: MergedPage<PagefindResult>[] }> {
    const terms = queryTerms(text, this.synonyms, this.vocabulary, this.phrases).filter(
      (term) => !this.stopWords.has(term.word) && this.usedBySite(term.word),
    );
    const searches: TermSearch<PagefindResult>[] = await Promise.all(
      terms.map(async (term) => ({ term, hits: await this.lookUp(term.word, filters) })),
    );
    return { terms, merged: mergeTermHits(searches, tokenize(text), (id) => this.pageFacts(id), limit) };
  }

  /** One word's pages. Kept: while an agent types, only the last word changes. */
  private lookUp(word: string, filters: Filters): Promise<PagefindResult[]> {
    const key = `${word}\n${JSON.stringify(filters)}`;
    let found = this.lookups.get(key);
    if (!found) {
      // Without filters, none are passed: Pagefind would load its filter index for an empty set.
      const options = Object.keys(filters).length > 0 ? { filters } : {};
      found = this.pagefind.search(word, options).then((search) => search.results);
      this.lookups.set(key, found);
    }
    return found;
  }

  /** A page's title and where its title and headings are, from its result card (none without cards). */
  private pageFacts(id: string): PageFacts | undefined {
    if (!this.facts.has(id)) {
      const card = this.cards?.[id];
      this.facts.set(id, card ? { title: titleWords(card[1]), places: card[5] ? headingPlaces(card[5]) : undefined } : undefined);
    }
    return this.facts.get(id);
  }

  /** A page's text, title and metadata, fetched once. */
  private pageData(hit: PagefindResult): Promise<PagefindData> {
    let data = this.pages.get(hit.id);
    if (!data) {
      data = fetchPageData(hit.id).catch(() => hit.data());
      this.pages.set(hit.id, data);
    }
    return data;
  }
}

/** One of the build's files beside Pagefind's, or nothing when it cannot be had. */
async function loadJson<Data>(file: string): Promise<Data | undefined> {
  try {
    const response = await fetch(`${PAGEFIND_PATH}${file}`);
    return response.ok ? ((await response.json()) as Data) : undefined;
  } catch {
    return undefined;
  }
}

/** A result as listed before its page's text has loaded: it opens at the top of the page. */
function listed([url, title, type, section, reviewDue]: ResultCard, highlight: string[]): SearchResult {
  return {
    href: withHighlight(url, '', highlight),
    title,
    summary: '',
    snippetHtml: '',
    type,
    section,
    status: reviewState(reviewDue || undefined),
  };
}

function withHighlight(url: string, anchor: string, highlight: string[]): string {
  const href = new URL(anchor ? `${url}#${anchor}` : url, window.location.origin);
  if (highlight.length > 0) href.searchParams.set(HIGHLIGHT_PARAM, highlight.join(' '));
  return `${href.pathname}${href.search}${href.hash}`;
}

/** A page's hits for each word it matched, as mergeTermHits gives them. */
type PageHits = { term: QueryTerm; hit: PagefindResult }[];

/**
 * A result as the list shows it. The page's text comes from Pagefind once per page (data() also
 * builds an excerpt, which costs milliseconds on long pages); where each word is in the page
 * comes with the word's own hit, so the best section and the snippet are worked out here.
 */
function describe(hits: PageHits, data: PagefindData, highlight: string[]): SearchResult {
  // The title, aliases and file name open the page's text: the result shows the title already,
  // and the other two are not on the page. The snippet comes from what follows.
  const titleEnd = data.anchors.find((anchor) => anchor.id === TITLE_END_ID)?.location ?? 0;
  const section = bestSection(hits, data.anchors, titleEnd);
  return {
    href: withHighlight(data.url, section.anchor, highlight),
    title: data.meta.title ?? data.url,
    summary: data.meta.summary ?? '',
    snippetHtml: snippet(data.content, section.locations, titleEnd),
    type: data.meta.type ?? '',
    section: data.meta.section ?? '',
    status: reviewState(data.meta.reviewDue),
  };
}

/**
 * The part of the page under one heading that holds the most of the question's words, then the
 * most matches: its heading's id ('' before the first heading) and the matches in it.
 */
function bestSection(hits: PageHits, anchors: PagefindAnchor[], titleEnd: number): { anchor: string; locations: number[] } {
  const headings = anchors.filter((anchor) => /^h\d$/i.test(anchor.element) && anchor.id).sort((a, b) => a.location - b.location);
  const sections = new Map<string, { words: Set<string>; locations: number[] }>();
  for (const { term, hit } of hits) {
    for (const location of hit.words) {
      if (location < titleEnd) continue;
      const anchor = headings.findLast((heading) => heading.location <= location)?.id ?? '';
      const section = sections.get(anchor) ?? { words: new Set<string>(), locations: [] };
      section.words.add(term.corrects ?? term.word);
      section.locations.push(location);
      sections.set(anchor, section);
    }
  }
  let best: { anchor: string; words: number; locations: number[] } = { anchor: '', words: 0, locations: [] };
  for (const [anchor, section] of sections) {
    const better =
      section.words.size > best.words || (section.words.size === best.words && section.locations.length > best.locations.length);
    if (better) best = { anchor, words: section.words.size, locations: section.locations };
  }
  return { anchor: best.anchor, locations: [...new Set(best.locations)].sort((a, b) => a - b) };
}

/** About thirty words around the densest run of matches, the matches marked (from `from` without any). */
function snippet(content: string, locations: number[], from: number): string {
  // Split as Pagefind counts locations.
  const words = content.split(/[^\S\uFEFF]+/);
  let start = from;
  let most = -1;
  for (const location of locations) {
    const count = locations.filter((other) => other >= location && other < location + SNIPPET_WORDS - 5).length;
    if (count > most) {
      most = count;
      start = Math.max(from, location - 5);
    }
  }
  const marked = new Set(locations);
  const shown = words.slice(start, start + SNIPPET_WORDS).map((word, offset) => {
    const escaped = escapeHtml(word);
    return marked.has(start + offset) ? `<mark>${escaped}</mark>` : escaped;
  });
  return `${start > from ? '… ' : ''}${shown.join(' ')}${start + SNIPPET_WORDS < words.length ? ' …' : ''}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
