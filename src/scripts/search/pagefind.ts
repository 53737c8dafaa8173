/**
 * Loads Pagefind's browser API (written by the build into /pagefind/) for one language. The types
 * cover the part of the API the search uses.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}

export interface PagefindData {
  url: string;
  /** The page's indexed text, HTML-escaped, words separated by whitespace; locations count words. */
  raw_content?: string;
  content: string;
  meta: Record<string, string | undefined>;
  locations: number[];
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
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
  search(term: string, options?: { filters?: Filters }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

export const PAGEFIND_PATH = '/pagefind/';

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
