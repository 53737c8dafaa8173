/**
 * One lunr index per language over the search documents. Title, aliases, summary and headings
 * weigh more than body text. The index and the documents travel together in one server-only
 * file per language (dist/server/search/<lang>.json).
 */
import type { SearchDocument } from './documents.ts';
import { languagePlugin, lunr, type SearchLanguage } from './languages.ts';
import { tokenize } from './query.ts';
import { buildVocabulary } from './vocabulary.ts';

export const FIELD_BOOSTS = { title: 10, aliases: 8, summary: 4, headings: 3, body: 1 } as const;

export interface SearchBundle {
  language: SearchLanguage;
  index: object;
  documents: SearchDocument[];
  /** Every word the pages use, with its count, for typo correction (vocabulary.ts). */
  vocabulary: [string, number][];
}

export function buildSearchBundle(language: SearchLanguage, documents: SearchDocument[]): SearchBundle {
  const plugin = languagePlugin(language);
  const index = lunr(function () {
    if (plugin) this.use(plugin);
    this.ref('url');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    for (const document of documents) {
      this.add({
        url: document.url,
        title: document.title,
        aliases: document.aliases.join(' \n '),
        summary: document.summary,
        headings: document.sections.map((section) => section.heading).join(' \n '),
        body: document.sections.map((section) => section.text).join(' \n '),
      });
    }
  });
  const words = documents.flatMap((document) => [
    ...tokenize(`${document.title} ${document.summary} ${document.aliases.join(' ')}`),
    ...document.sections.flatMap((section) => tokenize(`${section.heading} ${section.text}`)),
  ]);
  return { language, index: index.toJSON(), documents, vocabulary: buildVocabulary(words) };
}

export function loadIndex(bundle: SearchBundle): lunr.Index {
  // Registering the language plugin also registers its pipeline functions, which load() needs.
  languagePlugin(bundle.language);
  return lunr.Index.load(bundle.index);
}
