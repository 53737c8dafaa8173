/**
 * Writes the result cards of each language (features/search/client-data.ts) beside Pagefind's index,
 * from the fragment files Pagefind has just written: a fragment's id is what a Pagefind search
 * returns, and its metadata is what the page declared for results (features/search/components/SearchRecord.astro).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  encodeHeadingPlaces,
  type ResultCards,
  resultCardsFile,
  TITLE_END_ID,
  type PagefindData,
  parseFragment,
} from '../features/search/index.ts';
import { HEADING_LINK_LABEL } from '../features/content/markdown.ts';

const FRAGMENT = /^(.+)_[^_]+\.pf_fragment$/;

export function writeResultCards(pagefindDir: string): void {
  const byLanguage = new Map<string, ResultCards>();
  const fragmentDir = join(pagefindDir, 'fragment');
  for (const name of readdirSync(fragmentDir)) {
    const language = FRAGMENT.exec(name)?.[1];
    if (!language) continue;
    const id = name.replace(/\.pf_fragment$/, '');
    const fragment = parseFragment(gunzipSync(readFileSync(join(fragmentDir, name))).toString('utf8'), id);
    const { url, meta } = fragment;
    const cards = byLanguage.get(language) ?? {};
    cards[id] = [url, meta.title ?? url, meta.type ?? '', meta.section ?? '', meta.reviewDue ?? '', headingPlaces(fragment)];
    byLanguage.set(language, cards);
  }
  for (const [language, cards] of byLanguage) writeFileSync(join(pagefindDir, resultCardsFile(language)), JSON.stringify(cards));
}

/**
 * Where the title and the h2 and h3 headings are in the page's indexed text, in words (the
 * search's heading boost, merge-hits.ts). The title ends at an empty marker element; a heading's
 * anchor text is its own text followed by its link's ("#", then the label and the text again),
 * which is not indexed.
 */
function headingPlaces({ anchors, meta }: PagefindData): number[] {
  const titleEnd = anchors.find((anchor) => anchor.id === TITLE_END_ID)?.location ?? wordCount(meta.title ?? '');
  const headings = anchors
    .filter(({ element }) => element === 'h2' || element === 'h3')
    .sort((a, b) => a.location - b.location)
    .map(({ text = '', location }): [number, number] => [location, location + wordCount(text.split(`#${HEADING_LINK_LABEL}`)[0] ?? '')]);
  return encodeHeadingPlaces({ titleEnd, headings });
}

/** Words as Pagefind counts them in a page's text: split at white space. */
function wordCount(text: string): number {
  return text.split(/[^\S\uFEFF]+/).filter(Boolean).length;
}
