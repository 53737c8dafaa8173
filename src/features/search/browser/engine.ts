/**
 * The browser's search: the question is cut into words by the same rules as the server's
 * (features/search/query.ts: stop words, typo corrections against the site's words, synonyms), each
 * word is looked up in Pagefind, and the answers are merged so that a page need not contain
 * every word (features/search/merge-hits.ts). Each result opens at its best-matching section, with
 * the question's words highlighted there (highlight.ts).
 *
 * The ranked pages are listed at once from the result cards (features/search/client-data.ts); their
 * summaries, snippets and sections need each page's text, which follows a moment later.
 */
import { type ClientSearchData, clientDataFile, headingPlaces, languageCode, type ResultCards, resultCardsFile } from '../client-data.ts';
import { titleKey, titleWords } from '../coverage.ts';
import { type MergedPage, mergeTermHits, type PageFacts, type TermSearch } from '../merge-hits.ts';
import { type QueryTerm, queryTerms, tokenize } from '../query.ts';
import { loadVocabulary, type Vocabulary } from '../vocabulary.ts';
import { searchedForms, type WordForms, wordForms } from '../word-forms.ts';
import {
  createPagefind,
  fetchPageData,
  type Filters,
  PAGEFIND_PATH,
  type PagefindData,
  type PagefindInstance,
  type PagefindResult,
} from './pagefind.ts';
import { answerOf, describe, listed, type RankedPage, type Ranking, type SearchAnswer, type SearchResult } from './results.ts';

export type { SearchAnswer, SearchResult } from './results.ts';

export class SearchEngine {
  private readonly pagefind: PagefindInstance;
  private readonly synonyms: string[][];
  private readonly stopWords: Set<string>;
  private readonly vocabulary: Vocabulary | undefined;
  private readonly phrases: Set<string> | undefined;
  private readonly cards: ResultCards | undefined;
  /** Where the search stems the language itself (Polish): the site's words by stem. */
  private readonly forms: WordForms | undefined;
  /** The language of the index searched. */
  readonly language: string;
  private readonly lookups = new Map<string, Promise<PagefindResult[]>>();
  private readonly pages = new Map<string, Promise<PagefindData>>();
  private readonly facts = new Map<string, PageFacts | undefined>();
  /** The pages by title (titleKey), from the result cards, for the exact-title rule; made on the first question. */
  private byTitle: Map<string, Set<string>> | undefined;

  private constructor(
    language: string,
    pagefind: PagefindInstance,
    data: ClientSearchData | undefined,
    cards: ResultCards | undefined,
    stem: ((word: string) => string) | undefined,
  ) {
    this.language = language;
    this.pagefind = pagefind;
    this.synonyms = data?.synonyms ?? [];
    this.stopWords = new Set(data?.stopWords ?? []);
    this.vocabulary = data ? loadVocabulary(data.vocabulary) : undefined;
    this.phrases = data?.phrases ? new Set(data.phrases) : undefined;
    this.cards = cards;
    this.forms =
      stem && data
        ? wordForms(
            data.vocabulary.map(([word]) => word),
            stem,
          )
        : undefined;
  }

  static async load(language: string): Promise<SearchEngine> {
    // Without the word lists the search still works, only without typo correction and synonyms;
    // without the cards, results are listed once the pages' text has loaded.
    const [pagefind, data, cards, stem] = await Promise.all([
      createPagefind(language),
      loadJson<ClientSearchData>(clientDataFile(languageCode(language))),
      loadJson<ResultCards>(resultCardsFile(language.toLowerCase())),
      stemsItself(language) ? loadStemmer() : undefined,
    ]);
    return new SearchEngine(language, pagefind, data, cards, stem);
  }

  /**
   * Whether the site has the word, or a word that starts with it. Pagefind, given a word no page
   * has, shortens it until something matches ("abrechnungskonsole" finds every "a"); the server's
   * search finds nothing for it, and neither should this one (a correction is searched instead).
   * Words under three letters are not in the word list and are always looked up.
   */
  private hasWord(word: string): boolean {
    const vocabulary = this.vocabulary;
    if (!vocabulary || word.length < 3 || vocabulary.counts.has(word)) return true;
    return (vocabulary.byInitial.get(word[0] as string) ?? []).some((known) => known.startsWith(word));
  }

  /** Whether the site has the word, a word starting with it, or (in Polish) a word with its stem. */
  private usedBySite(word: string): boolean {
    return this.hasWord(word) || (this.forms?.of(word).length ?? 0) > 0;
  }

  filters(): Promise<Record<string, Record<string, number>>> {
    return this.pagefind.filters();
  }

  async search(text: string, filters: Filters, limit: number): Promise<SearchAnswer> {
    return answerOf(await this.ranking(text, filters, limit));
  }

