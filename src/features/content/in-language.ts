/**
 * A page in a reader's language: its current translation into that language where one exists,
 * else the page itself (a stale translation may no longer say what the original says). For the pages rendered on request (My training, the acknowledgements list), which
 * link to handbook pages in the language the signed-in person chose.
 */
import type { PageRecord } from './types.ts';

type Page = Pick<PageRecord, 'url' | 'title' | 'lang' | 'draft' | 'translations' | 'translationStale'>;

const lookups = new WeakMap<readonly Page[], Map<string, Page>>();

function byUrl(pages: readonly Page[]): Map<string, Page> {
  let found = lookups.get(pages);
  if (!found) {
    found = new Map(pages.map((page) => [page.url, page]));
    lookups.set(pages, found);
  }
  return found;
}

export function pageInLanguage(pages: readonly Page[], link: { url: string; title: string }, lang: string): { url: string; title: string } {
  const lookup = byUrl(pages);
  const page = lookup.get(link.url);
  const translationUrl = page && page.lang !== lang ? page.translations.find((translation) => translation.lang === lang)?.url : undefined;
  const translation = translationUrl ? lookup.get(translationUrl) : undefined;
  return translation && !translation.draft && !translation.translationStale ? { url: translation.url, title: translation.title } : link;
}
