/**
 * What the in-page search shows of the pages it ranked: a result listed from its page's card at
 * once, then complete with the page's summary, the snippet of the section that matches best
 * (its words marked) and a link that opens the page there, with the words to highlight.
 */
import { type ResultCard, TITLE_END_ID } from '../client-data.ts';
import type { QueryTerm } from '../query.ts';
import { reviewState, type ReviewState } from '../../content/browser.ts';
import { HIGHLIGHT_PARAM } from './highlight-param.ts';
import type { PagefindAnchor, PagefindData, PagefindResult } from './pagefind.ts';

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
  /** The language of the page: the language of the index it was found in. */
  lang: string;
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

/** A page that answers a question, ranked, before it is described. */
export interface RankedPage {
  score: number;
  lang: string;
  /** The page's title, from its card, for the exact-title rule when languages are merged. */
  title: string | undefined;
  /** The result as listed from its card, when the site has cards. */
  listed: SearchResult | undefined;
  /** The complete result, once the page's text has loaded. */
  describe(): Promise<SearchResult>;
}

export interface Ranking {
  /** The best pages, best first. */
  pages: RankedPage[];
  /** How many pages matched in all. */
  total: number;
}

/** The answer to show for ranked pages: listed from their cards at once where all have one. */
export async function answerOf({ pages, total }: Ranking): Promise<SearchAnswer> {
  const details = Promise.all(pages.map((page) => page.describe()));
  const listed = pages.map((page) => page.listed);
  if (!listed.every((result) => result !== undefined)) return { results: await details, total };
  return { results: listed, total, details };
}

const SNIPPET_WORDS = 30;

/** A result as listed before its page's text has loaded: it opens at the top of the page. */
export function listed([url, title, type, section, reviewDue]: ResultCard, highlight: string[], lang: string): SearchResult {
  return {
    lang,
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
export type PageHits = { term: QueryTerm; hit: PagefindResult }[];

/**
 * A result as the list shows it. The page's text comes from Pagefind once per page (data() also
 * builds an excerpt, which costs milliseconds on long pages); where each word is in the page
 * comes with the word's own hit, so the best section and the snippet are worked out here.
 */
export function describe(hits: PageHits, data: PagefindData, highlight: string[], lang: string): SearchResult {
  // The title, aliases and file name open the page's text: the result shows the title already,
  // and the other two are not on the page. The snippet comes from what follows.
  const titleEnd = data.anchors.find((anchor) => anchor.id === TITLE_END_ID)?.location ?? 0;
  const section = bestSection(hits, data.anchors, titleEnd);
  return {
    lang,
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
