/**
 * The browser's search: the question is cut into words by the same rules as the server's
 * (lib/search/query.ts: stop words, typo corrections against the site's words, synonyms), each
 * word is looked up in Pagefind, and the answers are merged so that a page need not contain
 * every word (lib/search/merge-hits.ts). Each result opens at its best-matching section, with
 * the question's words highlighted there (highlight.ts).
 */
import { type ClientSearchData, clientDataFile } from '../../lib/search/client-data.ts';
import { mergeTermHits, type TermSearch } from '../../lib/search/merge-hits.ts';
import { type QueryTerm, queryTerms } from '../../lib/search/query.ts';
import { loadVocabulary, type Vocabulary } from '../../lib/search/vocabulary.ts';
import { reviewState, type ReviewState } from '../../lib/content/review.ts';
import { HIGHLIGHT_PARAM } from './highlight-param.ts';
import { createPagefind, type Filters, PAGEFIND_PATH, type PagefindData, type PagefindInstance, type PagefindResult } from './pagefind.ts';

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
}

const SNIPPET_WORDS = 30;

export class SearchEngine {
  private readonly pagefind: PagefindInstance;
  private readonly synonyms: string[][];
  private readonly stopWords: Set<string>;
  private readonly vocabulary: Vocabulary | undefined;

  private constructor(pagefind: PagefindInstance, synonyms: string[][], stopWords: Set<string>, vocabulary: Vocabulary | undefined) {
    this.pagefind = pagefind;
    this.synonyms = synonyms;
    this.stopWords = stopWords;
    this.vocabulary = vocabulary;
  }

  static async load(language: string): Promise<SearchEngine> {
    const [pagefind, data] = await Promise.all([createPagefind(language), loadClientData(language)]);
    return new SearchEngine(
      pagefind,
      data?.synonyms ?? [],
      new Set(data?.stopWords ?? []),
      data ? loadVocabulary(data.vocabulary) : undefined,
    );
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
    const terms = queryTerms(text, this.synonyms, this.vocabulary).filter(
      (term) => !this.stopWords.has(term.word) && this.usedBySite(term.word),
    );
    const searches: TermSearch<PagefindResult>[] = await Promise.all(
      terms.map(async (term) => ({ term, hits: (await this.pagefind.search(term.word, { filters })).results })),
    );
    const merged = mergeTermHits(searches);
    const highlight = terms.filter((term) => term.weight === 1 || term.corrects).map((term) => term.word);
    const results = await Promise.all(merged.slice(0, limit).map((page) => describe(page.hits, highlight)));
    return { results, total: merged.length };
  }
}

async function loadClientData(language: string): Promise<ClientSearchData | undefined> {
  // Without the word lists the search still works, only without typo correction and synonyms.
  try {
    const response = await fetch(`${PAGEFIND_PATH}${clientDataFile(language.split('-')[0] ?? language)}`);
    return response.ok ? ((await response.json()) as ClientSearchData) : undefined;
  } catch {
    return undefined;
  }
}

/** A result as the list shows it, from the page's hits for each word it matched. */
async function describe(hits: { term: QueryTerm; hit: PagefindResult }[], highlight: string[]): Promise<SearchResult> {
  // Each word's hit gives that word's places in the page; the page's data is fetched only once.
  const datas = await Promise.all(hits.map(({ hit }) => hit.data()));
  const data = datas[0] as PagefindData;
  const best = bestSection(datas);
  const href = new URL(best?.url ?? data.url, window.location.origin);
  if (highlight.length > 0) href.searchParams.set(HIGHLIGHT_PARAM, highlight.join(' '));
  const locations = best?.locations ?? [...new Set(datas.flatMap((entry) => entry.locations))].sort((a, b) => a - b);
  return {
    href: `${href.pathname}${href.search}${href.hash}`,
    title: data.meta.title ?? data.url,
    summary: data.meta.summary ?? '',
    snippetHtml: snippet(data.content, locations),
    type: data.meta.type ?? '',
    section: data.meta.section ?? '',
    status: reviewState(data.meta.reviewDue),
  };
}

/** The section with the most of the question's words, then the most matches; undefined for the page top. */
function bestSection(datas: PagefindData[]): { url: string; locations: number[] } | undefined {
  const sections = new Map<string, { words: number; locations: Set<number> }>();
  for (const data of datas) {
    for (const sub of data.sub_results) {
      if (sub.locations.length === 0) continue;
      const section = sections.get(sub.url) ?? { words: 0, locations: new Set<number>() };
      section.words++;
      for (const location of sub.locations) section.locations.add(location);
      sections.set(sub.url, section);
    }
  }
  let best: { url: string; words: number; locations: Set<number> } | undefined;
  for (const [url, section] of sections) {
    if (!best || section.words > best.words || (section.words === best.words && section.locations.size > best.locations.size))
      best = { url, ...section };
  }
  return best && { url: best.url, locations: [...best.locations].sort((a, b) => a - b) };
}

/** About thirty words around the densest run of matches, the matches marked. */
function snippet(content: string, locations: number[]): string {
  const words = content.split(/\s+/);
  let start = 0;
  let most = -1;
  for (const location of locations) {
    const count = locations.filter((other) => other >= location && other < location + SNIPPET_WORDS - 5).length;
    if (count > most) {
      most = count;
      start = Math.max(0, location - 5);
    }
  }
  const marked = new Set(locations);
  const shown = words.slice(start, start + SNIPPET_WORDS).map((word, offset) => {
    const escaped = escapeHtml(word);
    return marked.has(start + offset) ? `<mark>${escaped}</mark>` : escaped;
  });
  return `${start > 0 ? '… ' : ''}${shown.join(' ')}${start + SNIPPET_WORDS < words.length ? ' …' : ''}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