  /** The best `limit` pages for `text`, with their scores, to show or to merge with other languages' (all-languages.ts). */
  async ranking(text: string, filters: Filters, limit: number, { corrections = true } = {}): Promise<Ranking> {
    const { terms, merged } = await this.rank(text, filters, limit, corrections);
    const highlight = terms.filter((term) => term.weight === 1 || term.corrects).map((term) => term.word);
    const pages = merged.slice(0, limit).map((page): RankedPage => {
      const card = this.cards?.[page.id];
      let described: Promise<SearchResult> | undefined;
      return {
        score: page.score,
        lang: this.language,
        title: card?.[1],
        listed: card ? listed(card, highlight, this.language) : undefined,
        describe: () => {
          described ??= this.pageData(page.id, page.hits[0]?.hit).then((data) => describe(page.hits, data, highlight, this.language));
          return described;
        },
      };
    });
    return { pages, total: merged.length };
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
  private async rank(
    text: string,
    filters: Filters,
    limit: number,
    corrections = true,
  ): Promise<{ terms: QueryTerm[]; merged: MergedPage<PagefindResult>[] }> {
    const terms = queryTerms(text, this.synonyms, this.vocabulary, this.phrases, { corrections }).filter(
      (term) => !this.stopWords.has(term.word) && this.usedBySite(term.word),
    );
    const searches: TermSearch<PagefindResult>[] = await Promise.all(
      terms.map(async (term) => ({ term, hits: await this.lookUp(term.word, filters) })),
    );
    return {
      terms,
      merged: mergeTermHits(searches, tokenize(text), (id) => this.pageFacts(id), limit, await this.pagesTitled(text, filters)),
    };
  }

  /**
   * The ids of the pages whose title is `text` (coverage.ts, titleKey) and that pass `filters`:
   * the exact-title rule puts them first, found by the question's words or not. None without
   * result cards.
   */
  private async pagesTitled(text: string, filters: Filters): Promise<Set<string>> {
    if (!this.byTitle) {
      this.byTitle = new Map();
      for (const [id, [, title]] of Object.entries(this.cards ?? {})) {
        const key = titleKey(title);
        if (key) this.byTitle.set(key, (this.byTitle.get(key) ?? new Set()).add(id));
      }
    }
    const titled = this.byTitle.get(titleKey(text));
    if (!titled || Object.keys(filters).length === 0) return titled ?? new Set();
    // Pagefind without a word: the pages that pass the filters.
    const passing = new Set((await this.pagefind.search(null, { filters })).results.map((result) => result.id));
    return new Set([...titled].filter((id) => passing.has(id)));
  }

  /**
   * One word's pages: where the search stems the language itself, those of the site's words that
   * share its stem (and of the word itself, when the site has it or words starting with it), a
   * page's best hit with the places of all.
   */
  private async lookUp(word: string, filters: Filters): Promise<PagefindResult[]> {
    const forms = (this.forms?.of(word) ?? []).filter((form) => !this.stopWords.has(form));
    if (forms.length === 0) return this.lookUpWord(word, filters);
    const words = searchedForms(this.hasWord(word) ? [word, ...forms] : forms);
    const found = await Promise.all(words.map((form) => this.lookUpWord(form, filters)));
    const pages = new Map<string, PagefindResult>();
    for (const hit of found.flat()) {
      const seen = pages.get(hit.id);
      if (!seen) pages.set(hit.id, hit);
      else {
        const best = hit.score > seen.score ? hit : seen;
        pages.set(hit.id, { ...best, words: [...new Set([...seen.words, ...hit.words])].sort((a, b) => a - b) });
      }
    }
    return [...pages.values()].sort((a, b) => b.score - a.score);
  }

  /** One word's pages in Pagefind. Kept: while an agent types, only the last word changes. */
  private lookUpWord(word: string, filters: Filters): Promise<PagefindResult[]> {
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

  /** A page's text, title and metadata, fetched once (from its hit, when its file cannot be read; a page titled the question may have none). */
  private pageData(id: string, hit: PagefindResult | undefined): Promise<PagefindData> {
    let data = this.pages.get(id);
    if (!data) {
      data = fetchPageData(id).catch((error: unknown) => (hit ? hit.data() : Promise.reject(error)));
      this.pages.set(id, data);
    }
    return data;
  }
}

/**
 * Whether the search stems the language's words itself, as the server does, and searches the
 * site's forms of each: Pagefind's Polish matching misses many forms (features/search/word-forms.ts).
 */
function stemsItself(language: string): boolean {
  return languageCode(language) === 'pl';
}

/** The server's Polish stemmer, loaded only for a search in Polish. */
async function loadStemmer(): Promise<((word: string) => string) | undefined> {
  try {
    return (await import('../polish-stemmer.ts')).polishStem;
  } catch {
    return undefined;
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
