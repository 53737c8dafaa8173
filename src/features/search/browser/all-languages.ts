/**
 * The in-page search over every language the site has: one engine per language, each asking
 * Pagefind's index of its language in that language's words (stop words, typo corrections,
 * synonyms, Polish word forms), their rankings merged by score with the reader's language first
 * at equal relevance (features/search/merge-languages.ts). Pagefind's own way to search several
 * indexes (mergeIndex) runs one query through each, without the per-word merge the search
 * needs (merge-hits.ts).
 */
import { languageCode } from '../client-data.ts';
import { mergeLanguages } from '../merge-languages.ts';
import { SearchEngine } from './engine.ts';
import { answerOf, type SearchAnswer } from './results.ts';
import type { Filters } from './pagefind.ts';

export class AllLanguagesSearch {
  private readonly engines: SearchEngine[];
  private readonly readerLang: string;

  private constructor(engines: SearchEngine[], readerLang: string) {
    this.engines = engines;
    this.readerLang = readerLang;
  }

  /** Engines for `languages`; a language whose index cannot be loaded is left out. */
  static async load(languages: string[], readerLang: string): Promise<AllLanguagesSearch> {
    const loaded = await Promise.allSettled(languages.map((language) => SearchEngine.load(language)));
    const engines = loaded.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    if (engines.length === 0) throw new Error('No language’s search index could be loaded');
    return new AllLanguagesSearch(engines, readerLang);
  }

  async search(text: string, filters: Filters, limit: number): Promise<SearchAnswer> {
    // Only the reader's language corrects typos (features/search/merge-languages.ts).
    const reader = languageCode(this.readerLang);
    const rankings = await Promise.all(
      this.engines.map((engine) => engine.ranking(text, filters, limit, { corrections: languageCode(engine.language) === reader })),
    );
    return answerOf({
      pages: mergeLanguages(
        rankings.map((ranking) => ranking.pages),
        this.readerLang,
        limit,
        text,
      ),
      total: rankings.reduce((sum, ranking) => sum + ranking.total, 0),
    });
  }
}
