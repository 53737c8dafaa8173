/**
 * One lunr index per language over the search documents. Title, aliases, summary and headings
 * weigh more than body text. The index and the documents travel together in one server-only
 * file per language (dist/server/search/<lang>.json).
 */
import { pageName, type SearchDocument } from './documents.ts';
import { FIELD_BOOSTS } from '../content/index.ts';
import { englishStopWordFilter, languagePlugin, lunr, type SearchLanguage } from './lunr-languages.ts';
import { tokenize } from './query.ts';
import { phraseFinder } from './phrases.ts';
import { countWords, sortedVocabulary } from './vocabulary.ts';

/** How much BM25 favours short pages (lunr's default 0.75 buries long canonical pages). */
const LENGTH_NORMALISATION = 0.2;

export interface SearchBundle {
  language: SearchLanguage;
  index: object;
  documents: SearchDocument[];
  /** Every word the pages use, with its count, for typo correction (vocabulary.ts). */
  vocabulary: [string, number][];
  /** The phrases of the synonym groups that some page has (phrases.ts). */
  phrases?: string[];
}

export interface BundleBuilder {
  add(document: SearchDocument): void;
  finish(): SearchBundle;
}

/**
 * Adds pages one by one (the costly part) and builds the index at the end.
 * @param phrases the members of the synonym groups, tokenized, to find out which phrases the site uses
 */
export function createBundleBuilder(language: SearchLanguage, phrases: readonly (readonly string[])[] = []): BundleBuilder {
  const builder = lunrBuilder(language);
  indexEachWordOnce(builder);
  const documents: SearchDocument[] = [];
  const vocabulary = new Map<string, number>();
  const finder = phraseFinder(phrases);
  const addWords = (text: string) => {
    const words = tokenize(text);
    countWords(vocabulary, words);
    finder.scan(words);
  };
  return {
    add(document) {
      documents.push(document);
      builder.add(indexedFields(document));
      addWords(`${document.title} ${document.summary} ${document.aliases.join(' ')}`);
      for (const section of document.sections) addWords(`${section.heading} ${section.text}`);
    },
    finish: () => ({
      language,
      index: builder.build().toJSON(),
      documents,
      vocabulary: sortedVocabulary(vocabulary),
      phrases: finder.found(),
    }),
  };
}

/** A lunr builder with the language's pipelines and the fields and ranking search uses. */
export function lunrBuilder(language: SearchLanguage): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, englishStopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  const plugin = languagePlugin(language);
  if (plugin) builder.use(plugin);
  builder.ref('url');
  builder.b(LENGTH_NORMALISATION);
  for (const [field, boost] of Object.entries(FIELD_BOOSTS)) builder.field(field, { boost });
  return builder;
}

/** The document lunr indexes for a page: one string per field of FIELD_BOOSTS. */
export function indexedFields(document: SearchDocument): Record<'url' | keyof typeof FIELD_BOOSTS, string> {
  return {
    url: document.url,
    title: document.title,
    aliases: document.aliases.join(' \n '),
    name: pageName(document.url),
    summary: document.summary,
    headings: document.sections.map((section) => section.heading).join(' \n '),
    body: document.sections.map((section) => section.text).join(' \n '),
  };
}

/**
 * Builder.add splits every field character by character into lunr.Token objects and runs the
 * pipeline's regexes (trimmer, stop words, stemmer) on each, though most words recur many times:
 * most of the index's build time and garbage. Split with one regex and run the pipeline once per
 * distinct word instead. The index is the same: each pipeline function maps a word on its own,
 * whatever its neighbours, and Builder.add only uses the terms as keys, so plain strings do (it
 * reads token metadata only for a metadata whitelist, which these indexes have none of). Only
 * the build pipeline changes: the search pipeline is saved with the index and stays lunr's.
 */
export function indexEachWordOnce(builder: lunr.Builder): void {
  const pipeline = builder.pipeline;
  const termsOf = new Map<string, string[]>();
  const terms = (word: string) => {
    let found = termsOf.get(word);
    if (!found) {
      found = pipeline.runString(word);
      termsOf.set(word, found);
    }
    return found;
  };
  // Fields are strings (indexedFields); lunr.tokenizer splits at the same separator.
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(lunr.tokenizer.separator)
      .filter((word) => word !== '');
  builder.tokenizer = words as unknown as typeof builder.tokenizer;
  builder.pipeline = { run: (tokens: string[]) => tokens.flatMap(terms) } as unknown as lunr.Pipeline;
}

export function buildSearchBundle(
  language: SearchLanguage,
  documents: SearchDocument[],
  phrases: readonly (readonly string[])[] = [],
): SearchBundle {
  const builder = createBundleBuilder(language, phrases);
  for (const document of documents) builder.add(document);
  return builder.finish();
}

export function loadIndex(bundle: SearchBundle): lunr.Index {
  // Registering the language plugin also registers its pipeline functions, which load() needs.
  languagePlugin(bundle.language);
  return lunr.Index.load(bundle.index);
}
