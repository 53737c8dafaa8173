/**
 * Loads Pagefind's browser API (written by the build into /pagefind/) for one language. The types
 * cover the part of the API the search uses.
 */
import { PAGEFIND_PATH } from '../client-data.ts';
import { type PagefindData, parseFragment } from '../pagefind-fragment.ts';

export { PAGEFIND_PATH };

export type { PagefindAnchor, PagefindData } from '../pagefind-fragment.ts';

export interface PagefindResult {
  id: string;
  score: number;
  /** Where the searched word is in the page's content. */
  words: number[];
  data(): Promise<PagefindData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
}

export type Filters = Record<string, string[]>;

export interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** `null` finds every page that passes the filters. */
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

let module: Promise<PagefindModule> | undefined;

/**
 * A Pagefind instance searching `language`'s index. Pagefind picks the index from `<html lang>`
 * when an instance is created, with no option to ask for another, so the attribute is set to
 * the wanted language for that one synchronous call and put back at once.
 */
export async function createPagefind(language: string): Promise<PagefindInstance> {
  // A runtime URL: the file is written after Astro has bundled this script.
  module ??= import(/* @vite-ignore */ `${PAGEFIND_PATH}pagefind.js`) as Promise<PagefindModule>;
  const { createInstance } = await module;
  const html = document.documentElement;
  const pageLanguage = html.lang;
  html.lang = language;
  let instance: PagefindInstance;
  try {
    instance = createInstance({ basePath: PAGEFIND_PATH, noWorker: true, excerptLength: 30 });
  } finally {
    html.lang = pageLanguage;
  }
  await instance.init();
  return instance;
}

/** The languages the site has an index for, from Pagefind's entry file. */
export async function pagefindLanguages(): Promise<string[]> {
  const response = await fetch(`${PAGEFIND_PATH}pagefind-entry.json`);
  if (!response.ok) return [];
  const entry = (await response.json()) as { languages?: Record<string, unknown> };
  return Object.keys(entry.languages ?? {});
}

/**
 * A page's text, metadata and headings, read straight from its fragment file with the browser's
 * own gzip (the site's server sends it gzip-encoded, so the browser has unpacked it already).
 * Pagefind's data() does the same and also builds an excerpt for one word, in script: on a long
 * page that costs more than the fetch, and the search builds its own snippets. Throws when the
 * file is not what this expects; the caller then falls back to data().
 */
export async function fetchPageData(id: string): Promise<PagefindData> {
  const response = await fetch(`${PAGEFIND_PATH}fragment/${id}.pf_fragment`);
  if (!response.ok) throw new Error(`No fragment ${id}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return parseFragment(text, id);
}
